"""What `gamemusic add`, `demo`, `music` and a session export produce, measured on the files:
frames (padding, titles), audio (modes, seed, tempo, volume, fades), MIDI, and reuse.

Black box through the CLI (typer's runner, in process), with media the tests make."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import av
import numpy as np
import pytest
from typer.testing import CliRunner

from gamemusic.cli import app
from helpers import decode_audio, ffmpeg, probe

SR = 48000
TONE = 1016.7  # a quarter tone between B5 and C6: no note of the music, nor its low harmonics
BAND = 4.0


def game_clip(path: Path, seconds: float = 1.0, size: tuple[int, int] = (320, 180)) -> Path:
    """A flat blue picture (so bars, titles and stretching show) with a loud steady tone."""
    w, h = size
    ffmpeg(
        "-f", "lavfi", "-i", f"color=c=0x3070c0:size={w}x{h}:rate=15:duration={seconds}",
        "-f", "lavfi", "-i", f"aevalsrc=0.5*sin(2*PI*{TONE}*t):s={SR}:d={seconds}",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-ac", "2", "-shortest", str(path),
    )  # fmt: skip
    return path


def cli(*args: str) -> dict:
    result = CliRunner().invoke(app, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def add(src: Path, out: Path, *options: str) -> Path:
    data = cli("add", str(src), "-o", str(out), "--force", *options)
    assert data["done"], data
    return out


def luma(path: Path, at_s: float = 0.5) -> np.ndarray:
    """The luma plane of the frame shown at `at_s`, (height, width) uint8."""
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        for frame in c.decode(stream):
            if frame.time is not None and frame.time >= at_s:
                return frame.to_ndarray(format="gray")
    raise AssertionError("no frame at that time")


def band_db(samples: np.ndarray, lo: float, hi: float) -> float:
    mono = samples.mean(axis=1).astype(np.float64)
    spec = np.abs(np.fft.rfft(mono * np.hanning(len(mono)))) ** 2
    freqs = np.fft.rfftfreq(len(mono), 1 / SR)
    return float(10 * np.log10(spec[(freqs >= lo) & (freqs < hi)].sum() + 1e-20))


def music_over_game_db(samples: np.ndarray) -> float:
    """Energy away from the game's tone over the energy at it, dB."""
    tone = band_db(samples, TONE - BAND, TONE + BAND)
    total = band_db(samples, 0, SR / 2)
    rest = 10 * np.log10(max(10 ** (total / 10) - 10 ** (tone / 10), 1e-20))
    return float(rest - tone)


def rms_db(samples: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(samples.astype(np.float64) ** 2)) + 1e-12))


@pytest.fixture(scope="module")
def landscape(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return game_clip(tmp_path_factory.mktemp("media") / "match.mp4")


# ---- picture --------------------------------------------------------------------------------


@pytest.mark.parametrize(("aspect", "size"), [("9:16", (1080, 1920)), ("1:1", (1080, 1080))])
def test_a_vertical_or_square_aspect_pads_landscape_input_and_never_stretches_it(
    landscape: Path, tmp_path: Path, aspect: str, size: tuple[int, int]
) -> None:
    out = add(landscape, tmp_path / "out.mp4", "--aspect", aspect)
    assert (probe(out).width, probe(out).height) == size
    frame = luma(out)
    picture_rows = np.flatnonzero(frame[:, size[0] // 2] > 40)
    bars = frame[: picture_rows[0]], frame[picture_rows[-1] + 1 :]
    assert all(bar.size and bar.max() < 30 for bar in bars), "black bars above and below"
    height = picture_rows[-1] - picture_rows[0] + 1
    assert abs(height - size[0] * 180 / 320) <= 4, "the picture keeps 16:9 at full width"
    assert (frame[picture_rows[0] + 2 : picture_rows[-1] - 2] > 40).all(), "no bars at the sides"


@pytest.mark.slow
def test_titles_go_top_center_or_bottom_as_asked(landscape: Path, tmp_path: Path) -> None:
    sid = cli("upload", str(landscape))["session_id"]
    rows = {}
    for place in ("top", "center", "bottom"):
        cli("edit", sid, "remove the titles")
        cli("edit", sid, f'add the title "BOSS RUSH" at the {place}')
        out = cli("export", sid, "-o", str(tmp_path / f"{place}.mp4"))["job"]["output_path"]
        frame = luma(Path(out)).astype(np.int16)
        text_rows = np.flatnonzero((np.abs(frame - np.median(frame)) > 60).any(axis=1))
        assert text_rows.size, f"no title drawn at {place}"
        rows[place] = text_rows.mean() / frame.shape[0]
    assert rows["top"] < 1 / 3 < rows["center"] < 2 / 3 < rows["bottom"]


# ---- sound ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_modes_keep_mix_or_drop_the_game_sound_and_the_music(
    landscape: Path, tmp_path: Path
) -> None:
    heard = {
        mode: decode_audio(add(landscape, tmp_path / f"{mode}.mp4", "--mode", mode))
        for mode in ("duck", "mix", "mute-game", "no-music")
    }
    tone = {
        m: band_db(a, TONE - BAND, TONE + BAND) - band_db(a, 0, SR / 2) for m, a in heard.items()
    }
    assert tone["no-music"] > -1.0, "no-music: the game tone is nearly all there is"
    assert music_over_game_db(heard["no-music"]) < -35.0, "no-music: no music under it"
    assert tone["mute-game"] < -25.0, "mute-game: the game tone is gone"
    assert rms_db(heard["mute-game"]) > -40.0, "mute-game: the music plays"
    for mode in ("mix", "duck"):  # the game tone leads, the music is heard under it
        assert tone[mode] > -3.0 and -35.0 < music_over_game_db(heard[mode]) < -6.0, mode
    assert music_over_game_db(heard["mix"]) > music_over_game_db(heard["duck"]) + 2.0, (
        "mix does not duck the music under the loud game"
    )


@pytest.mark.slow
def test_another_seed_is_another_take_and_the_same_seed_the_same_one(
    landscape: Path, tmp_path: Path
) -> None:
    def take(seed: int, name: str) -> np.ndarray:
        out = add(landscape, tmp_path / name, "--mode", "mute-game", "--seed", str(seed))
        return decode_audio(out).mean(axis=1)

    a, again, b = take(0, "a.mp4"), take(0, "a2.mp4"), take(7, "b.mp4")
    n = min(len(a), len(again), len(b))
    same = np.corrcoef(a[:n], again[:n])[0, 1]
    other = np.corrcoef(a[:n], b[:n])[0, 1]
    assert same > 0.99 and other < 0.8


@pytest.mark.slow
def test_the_bpm_option_sets_the_tempo_heard_in_the_file(tmp_path: Path) -> None:
    """The written tempo and the one measured from the rendered music's onsets (the export's
    music report) follow --bpm."""
    clip = game_clip(tmp_path / "long.mp4", seconds=40.0, size=(160, 90))
    measured = {}
    for bpm in (90, 150):
        data = cli("add", str(clip), "-o", str(tmp_path / f"{bpm}.mp4"), "--force",
                   "--mode", "mute-game", "--bpm", str(bpm), "--style", "synthwave")  # fmt: skip
        assert data["done"], data
        music = data["job"]["music"]
        assert music["tempo_bpm"] == bpm
        measured[bpm] = music["measured_bpm"]
    # the onset-based measurement of a 40 s clip is rough (syncopation, breaks and fills):
    # within 15 %, and clearly apart
    assert measured[90] == pytest.approx(90, rel=0.15)
    assert measured[150] == pytest.approx(150, rel=0.15)
    assert measured[150] / measured[90] > 1.35


@pytest.mark.slow
def test_the_volume_option_sets_the_music_level_under_the_game(
    landscape: Path, tmp_path: Path
) -> None:
    ratio = {
        v: music_over_game_db(
            decode_audio(add(landscape, tmp_path / f"{v}.mp4", "--mode", "mix", "--volume", v))
        )
        for v in ("0.2", "0.8")
    }
    assert ratio["0.8"] - ratio["0.2"] > 6.0  # 4x the volume is 12 dB; the limiter may take some


@pytest.mark.slow
def test_the_music_fades_in_and_out_in_the_rendered_audio(tmp_path: Path) -> None:
    clip = game_clip(tmp_path / "six.mp4", seconds=6.0, size=(160, 90))
    music = decode_audio(add(clip, tmp_path / "out.mp4", "--mode", "mute-game"))
    quarter = SR // 4
    start, end = rms_db(music[:quarter]), rms_db(music[-quarter:])
    middle = rms_db(music[len(music) // 2 - SR // 2 : len(music) // 2 + SR // 2])
    assert start < middle - 6.0 and end < middle - 6.0
    first_second = [rms_db(music[i : i + quarter]) for i in range(0, SR, quarter)]
    assert first_second[0] < first_second[-1], "it rises over the first second"


# ---- demo, music + MIDI, reuse --------------------------------------------------------------


@pytest.mark.slow
def test_demo_makes_a_clip_and_its_1080p_result_with_music(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = CliRunner().invoke(app, ["demo", "-o", str(folder), "--seconds", "3"])
    assert result.exit_code == 0, result.stderr
    out = Path(result.stdout.strip())
    assert out.is_file() and out.parent == folder
    info = probe(out)
    assert (info.width, info.height, info.video_codec, info.audio_codec) == (
        1920, 1080, "h264", "aac"
    )  # fmt: skip
    assert abs(info.duration - 3.0) < 0.15 and rms_db(decode_audio(out)) > -40.0


def read_midi(path: Path) -> tuple[float, list[tuple[float, float, int]]]:
    """(tempo bpm, notes as (start s, end s, pitch)) from a standard MIDI file."""
    data = path.read_bytes()
    assert data[:4] == b"MThd"
    division = struct.unpack(">H", data[12:14])[0]
    pos, tempo, events = 14, 500000, []
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        body, pos = data[pos + 8 : pos + 8 + length], pos + 8 + length
        if kind != b"MTrk":
            continue
        i, tick, status = 0, 0, 0
        while i < len(body):
            delta = 0
            while True:
                byte = body[i]
                i += 1
                delta = (delta << 7) | (byte & 0x7F)
                if byte < 0x80:
                    break
            tick += delta
            if body[i] >= 0x80:
                status, i = body[i], i + 1
            if status == 0xFF:
                meta, n = body[i], body[i + 1]
                if meta == 0x51:
                    tempo = int.from_bytes(body[i + 2 : i + 5], "big")
                i += 2 + n
            elif status in (0xF0, 0xF7):
                i += 1 + body[i]
            else:
                size = 1 if status & 0xF0 in (0xC0, 0xD0) else 2
                events.append((tick, status & 0xF0, status & 0x0F, *body[i : i + size]))
                i += size
    seconds = tempo / 1e6 / division
    notes, open_notes = [], {}
    for tick, kind, channel, *rest in sorted(events):
        if kind == 0x90 and rest[1] > 0:
            open_notes[(channel, rest[0])] = tick
        elif kind in (0x80, 0x90) and (channel, rest[0]) in open_notes:
            start = open_notes.pop((channel, rest[0]))
            notes.append((start * seconds, tick * seconds, rest[0]))
    return 60e6 / tempo, notes


def test_music_with_midi_writes_a_wav_whose_notes_the_midi_matches(tmp_path: Path) -> None:
    import librosa

    wav, mid = tmp_path / "x.wav", tmp_path / "y.mid"
    result = CliRunner().invoke(
        app, ["music", "-o", str(wav), "--midi", str(mid), "--duration", "8", "--bpm", "120"]
    )
    assert result.exit_code == 0, result.stderr
    bpm, notes = read_midi(mid)
    audio, sr = librosa.load(str(wav), sr=22050, mono=True)
    assert abs(len(audio) / sr - 8.0) < 0.05 and abs(bpm - 120) < 0.5
    assert notes and max(end for _, end, _ in notes) <= 8.0 + 0.05
    assert max(end for _, end, _ in notes) > 7.0, "the notes last the whole piece"
    # timing: the audio's note onsets fall on the MIDI's
    starts = np.array(sorted({round(s, 3) for s, _, p in notes if p >= 36}))
    heard = librosa.onset.onset_detect(y=audio, sr=sr, units="time", backtrack=False)
    near = [np.min(np.abs(starts - t)) < 0.06 for t in heard]
    assert len(heard) > 8 and np.mean(near) > 0.8
    # pitch: the audio's pitch classes are the MIDI's (pitched notes, weighted by length)
    chroma = librosa.feature.chroma_stft(y=audio, sr=sr).sum(axis=1)
    written = np.zeros(12)
    for start, end, pitch in notes:
        if 40 <= pitch <= 96:  # melodic range: drum notes on other channels fall outside often
            written[pitch % 12] += end - start
    assert np.corrcoef(chroma, written)[0, 1] > 0.6


@pytest.mark.slow
def test_a_second_export_of_an_unchanged_draft_reuses_the_file(
    landscape: Path, tmp_path: Path
) -> None:
    sid = cli("upload", str(landscape))["session_id"]
    cli("edit", sid, "add chiptune music")
    first = cli("export", sid)["job"]
    stamp = Path(first["output_path"]).stat().st_mtime_ns
    second = cli("export", sid)["job"]
    assert (second["job_id"], second["output_path"]) == (first["job_id"], first["output_path"])
    assert Path(second["output_path"]).stat().st_mtime_ns == stamp
    cli("edit", sid, "make it quieter")
    third = cli("export", sid)["job"]
    assert third["output_path"] != first["output_path"] and Path(third["output_path"]).is_file()
