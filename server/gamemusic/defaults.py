"""Mix defaults, defined once: the CLI, the editor and the mixer all read these."""

from __future__ import annotations

VOLUME = 0.35  # music volume 0-1; 0.35 sits about 18 dB under the game audio
DUCK = True  # dip the music while the game or a voice is loud
DUCK_DB = 8.0  # extra dip, dB
FADE_IN_S = 1.5
FADE_OUT_S = 2.5
GAME_VOLUME = 1.0  # the recording's own sound, as a gain (1 = as recorded)
