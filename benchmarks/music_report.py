"""Structure figures for composed pieces, per style and seed, and piano-roll PNGs.

Per style: distinct lead bar rhythms per minute, phrase endings on the tonic or dominant,
how often the hook recurs (exactly / varied), leading-tone resolution, the distance between
two seeds (lead notes, progression, drum patterns), compose time, and a piano roll under
benchmarks/out/. `--show STYLE` prints lead, bass and chords bar by bar.

    python benchmarks/music_report.py [--seconds 120] [--seeds 1 2] [--show boss]
"""

from __future__ import annotations

import argparse
import itertools
import struct
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

from gamemusic.music import STYLES, Piece, compose

OUT = Path(__file__).parent / "out"
NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")


def _role(piece: Piece, role: str) -> str | None:
    return next((v.name for v in piece.style.voices if v.role == role), None)


def bars_of(piece: Piece, voice: str | None) -> dict[int, list[tuple[int, int]]]:
    """bar index -> [(sixteenth step in the bar, pitch)] for one voice (swing undone)."""
    g = piece.grid
    out: dict[int, list[tuple[int, int]]] = {}
    if voice is None:
        return out
    for n in piece.notes:
        if n.voice != voice or n.dur_s > 1e8:
            continue
        beat = n.start_s / g.beat_s
        step = round((beat - g.phase) * 4)
        if g.swing:  # undo the swing mapping on the beat fraction
            b = int(step // 4)
            frac = beat - g.phase - b
            mid = 0.5 + g.swing / 6
            frac = frac / (2 * mid) if frac < mid else 0.5 + (frac - mid) / (2 * (1 - mid))
            step = round((b + frac) * 4)
        out.setdefault(step // 16, []).append((step % 16, n.pitch))
    return out


def distinct_rhythms_per_min(piece: Piece) -> float:
    bars = bars_of(piece, _role(piece, "lead"))
    rhythms = {tuple(sorted({s for s, _ in notes})) for notes in bars.values()}
    return len(rhythms) / (piece.duration_s / 60)


def phrase_endings(piece: Piece) -> Counter[str]:
    """The last lead note of each A/B section: tonic, dominant or other (in its key)."""
    lead = _role(piece, "lead")
    out: Counter[str] = Counter()
    for sec in piece.sections:
        if sec.name not in ("A", "B"):
            continue
        notes = [
            n
            for n in piece.notes
            if n.voice == lead and sec.start_s <= n.start_s < sec.end_s - 1e-6
        ]
        if not notes:
            continue
        pc = (notes[-1].pitch - piece.tonic - sec.shift) % 12
        out["tonic" if pc == 0 else "dominant" if pc == 7 else f"other{pc}"] += 1
    return out


def leading_tones(piece: Piece) -> tuple[int, int]:
    """(resolved, total) lead leading tones (a semitone under the tonic) in this key."""
    lead = [n for n in piece.notes if n.voice == _role(piece, "lead")]
    ok = total = 0
    for a, b in itertools.pairwise(lead):
        sec = next(s for s in piece.sections if s.start_s <= a.start_s < s.end_s + 1e-6)
        if (a.pitch - piece.tonic - sec.shift) % 12 == 11 and b.start_s - a.start_s < 2:
            total += 1
            ok += b.pitch in (a.pitch, a.pitch + 1)
    return ok, total


def hook_stats(piece: Piece) -> tuple[int, int, int]:
    """(A-type phrases, exact hook restatements, varied ones) for the first 2 bars."""
    lead = _role(piece, "lead")
    bars = bars_of(piece, lead)
    g = piece.grid
    heads = []
    for sec in piece.sections:
        if sec.name != "A":
            continue
        b0 = (sec.start_beat - g.phase) // 4
        seq = [
            *((s, p - piece.tonic - sec.shift) for s, p in bars.get(b0, [])),
            *((16 + s, p - piece.tonic - sec.shift) for s, p in bars.get(b0 + 1, [])),
        ]
        heads.append(tuple(seq))
    if not heads:
        return 0, 0, 0
    ref = heads[0]
    exact = sum(1 for h in heads[1:] if h == ref)
    ref_r = {s for s, _ in ref}
    varied = sum(
        1 for h in heads[1:] if h != ref and len(ref_r & {s for s, _ in h}) >= 0.5 * len(ref_r)
    )
    return len(heads), exact, varied


def progression(piece: Piece) -> list[str]:
    return [c.name for c in piece.chords]


def drum_bars(piece: Piece) -> list[tuple[int, ...]]:
    bars = bars_of(piece, _role(piece, "drums"))
    return [tuple(sorted(set(bars[k]))) for k in sorted(bars)]


def jaccard(a: set, b: set) -> float:
    return 1 - len(a & b) / max(1, len(a | b))


def seed_distance(p: Piece, q: Piece) -> tuple[float, float, float]:
    """(lead, progression, drums) distances 0..1 between two pieces."""
    lead_p = {(k, s, x % 12) for k, v in bars_of(p, _role(p, "lead")).items() for s, x in v}
    lead_q = {(k, s, x % 12) for k, v in bars_of(q, _role(q, "lead")).items() for s, x in v}
    prog = jaccard(set(enumerate(progression(p))), set(enumerate(progression(q))))
    dp, dq = drum_bars(p), drum_bars(q)
    drums = jaccard(set(enumerate(dp)), set(enumerate(dq)))
    return jaccard(lead_p, lead_q), prog, drums


def spectrum(piece: Piece) -> tuple[float, float, float]:
    """(sub-60 Hz, 100-500 Hz, 2-5 kHz) shares of the rendered mix's energy."""
    from gamemusic.music import synthesize

    y = synthesize(piece, 24000).mean(axis=1).astype(np.float64)
    power = np.abs(np.fft.rfft(y)) ** 2
    freqs = np.fft.rfftfreq(len(y), 1 / 24000)
    total = power.sum() or 1.0

    def share(lo: float, hi: float) -> float:
        return float(power[(freqs >= lo) & (freqs < hi)].sum() / total)

    return share(20, 60), share(100, 500), share(2000, 5000)


def png(path: Path, rgb: np.ndarray) -> None:
    """Write an (h, w, 3) uint8 image as PNG with zlib only."""
    h, w, _ = rgb.shape
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    path.write_bytes(data + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def piano_roll(piece: Piece, path: Path, px_per_s: float = 16) -> None:
    colours = [
        (230, 80, 80),
        (80, 170, 240),
        (120, 220, 120),
        (240, 200, 60),
        (200, 120, 240),
        (240, 140, 60),
        (90, 220, 210),
    ]
    w = int(piece.duration_s * px_per_s) + 1
    lo, hi = 24, 100
    h = (hi - lo) * 3 + 40
    img = np.full((h, w, 3), 18, np.uint8)
    for sec in piece.sections:  # section lines and bar lines
        img[:, min(w - 1, int(sec.start_s * px_per_s))] = (90, 90, 90)
    bar_s = piece.grid.beat_s * 4
    t = piece.grid.phase * piece.grid.beat_s
    while t < piece.duration_s:
        img[h - 40 :, int(t * px_per_s)] = (60, 60, 60)
        t += bar_s
    for n in piece.notes:
        i = piece.voice_names().index(n.voice)
        x0 = int(n.start_s * px_per_s)
        x1 = max(x0 + 1, int(min(piece.duration_s, n.start_s + n.dur_s) * px_per_s))
        role = piece.style.voices[i].role
        if role == "drums":
            y = h - 38 + (n.pitch % 12) * 3
            img[y : y + 2, x0 : x0 + 2] = (200, 200, 200)
            continue
        y = (hi - min(hi - 1, max(lo, n.pitch))) * 3
        img[y : y + 2, x0:x1] = colours[i % len(colours)]
    png(path, img)


def show(piece: Piece, bars: int = 24) -> None:
    """Lead, bass and chords bar by bar, as a composer reads a lead sheet."""
    g = piece.grid
    lead, bass = bars_of(piece, _role(piece, "lead")), bars_of(piece, _role(piece, "bass"))
    form = [s.name + (f"+{s.shift}" if s.shift else "") for s in piece.sections]
    print(
        f"{piece.style.id} seed {piece.seed}: {piece.bpm:.0f} bpm, "
        f"tonic {NAMES[piece.tonic % 12]}, {form}"
    )
    by_bar: dict[int, list[str]] = {}
    for c in piece.chords:
        b = round(c.start_s / g.beat_s - g.phase) // 4
        by_bar.setdefault(b, []).append(c.name)
    for b in range(min(bars, max(by_bar, default=0) + 1)):
        mel = " ".join(f"{s:>2}:{NAMES[p % 12]}{p // 12 - 1}" for s, p in lead.get(b, []))
        low = " ".join(NAMES[p % 12] + str(p // 12 - 1) for _, p in bass.get(b, [])[:4])
        print(f"  bar {b:>3} {' '.join(by_bar.get(b, [])):<12} | {mel:<60} | {low}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seeds", type=int, nargs=2, default=(1, 2))
    parser.add_argument("--show", nargs="*", default=())
    parser.add_argument("--spectrum", action="store_true", help="render and measure the mix")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    print(
        f"{'style':<10} {'rhy/min':>7} {'endings T/D/other':>18} {'LT res':>7} "
        f"{'hook A/exact/var':>16} {'dist lead/prog/drums':>21} {'cpu s':>9}"
    )
    for style in STYLES:
        pieces = []
        for seed in args.seeds:
            t0 = time.process_time()  # CPU time: fair on a loaded machine
            p = compose(style, args.seconds, seed=seed)
            dt = time.process_time() - t0
            pieces.append((p, dt))
            piano_roll(p, OUT / f"roll_{style}_{seed}.png")
        p, dt = pieces[0]
        ends = phrase_endings(p)
        other = sum(v for k, v in ends.items() if k.startswith("other"))
        ok, total = leading_tones(p)
        hooks = hook_stats(p)
        dist = seed_distance(p, pieces[1][0])
        print(
            f"{style:<10} {distinct_rhythms_per_min(p):>7.1f} "
            f"{ends['tonic']:>8}/{ends['dominant']}/{other:<6} {ok:>3}/{total:<3} "
            f"{hooks[0]:>8}/{hooks[1]}/{hooks[2]:<4} "
            f"{dist[0]:>9.2f}/{dist[1]:.2f}/{dist[2]:.2f} {dt:>9.4f}"
        )
        if args.spectrum:
            sub, mud, presence = spectrum(p)
            print(f"{'':<10} sub-60 Hz {sub:.1%}, 100-500 Hz {mud:.1%}, 2-5 kHz {presence:.1%}")
    for style in args.show:
        show(compose(style, args.seconds, seed=args.seeds[0]))


if __name__ == "__main__":
    main()
