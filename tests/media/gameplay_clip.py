"""A gameplay-like clip made with ffmpeg's lavfi sources: calm, then combat, then calm again.

    0 .. CALM_END_S            quiet tone and hiss, a still picture (explore)
    CALM_END_S .. COMBAT_END_S loud noise bursts and booms, a busy moving picture with a hard
                               cut every CUT_EVERY_S seconds (combat)
    COMBAT_END_S .. end        quiet again, with one lone explosion at BANG_S (a stinger)

The combat's first burst at CALM_END_S is the other planted stinger.
"""

from __future__ import annotations

from pathlib import Path

from helpers import ffmpeg

CALM_END_S = 20.0
COMBAT_END_S = 40.0
DURATION_S = 60.0
BANG_S = 50.0
CUT_EVERY_S = 2.5
SIZE = "320x180"
FPS = 30

# Sources a combat shot is drawn from, in turn: busy pictures that differ from one another.
_SHOTS = (
    "testsrc2=size={s}:rate={r}",
    "life=size={s}:rate={r}:mold=10:ratio=0.5:death_color=#402020:life_color=#30ff60",
    "mandelbrot=size={s}:rate={r}",
    "cellauto=size={s}:rate={r}:rule=110",
)


def _audio_expr(calm_end: float, combat_end: float, bang: float) -> str:
    """aevalsrc expression: quiet 220 Hz tone + hiss; in combat noise bursts every 0.23 s and
    a 60 Hz boom every 0.5 s; a single decaying explosion at `bang`."""
    calm = "0.01*sin(2*PI*220*t)+0.003*(2*random(0)-1)"
    u = f"(t-{calm_end})"
    combat = f"0.5*(2*random(0)-1)*exp(-30*mod({u},0.23))+0.35*sin(2*PI*60*t)*exp(-6*mod({u},0.5))"
    boom = f"0.8*(2*random(1)-1)*exp(-6*(t-{bang}))"
    return (
        f"if(between(t,{calm_end},{combat_end}),{combat},{calm})"
        f"+if(between(t,{bang},{bang + 1.5}),{boom},0)"
    )


def make_gameplay_clip(
    path: Path,
    *,
    calm_end_s: float = CALM_END_S,
    combat_end_s: float = COMBAT_END_S,
    duration_s: float = DURATION_S,
    bang_s: float = BANG_S,
) -> Path:
    """Write the calm -> combat -> calm clip (H.264 320x180 30 fps, AAC stereo 48 kHz)."""
    r, s = FPS, SIZE
    calm_pic = (
        f"color=c=0x20304a:size={s}:rate={r},drawbox=x=40:y=40:w=80:h=60:color=0x6080a0:t=fill"
    )
    graph = [f"{calm_pic},trim=duration={calm_end_s},setpts=PTS-STARTPTS[c0]"]
    shots = []
    t, k = calm_end_s, 0
    while t < combat_end_s - 1e-6:
        length = min(CUT_EVERY_S, combat_end_s - t)
        src = _SHOTS[k % len(_SHOTS)].format(s=s, r=r)
        graph.append(f"{src},format=yuv420p,trim=duration={length},setpts=PTS-STARTPTS[s{k}]")
        shots.append(f"[s{k}]")
        t, k = t + length, k + 1
    graph.append(f"{calm_pic},trim=duration={duration_s - combat_end_s},setpts=PTS-STARTPTS[c1]")
    parts = ["[c0]", *shots, "[c1]"]
    graph.append(f"{''.join(parts)}concat=n={len(parts)}:v=1:a=0,format=yuv420p[v]")
    expr = _audio_expr(calm_end_s, combat_end_s, bang_s)
    cuts = ",".join(f"{calm_end_s + i * CUT_EVERY_S:g}" for i in range(k + 1))
    ffmpeg(
        "-filter_complex", ";".join(graph),
        "-f", "lavfi", "-i", f"aevalsrc='{expr}|{expr}':s=48000:d={duration_s}",
        "-map", "[v]", "-map", "0:a",
        "-c:v", "libx264", "-preset", "veryfast", "-g", str(4 * FPS), "-force_key_frames", cuts,
        "-c:a", "aac", "-b:a", "128k", "-t", str(duration_s), str(path),
    )  # fmt: skip
    return path
