"""The font titles are drawn with: shipped in a PyPI package, never a system font, never
downloaded at run time.

WenQuanYi Micro Hei (from the `paperang-p2-fonts-cjk` wheel, 2.3 MB; the font is Apache-2.0 or
GPLv3 with the font exception) covers Latin and the CJK ideographs of simplified and
traditional Chinese in one sans-serif face, so English titles and 加标题「首杀」 both render real
glyphs from the same file. The first face of the .ttc (the proportional one) is what
ffmpeg's drawtext loads.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from gamemusic.errors import RenderError

# (package, file inside it): the first one installed wins. Each covers Latin and CJK.
_FONTS: tuple[tuple[str, str], ...] = (("paperang_p2_fonts_cjk", "fonts/wqy-microhei.ttc"),)


def font_path(text: str = "") -> Path:
    """The font file for drawing `text` (English, Chinese or both) as a title."""
    for package, name in _FONTS:
        try:
            path = Path(str(resources.files(package).joinpath(name)))
        except ModuleNotFoundError:
            continue
        if path.is_file():
            return path
    raise RenderError(
        "The title font is missing, so titles cannot be drawn.",
        hint="Reinstall video-game-music (it brings paperang-p2-fonts-cjk), "
        "or remove the titles with 'remove titles'.",
        text=text,
    )
