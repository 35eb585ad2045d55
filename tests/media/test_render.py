"""Picture decisions of the renderer."""

from __future__ import annotations

from gamemusic.media.render import title_size


def test_titles_shrink_to_fit_the_width_and_keep_size_across_orientations() -> None:
    assert title_size("Boss Rush", 1920, 1080) == title_size("Boss Rush", 1080, 1920) == 90
    long = "The longest speedrun title anyone has ever typed into this box"
    assert title_size(long, 1080, 1920) * 0.6 * len(long) <= 0.9 * 1080 + 1
    assert title_size("首杀", 1080, 1920) == 90
    assert title_size("首" * 30, 1080, 1920) <= 0.9 * 1080 / 30 + 1
