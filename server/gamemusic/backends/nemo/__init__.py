"""The NemoVideo cloud backend: http.py (auth, headers, envelope, errors), sse.py (the edit
event stream), gui.py (GUI wording -> actions), backend.py (the Backend protocol)."""

from gamemusic.backends.nemo.backend import NemoBackend

__all__ = ["NemoBackend"]
