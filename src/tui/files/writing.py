"""Writing files so that nothing is lost: atomic replacement, stamps of what was read, temporaries.

A write replaces a file by renaming a complete, fsynced copy over it, through
symlinks to their target, keeping mode and owner; it refuses a pipe, device
or folder, and — given the stamp of what was read — a file someone changed
since.  A failed write leaves the old file byte for byte and raises
SaveError; temporaries that killed writes left behind are removed later.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from pathlib import Path
from typing import NamedTuple

from tui.files.processes import alive
from tui.model.errors import ChangedOnDisk, SaveError
from tui.model.i18n import Text


def os_error_reason(exc: OSError) -> Text:
    if exc.errno == errno.ENOSPC:
        return Text("磁盘空间不足", "no space left on the disk")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Text("没有写入权限", "permission denied")
    if exc.errno == errno.EROFS:
        return Text("文件系统只读", "the file system is read-only")
    if exc.errno == errno.ENOENT:
        return Text("文件夹不存在", "the folder does not exist")
    if exc.errno == errno.ENAMETOOLONG:
        return Text("文件名太长", "the file name is too long")
    detail = exc.strerror or str(exc)
    return Text(f"写入失败：{detail}", f"write failed: {detail}")


class FileStamp(NamedTuple):
    """What a file was when it was read: a writer replaces it only if it still is."""

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of_bytes(cls, path: Path, data: bytes) -> FileStamp | None:
        """The stamp of ``data`` just read from ``path`` (None if the file is gone already)."""
        try:
            st = path.stat()
        except OSError:
            return None
        import hashlib  # here, not at the top: `jianbao check` without --fix stamps nothing and so never loads it

        return cls(len(data), st.st_mtime_ns, hashlib.sha256(data).hexdigest())


def stamp(path: str | Path) -> FileStamp | None:
    """The file's stamp now, or None if it cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return FileStamp.of_bytes(path, data)


def _unchanged(path: Path, expect: FileStamp) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    if st.st_size != expect.size:
        return False
    current = stamp(path)  # same size and perhaps same time: only the bytes can tell
    return current is not None and current.digest == expect.digest


def write_target(path: str | Path) -> Path:
    """Where a write to ``path`` lands: through symlinks to the file they name.

    Saving replaces the file by renaming a new one over it; renaming over a
    symlink would replace the link and leave its target with the old text.
    """
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _tmp_prefix(path: Path) -> str:
    return f".{path.name}."


def clean_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files that interrupted saves of ``path`` left beside it.

    A temporary file is named ``.NAME.PID.<random>.tmp``; it is stale when its
    process is gone.  Names without a process (from older versions) are
    removed when older than a minute.
    """
    folder = path.parent if str(path.parent) else Path(".")
    removed: list[Path] = []
    prefix = _tmp_prefix(path)
    try:
        # Names first, paths only for the few that match: every save into an archive of
        # 1,000 issues listed it as 1,000 Path objects (1 ms of each save and of ``new``).
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name.startswith(prefix) and e.name.endswith(".tmp")]
    except OSError:
        return removed
    candidates = [folder / name for name in names]
    for tmp in candidates:
        middle = tmp.name[len(prefix) : -len(".tmp")]
        pid_text = middle.split(".", 1)[0]
        if pid_text.isdigit() and "." in middle:
            stale = int(pid_text) != os.getpid() and not alive(int(pid_text))
        else:
            try:
                stale = time.time() - tmp.stat().st_mtime > 60
            except OSError:
                continue
        if stale:
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed


def _refuse_special(path: Path) -> None:
    """Only regular files are replaced: a FIFO, a device or a folder at the path is refused."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise SaveError(os_error_reason(exc), file=path) from None
    if stat.S_ISDIR(st.st_mode):
        raise SaveError(
            Text("这是一个文件夹，不会被替换", "this is a folder and will not be replaced"), file=path
        )
    if not stat.S_ISREG(st.st_mode):
        raise SaveError(
            Text(
                "这不是普通文件（管道或设备），不会被替换",
                "this is not a regular file (a pipe or device); not replaced",
            ),
            file=path,
        )


def _keep_attributes(tmp: str, old: os.stat_result) -> None:
    """The new file keeps the old one's mode, owner and group where the OS allows."""
    with contextlib.suppress(OSError):
        os.chmod(tmp, stat.S_IMODE(old.st_mode))
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):
            os.chown(tmp, old.st_uid, old.st_gid)


def atomic_write(
    path: str | Path, data: bytes, *, overwrite: bool = True, expect: FileStamp | None = None
) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half.

    The bytes go to a temporary file in the same folder, are flushed and
    fsynced, then renamed over the target.  A symlink is written through to
    its target; mode, owner and group are kept; a file with other hard links
    is rewritten in place (after the complete new text is safely on disk
    beside it), so every name keeps seeing it.  With ``overwrite=False`` an
    existing file is never replaced; with ``expect`` the file must still be
    what was read (:class:`ChangedOnDisk` otherwise).  Any failure removes the
    temporary file, leaves the old one untouched and raises :class:`SaveError`.
    """
    named = Path(path)
    path = write_target(named)
    folder = path.parent if str(path.parent) else Path(".")
    _refuse_special(path)
    if not overwrite and (path.exists() or named.is_symlink()):
        raise SaveError(
            Text("文件已存在，不会覆盖", "the file exists and will not be overwritten"), file=named
        )
    clean_stale_temporaries(path)
    tmp: str | None = None
    try:
        import tempfile  # writers only: ``jianbao check`` never writes

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f"{_tmp_prefix(path)}{os.getpid()}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            old: os.stat_result | None = path.stat()
        except FileNotFoundError:
            old = None
        if old is not None:
            _keep_attributes(tmp, old)
        else:
            with contextlib.suppress(OSError):
                os.chmod(tmp, 0o644)
        if expect is not None and not _unchanged(path, expect):
            raise ChangedOnDisk(
                Text(
                    "文件在读取之后被其他程序修改过，未写入（请重新打开后再试）",
                    "the file was changed by another program since it was read; nothing written (open it again)",
                ),
                file=named,
            )
        if not overwrite:
            os.link(tmp, path)  # fails if the target appeared meanwhile
            os.unlink(tmp)
        elif old is not None and old.st_nlink > 1:
            _rewrite_in_place(path, data)
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
        tmp = None
        _fsync_folder(folder)
    except FileExistsError:
        raise SaveError(
            Text("文件已存在，不会覆盖", "the file exists and will not be overwritten"), file=named
        ) from None
    except OSError as exc:
        raise SaveError(os_error_reason(exc), file=named) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _rewrite_in_place(path: Path, data: bytes) -> None:
    """Write into the existing file (its other hard links see the change too)."""
    with open(path, "r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; not every platform lets a folder be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
