"""Our AAC settings against ffmpeg's default, on two minutes of our own music: CPU seconds of
the encode, and how close the decoded audio stays to the source (signal-to-error in dB, per
band and for the stereo difference; higher is closer).

    python benchmarks/aac_quality.py

Why it matters: the AAC encode is most of a copy-path render's CPU, and the audio is what the
listener hears. We use the fast coder without intensity stereo at 256 kbit/s (media/aac.py).
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from add_bench import FFMPEG, make_wav
from gamemusic.media.aac import codec_args

BANDS = ((0, 500), (500, 2000), (2000, 6000), (6000, 12000), (12000, 16000))
SETTINGS = {
    "ffmpeg default (two-loop, 192k)": ["-c:a", "aac", "-b:a", "192k"],
    "ours": codec_args(),
}


def decode(data: bytes) -> np.ndarray:
    raw = subprocess.run([FFMPEG, "-v", "error", "-f", "aac", "-i", "pipe:0", "-f", "f32le",
                          "-ac", "2", "-ar", "48000", "pipe:1"], input=data,
                         capture_output=True, check=True).stdout  # fmt: skip
    return np.frombuffer(raw, "<f4").reshape(-1, 2)


def encode(pcm: bytes, args: list[str]) -> tuple[bytes, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([FFMPEG, "-v", "error", "-f", "f32le", "-ar", "48000", "-ac", "2",
                          "-i", "pipe:0", *args, "-f", "adts", "pipe:1"], input=pcm,
                         capture_output=True, check=True).stdout  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return out, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def snr(ref: np.ndarray, err: np.ndarray) -> float:
    return float(10 * np.log10(np.sum(ref**2) / max(np.sum(err**2), 1e-20)))


def main() -> None:
    raw = subprocess.run([FFMPEG, "-v", "error", "-i", str(make_wav(120.0)), "-f", "f32le",
                          "-ac", "2", "-ar", "48000", "pipe:1"], capture_output=True,
                         check=True).stdout  # fmt: skip
    src = np.frombuffer(raw, "<f4").reshape(-1, 2)
    n = 1 << 22  # ~87 s of the middle, for the spectra
    freqs = np.fft.rfftfreq(n, 1 / 48000)
    for name, args in SETTINGS.items():
        data, cpu = encode(raw, args)
        out = decode(data)[1024:]  # ADTS keeps the encoder's 1024 samples of delay
        m = min(len(out), len(src)) - 48000
        ref, err = src[48000:m], out[48000:m] - src[48000:m]
        ref_f = np.abs(np.fft.rfft(ref[:n, 0])) ** 2
        err_f = np.abs(np.fft.rfft(err[:n, 0])) ** 2
        bands = "  ".join(
            f"{lo / 1000:g}-{hi / 1000:g}k {snr_bins(ref_f, err_f, freqs, lo, hi):5.1f}"
            for lo, hi in BANDS
        )
        side = snr(ref[:, 0] - ref[:, 1], err[:, 0] - err[:, 1])
        print(f"{name:32s} CPU {cpu:5.2f} s  {len(data) * 8 / 120 / 1000:4.0f} kbit/s  "
              f"SNR {snr(ref, err):5.1f} dB  side {side:5.1f}  bands: {bands}")  # fmt: skip


def snr_bins(ref: np.ndarray, err: np.ndarray, freqs: np.ndarray, lo: float, hi: float) -> float:
    pick = (freqs >= lo) & (freqs < hi)
    return float(10 * np.log10(ref[pick].sum() / max(err[pick].sum(), 1e-20)))


if __name__ == "__main__":
    main()
