"""What the respx tests share: the fake API's address and its reply envelope."""

from __future__ import annotations

BASE = "https://nemo.test"


def envelope(data: object = None, code: int = 0, message: str = "success") -> dict[str, object]:
    return {"code": code, "message": message, "data": data}
