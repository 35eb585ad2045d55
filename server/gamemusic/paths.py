"""Resolve the paths users and agents give: inputs against the workspace, outputs against the
output folder, with "did you mean" for near misses and no escaping either folder by `..`.

Every file we write atomically (renders, downloads, sessions, tokens) goes through `replacing`:
written beside its target as `.<stem>.partial-<pid>-<random><suffix>` and renamed when
complete. A process killed with SIGKILL cannot remove its partial file, so the next writer into
that folder sweeps the partials of processes that no longer run.
"""

from __future__ import annotations

import contextlib
import difflib
import fcntl
import hashlib
import os
import re
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from gamemusic.errors import BadInput, NotFound


def is_url(text: str) -> bool:
    return urlsplit(text.strip()).scheme.lower() in ("http", "https")


def _suggest(path: Path) -> str:
    folder = path.parent
    if not folder.is_dir():
        return f"The folder '{folder}' does not exist either."
    try:
        names = [p.name for p in folder.iterdir() if not p.name.startswith(".")]
    except OSError:
        return ""
    close = difflib.get_close_matches(path.name, names, n=3, cutoff=0.5)
    if not close:
        lowered = {n.lower(): n for n in names}
        close = [lowered[n] for n in difflib.get_close_matches(path.name.lower(), lowered, n=3)]
    if close:
        return "Did you mean " + " or ".join(f"'{folder / c}'" for c in close) + "?"
    return f"No similar file in '{folder}'."


def resolve_input(raw: str, workspace: Path) -> Path:
    """An existing file named by an absolute path or a path relative to `workspace`."""
    text = raw.strip().strip('"').strip("'")
    if not text:
        raise BadInput("No file path given.", hint="Pass the path of a gameplay video.")
    if "\x00" in text:
        raise BadInput("The path contains a NUL byte.", code="bad_path")
    given = Path(os.path.expanduser(text))
    if given.is_absolute():
        path = given.resolve()
    else:
        base = workspace.resolve()
        path = (base / given).resolve()
        if not path.is_relative_to(base):
            raise BadInput(
                f"'{raw}' points outside the workspace folder '{base}'.",
                hint="Use an absolute path, or a path inside the workspace.",
                code="path_escape",
            )
    if not path.exists():
        raise NotFound(f"File not found: '{path}'.", hint=_suggest(path))
    return path


def _same_file(a: Path, b: Path) -> bool:
    """True when both names lead to one file (a case-insensitive disk, a hard link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def resolve_output(raw: str | None, default: Path, out_dir: Path, inputs: list[Path]) -> Path:
    """Where an MP4 goes: `default` if nothing given; an absolute path as is; a relative one
    inside `out_dir`. Never one of the inputs, never a folder."""
    if raw is None or not raw.strip():
        path = default
    else:
        given = Path(os.path.expanduser(raw.strip()))
        if given.is_absolute():
            path = given.resolve()
        else:
            base = out_dir.resolve()
            path = (base / given).resolve()
            if not path.is_relative_to(base):
                raise BadInput(
                    f"Output '{raw}' points outside the output folder '{base}'.",
                    hint="Give a file name, or an absolute path.",
                    code="path_escape",
                )
    if path.suffix.lower() != ".mp4":
        path = path.with_name(path.name + ".mp4") if path.suffix == "" else path.with_suffix(".mp4")
    if path.is_dir():
        raise BadInput(f"Output '{path}' is a folder.", hint="Give a file name ending in .mp4.")
    folder = next((p for p in path.parents if p.exists()), None)
    if folder is not None and not folder.is_dir():
        raise BadInput(
            f"Output '{path}' cannot be written: '{folder}' is a file, not a folder.",
            hint="Choose an output path in a folder.",
            code="bad_output",
        )
    for src in inputs:
        if path == src.resolve() or _same_file(path, src):
            raise BadInput(
                f"Output '{path}' is the input file; it will not be overwritten.",
                hint="Choose another output name.",
                code="would_overwrite_input",
            )
    return path


_PARTIAL = re.compile(r"^\..+\.partial-(?:(\d+)-)?[0-9a-f]{8}(?:\.\w+)?$")
_OLD_PARTIAL_S = 3600.0  # partials named without a pid (older versions) count as stale after this


def partial_path(final: Path) -> Path:
    """A fresh temporary name beside `final` that says which process writes it."""
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    return final.with_name(f".{final.stem}.partial-{token}{final.suffix}")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def replacing(final: Path, *, durable: bool = False) -> Iterator[Path]:
    """Write `final` atomically: yields a fresh partial path beside it, renamed onto `final`
    when the block ends normally and removed otherwise. `durable` also syncs the file and the
    folder to disk, so that a crash leaves either the old or the new content."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(final)
    try:
        yield tmp
        if durable:
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        os.replace(tmp, final)
        if durable:
            _fsync_dir(final.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def sweep_partials(folder: Path) -> list[Path]:
    """Remove the partial renders in `folder` whose writing process is gone; returns them."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        match = _PARTIAL.match(path.name)
        if match is None or not path.is_file() or path.is_symlink():
            continue
        stale = False
        if match.group(1) is not None:
            stale = not _alive(int(match.group(1)))
        else:
            with contextlib.suppress(OSError):
                stale = time.time() - path.stat().st_mtime > _OLD_PARTIAL_S
        if stale:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


_RESERVED = re.compile(r"^\.(.+)\.reserved-(\d+)$")


def _marker(path: Path) -> Path:
    return path.with_name(f".{path.name}.reserved-{os.getpid()}")


def reserve_output(folder: Path, stem: str, lock_dir: Path, suffix: str = ".mp4") -> Path:
    """The first free name of `stem`, `stem-2`, ... in `folder`, claimed at once so renders
    started at the same moment (in this process or another) never pick the same file.

    A name is taken by a file or by a marker `.<name>.reserved-<pid>` of a live process; the
    choice is made under a lock in `lock_dir` (one per folder), markers of dead processes are
    swept. The render writes the file itself; `release_output` removes the marker."""
    folder.mkdir(parents=True, exist_ok=True)
    lock_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    fd = os.open(lock_dir / f"names-{key}.lock", os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # held for a directory listing: microseconds
        taken: set[str] = set()
        for entry in folder.iterdir():
            match = _RESERVED.match(entry.name)
            if match is None:
                continue
            if _alive(int(match[2])):
                taken.add(match[1])
            else:
                with contextlib.suppress(OSError):
                    entry.unlink()
        n = 1
        while True:
            path = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
            if path.name not in taken and not path.exists():
                os.close(os.open(_marker(path), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
                return path
            n += 1
    finally:
        os.close(fd)


def release_output(path: Path) -> None:
    """Give up the claim `reserve_output` made on `path` (the file itself stays)."""
    with contextlib.suppress(OSError):
        _marker(path).unlink()
