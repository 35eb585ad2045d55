"""synthesize_blocks: the streaming form of synthesize, for the stream pipeline."""

from __future__ import annotations

import dataclasses
import tracemalloc

import numpy as np
import pytest

from gamemusic.music import compose, synthesize, synthesize_blocks

SR = 48000


@pytest.mark.parametrize("block_s", [0.25, 1.0, 3.7])
def test_blocks_of_any_size_concatenate_to_synthesize(block_s: float) -> None:
    piece = compose("synthwave", 9.5, seed=4)
    blocks = list(synthesize_blocks(piece, SR, block_s=block_s))
    size = round(block_s * SR)
    assert all(b.shape == (size, 2) for b in blocks[:-1])
    assert 0 < len(blocks[-1]) <= size
    assert all(b.dtype == np.float32 and b.flags.c_contiguous for b in blocks)
    assert np.array_equal(np.concatenate(blocks), synthesize(piece, SR))


def test_the_music_synthesized_twice_is_identical_block_for_block() -> None:
    piece = compose("dungeon", 7, seed=2)
    first = list(synthesize_blocks(piece, block_s=0.5))
    second = list(synthesize_blocks(piece, block_s=0.5))
    assert all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))


def test_a_hot_mix_is_soft_clipped_under_0_9() -> None:
    piece = compose("boss", 6, seed=1)
    loud = tuple(dataclasses.replace(v, gain=v.gain * 8) for v in piece.style.voices)
    hot = dataclasses.replace(piece, style=dataclasses.replace(piece.style, voices=loud))
    audio = synthesize(hot)
    assert 0.8 < np.abs(audio).max() < 0.9


def _peak_traced(seconds: float) -> int:
    piece = compose("rpg", seconds, seed=5)
    tracemalloc.start()
    for _ in synthesize_blocks(piece, block_s=1.0):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


@pytest.mark.slow
def test_memory_does_not_grow_with_the_length_of_the_piece() -> None:
    short, long = _peak_traced(60), _peak_traced(900)
    assert long < 1.3 * short + (8 << 20)
    assert long < 120 << 20  # far under the 15 minutes of audio (346 MB as float32)
