"""A gameplay-like demo clip made from nothing: pixel-art life simulation, a scene change
halfway, laser chirps, footsteps and explosions — 1920x1080 H.264 + AAC."""

from __future__ import annotations

from pathlib import Path

from gamemusic.media import ffmpeg

# Sound effects as one expression of t: a laser chirp every 0.8 s, a blip on off-beats, a
# noise burst (explosion) every 4 s, louder in the second half (a "boss fight").
_SFX = (
    "0.30*sin(2*PI*(1400-1100*mod(t,0.8)/0.8)*mod(t,0.8))*exp(-9*mod(t,0.8))"
    "+0.18*sin(2*PI*660*t)*lt(mod(t+0.4,0.8),0.05)"
    "+(0.35+0.25*gte(t,{half}))*(random(0)*2-1)*exp(-5*mod(t+1.5,4))*lt(mod(t+1.5,4),1.2)"
)


async def make_demo_clip(path: Path, seconds: float = 30.0) -> Path:
    """Write the demo clip to `path` (atomically) and return it."""
    half = seconds / 2
    video = (
        f"life=s=320x180:mold=8:r=30:ratio=0.12:death_color=#1a1c2c:life_color=#41a6f6"
        f":mold_color=#b13e53,scale=1920:1080:flags=neighbor,trim=duration={half:.3f}[a];"
        f"cellauto=s=320x180:rule=110:r=30:random_fill_ratio=0.5,negate,"
        f"colorchannelmixer=rr=0.2:gg=0.9:bb=0.6,scale=1920:1080:flags=neighbor,"
        f"trim=duration={seconds - half:.3f}[b];[a][b]concat=n=2:v=1:a=0,format=yuv420p[v]"
    )
    audio = f"aevalsrc='{_SFX.format(half=half)}':s=48000:d={seconds:.3f},aformat=channel_layouts=stereo[s]"
    async with ffmpeg.partial_file(path) as tmp:
        await ffmpeg.run(
            [
                "-filter_complex",
                f"{video};{audio}",
                "-map",
                "[v]",
                "-map",
                "[s]",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "26",
                "-g",
                "60",
                "-c:a",
                "aac",
                "-b:a",
                "160k",
                "-t",
                f"{seconds:.3f}",
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
                "-y",
                str(tmp),
            ],
            what="Making the demo clip",
        )
    return path
