"""Time as the cloud client sees it: `now` and `sleep`, so tests can pass a clock that records
the waits the real defaults ask for (2-minute "still working", 15-minute cap, 30-s polls, 30 s
after a 429) instead of waiting them out."""

from __future__ import annotations

import anyio


class Clock:
    def now(self) -> float:
        """Seconds on a monotonic clock."""
        return anyio.current_time()

    async def sleep(self, seconds: float) -> None:
        await anyio.sleep(seconds)


REAL_CLOCK = Clock()
