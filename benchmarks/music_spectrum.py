"""Spectral balance of each style, and spectrogram PNGs to look at.

Per style and seed: the share of energy below 60 Hz, in 2-5 kHz (presence) and above 12 kHz
(where the old reverb's images sat), in dB of the total, from a 60 s render.

    python benchmarks/music_spectrum.py [--seconds 60] [--png DIR] [--styles boss,rpg]
"""

from __future__ import annotations

import argparse
import struct
import zlib
from pathlib import Path

import numpy as np

from gamemusic.music import STYLES, render_music

SR = 48000
BANDS = {"sub60": (0.0, 60.0), "presence2-5k": (2000.0, 5000.0), "above12k": (12000.0, 24000.0)}


def band_shares(audio: np.ndarray) -> dict[str, float]:
    """dB share of the total energy in each band, from a Welch-style average of 8192-point FFTs."""
    mono = audio.mean(axis=1)
    n = 8192
    frames = mono[: len(mono) // n * n].reshape(-1, n) * np.hanning(n)
    power = (np.abs(np.fft.rfft(frames, axis=1)) ** 2).sum(axis=0)
    freqs = np.fft.rfftfreq(n, 1 / SR)
    total = power.sum()
    return {
        name: 10 * np.log10(max(1e-20, power[(freqs >= lo) & (freqs < hi)].sum() / total))
        for name, (lo, hi) in BANDS.items()
    }


def _png(path: Path, rgb: np.ndarray) -> None:
    """Write an (h, w, 3) uint8 image as PNG with zlib only."""
    h, w, _ = rgb.shape
    raw = b"".join(b"\0" + rgb[y].tobytes() for y in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def spectrogram_png(path: Path, audio: np.ndarray, seconds: float = 20.0) -> None:
    """Log-frequency spectrogram (30 Hz .. 24 kHz, 80 dB range) of the first `seconds`."""
    mono = audio[: int(seconds * SR)].mean(axis=1)
    n, hop = 4096, 960
    idx = np.arange(0, len(mono) - n, hop)
    frames = np.stack([mono[i : i + n] for i in idx]) * np.hanning(n)
    db = 10 * np.log10(np.abs(np.fft.rfft(frames, axis=1)) ** 2 + 1e-12)
    freqs = np.fft.rfftfreq(n, 1 / SR)
    rows = np.geomspace(30, 24000, 360)[::-1]
    img = db[:, np.clip(np.searchsorted(freqs, rows), 0, len(freqs) - 1)].T
    img = np.clip((img - (img.max() - 80)) / 80, 0, 1)
    rgb = np.stack([img**0.7, img**1.5, 0.3 + 0.7 * img**4], axis=-1)
    for hz in (60, 2000, 5000, 12000):  # grey guide lines
        rgb[int(np.searchsorted(-rows, -hz)), :, :] = 0.5
    _png(path, (rgb * 255).astype(np.uint8))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seeds", default="1,2")
    parser.add_argument("--styles", default=",".join(STYLES))
    parser.add_argument("--png", type=Path, default=None)
    args = parser.parse_args()
    print(f"{'style':<11}{'seed':>5}" + "".join(f"{b:>14}" for b in BANDS) + "  (dB of total)")
    for style in args.styles.split(","):
        for seed in (int(s) for s in args.seeds.split(",")):
            audio = render_music(style, args.seconds, seed=seed)
            shares = band_shares(audio)
            print(f"{style:<11}{seed:>5}" + "".join(f"{v:>14.1f}" for v in shares.values()))
            if args.png:
                args.png.mkdir(parents=True, exist_ok=True)
                spectrogram_png(args.png / f"{style}-{seed}.png", audio)


if __name__ == "__main__":
    main()
