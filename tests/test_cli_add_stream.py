"""`gamemusic add` on what the streaming soundtrack is for: loud transients, long recordings,
bounded memory, and a cancel in the middle. Clips are made here, as cheap as they can be."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import anyio
import numpy as np
import pytest
from typer.testing import CliRunner

from gamemusic.app import App
from gamemusic.cli import app
from gamemusic.media.meter import true_peak
from helpers import decode_audio, ffmpeg, loudness, make_video, probe

SR = 48000
runner = CliRunner()


def loud_transients(path: Path, seconds: int = 24) -> Path:
    """Game audio at -26 dB with a burst every 3 s that reaches full scale within 5 ms."""
    rng = np.random.default_rng(5)
    x = (rng.standard_normal((seconds * SR, 2)) * 10 ** (-26 / 20) * 0.3).astype(np.float32)
    body = np.concatenate([np.linspace(0, 1, 240), np.exp(-np.arange(SR // 5) / (SR * 0.05))])
    for start in range(3 * SR, (seconds - 1) * SR, 3 * SR):
        burst = rng.standard_normal((len(body), 2)).astype(np.float32)
        x[start : start + len(body)] += burst / np.abs(burst).max() * body[:, None]
    raw = path.with_suffix(".f32")
    np.clip(x, -1, 1).astype("<f4").tofile(raw)
    ffmpeg("-f", "lavfi", "-i", f"color=c=gray:s=1920x1080:r=5:d={seconds}",
           "-f", "f32le", "-ar", "48000", "-ac", "2", "-i", str(raw),
           "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
           "-c:a", "aac", "-b:a", "320k", "-shortest", str(path))  # fmt: skip
    return path


def test_loud_transients_stay_under_minus_1_dbtp_in_the_decoded_output(tmp_path: Path) -> None:
    src = loud_transients(tmp_path / "explosions.mp4")
    assert 20 * np.log10(true_peak(decode_audio(src))) > -1.0, "the input does clip"
    result = runner.invoke(app, ["add", str(src), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    audio = decode_audio(Path(json.loads(result.stdout)["job"]["output_path"]))
    assert 20 * np.log10(true_peak(audio)) <= -1.0
    assert loudness(audio) == pytest.approx(-14, abs=0.5)


def test_a_softer_game_volume_makes_the_game_a_smaller_share_of_the_mix(tmp_path: Path) -> None:
    src = make_video(tmp_path / "tone.mp4", seconds=4, tone_hz=1234.0, size=(1920, 1080))

    async def render(game_volume: float) -> Path:
        engine = App()
        try:
            up = await engine.upload(str(src))
            await engine.edit(up.session_id, "add chiptune music")
            async with engine.store.writing(up.session_id) as session:
                session.project().draft.meta.game_volume = game_volume
            out = tmp_path / f"game_{game_volume:g}.mp4"
            done = await engine.export(up.session_id, output=str(out), wait_s=120)
            assert done.done, done.text
            return out
        finally:
            await engine.aclose()

    def music_over_game_db(path: Path) -> float:
        """Energy outside the game's tone against the tone's own, dB."""
        mono = decode_audio(path).mean(axis=1).astype(np.float64)
        spec = np.abs(np.fft.rfft(mono * np.hanning(len(mono)))) ** 2
        freqs = np.fft.rfftfreq(len(mono), 1 / SR)
        tone = (freqs > 1229) & (freqs < 1239)
        return float(10 * np.log10(spec[~tone].sum() / spec[tone].sum()))

    full, soft = (music_over_game_db(anyio.run(render, v)) for v in (1.0, 0.5))
    assert soft - full == pytest.approx(6.0, abs=1.5)  # half the game's gain: 6 dB


@pytest.mark.slow
def test_a_recording_over_30_minutes_is_accepted(tmp_path: Path) -> None:
    long = tmp_path / "marathon.mp4"
    ffmpeg("-f", "lavfi", "-i", "color=c=black:s=1920x1080:r=1:d=1850",
           "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=48000:duration=1850",
           "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
           "-c:a", "aac", "-ac", "2", "-shortest", str(long))  # fmt: skip
    result = runner.invoke(app, ["add", str(long), "--mode", "no-music", "--json"])
    assert result.exit_code == 0, result.stderr
    out = Path(json.loads(result.stdout)["job"]["output_path"])
    p = probe(out)
    assert (p.video_codec, p.audio_codec) == ("h264", "aac")
    assert p.duration == pytest.approx(1850, abs=1.0)


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except FileNotFoundError:
        return []


def _is_aac_encoder(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"adts" in f.read()
    except OSError:
        return False


# `gamemusic add` as started from a terminal: Ctrl-C (SIGINT) at its default even when this
# test runs where it is ignored (a job started in the background by a non-interactive shell
# ignores SIGINT, and so do its children, as nohup'ed work should).
_AS_FROM_A_TERMINAL = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'gamemusic'; runpy.run_module('gamemusic', run_name='__main__')"
)


def _gamemusic(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", _AS_FROM_A_TERMINAL, "add", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # errors go to the log; the exit code says enough here
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_peak_memory_stays_bounded_on_a_10_minute_clip(tmp_path: Path) -> None:
    clip = tmp_path / "ten.mp4"
    ffmpeg("-f", "lavfi", "-i", "color=c=black:s=1920x1080:r=2:d=600",
           "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.3:sample_rate=48000:d=600",
           "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
           "-c:a", "aac", "-ac", "2", "-shortest", str(clip))  # fmt: skip
    # The game audio streams through decode, analysis, mix, limiter and encoders; 10 minutes
    # of it held whole would be 230 MB as float32 at each stage.
    peak = 0
    with _gamemusic(str(clip), "--mode", "no-music", "-o", str(tmp_path / "out.mp4")) as proc:
        while proc.poll() is None:
            peak = max(peak, _rss_kb(proc.pid))
            time.sleep(0.05)
        assert proc.returncode == 0
    assert probe(tmp_path / "out.mp4").duration == pytest.approx(600, abs=0.5)
    assert 0 < peak < 250_000, f"peak RSS {peak / 1024:.0f} MB"  # the 2-minute bar: flat in length


def test_a_cancel_mid_stream_leaves_no_file_and_no_process(tmp_path: Path) -> None:
    clip = tmp_path / "match.mp4"
    # Ten minutes, so that the render is still far from done when the signal lands, even on
    # a loaded machine (four minutes render in about 3 s now).
    ffmpeg("-f", "lavfi", "-i", "color=c=black:s=1920x1080:r=2:d=600",
           "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.3:sample_rate=48000:d=600",
           "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
           "-c:a", "aac", "-aac_coder", "fast", "-ac", "2", "-shortest", str(clip))  # fmt: skip
    seen: set[int] = set()
    with _gamemusic(str(clip), "--mode", "no-music") as proc:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            kids = _children(proc.pid)
            seen.update(kids)
            if any(_is_aac_encoder(k) for k in kids):  # the soundtrack is streaming
                break
            time.sleep(0.02)
        assert proc.poll() is None and seen, "caught it while encoding"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 130
    time.sleep(0.2)
    assert [pid for pid in seen if Path(f"/proc/{pid}").exists()] == []
    written = [p.name for p in tmp_path.iterdir() if p.is_file() and p.name != "match.mp4"]
    assert written == [], "no output and no partial file"
