"""Reading and writing issue files: strict, helpful loading and atomic saves.

A load error names the file, the line and the field; a failed save leaves the
previous file byte-for-byte intact.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import tomllib
from pathlib import Path

from tui import codec
from tui.errors import LoadError, SaveError
from tui.i18n import Text
from tui.model import Issue
from tui.tomlread import FieldError

_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r'^\s*([A-Za-z0-9_-]+|"[^"]*")\s*=')
_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
# tomllib's messages, in Chinese; anything else is shown as tomllib words it.
_TOML_ZH = {
    "Invalid statement": "无效的语句（这一行不是“键 = 值”或表头）",
    "Illegal character": "非法字符（字符串可能缺少结尾的引号）",
    "Cannot overwrite a value": "重复定义了同一个键",
    "Cannot declare": "重复声明了同一个表",
    "Expected '=' after a key in a key/value pair": "键后面缺少“=”",
    "Expected newline or end of document after a statement": "语句后面应该换行（值可能写错了）",
    "Invalid value": "无效的值",
    "Unclosed array": "数组缺少结尾的“]”",
    "Unclosed inline table": "内联表缺少结尾的“}”",
    "Invalid initial character for a key part": "键的第一个字符无效",
    "Expected ']' at the end of a table declaration": "表头缺少结尾的“]”",
    "Invalid date or datetime": "无效的日期或时间",
    "Unterminated string": "字符串缺少结尾的引号",
}


def read_text(path: Path, legacy_encodings: tuple[str, ...] = ()) -> str:
    """Read a UTF-8 text file, turning every way it can fail into a LoadError.

    ``legacy_encodings`` (e.g. GB18030, still common for text from Chinese
    offices) are tried when the bytes are not UTF-8; TOML files are UTF-8 only.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(Text("文件不存在", "no such file"), file=path) from None
    except IsADirectoryError:
        raise LoadError(Text("这是一个文件夹，不是文件", "is a folder, not a file"), file=path) from None
    except PermissionError:
        raise LoadError(Text("没有读取权限", "permission denied"), file=path) from None
    except OSError as exc:
        raise LoadError(
            Text(f"无法读取：{exc.strerror}", f"cannot read: {exc.strerror}"), file=path
        ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise LoadError(Text("文件为空", "the file is empty"), file=path)
    if b"\x00" in data:
        raise LoadError(Text("这是二进制文件，不是文本文件", "this is a binary file, not text"), file=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        for encoding in legacy_encodings:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(
            Text(
                f"不是 UTF-8 编码（第 {exc.start} 字节）；请另存为 UTF-8",
                f"not UTF-8 encoded (byte {exc.start}); save the file as UTF-8",
            ),
            file=path,
            line=line,
            column=column,
        ) from None


def _path_parts(path: str) -> list[str | int]:
    return [m.group(1) if m.group(1) else int(m.group(2)) for m in _PATH_PART.finditer(path)]


def locate(text: str, field_path: str) -> int | None:
    """Best-effort 1-based line of ``field_path`` (``articles[3].byline.unit``) in TOML text.

    Walks the table headers and keys the way a reader's eye does; returns the
    line of the longest prefix of the path it can find.
    """
    want = _path_parts(field_path)
    counters: dict[tuple[str | int, ...], int] = {}
    table: tuple[str | int, ...] = ()
    best_len, best_line = 0, None
    in_multiline = False

    def consider(found: tuple[str | int, ...], line: int) -> None:
        nonlocal best_len, best_line
        n = len(found)
        if n > best_len and tuple(want[:n]) == found:
            best_len, best_line = n, line

    for lineno, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline = False
            continue
        if (line.count('"""') % 2 == 1) or (line.count("'''") % 2 == 1):
            in_multiline = True
        header = _HEADER.match(line)
        if header:
            names = [p.strip().strip('"') for p in header.group(2).split(".")]
            resolved: list[str | int] = []
            for i, name in enumerate(names):
                resolved.append(name)
                key = tuple(resolved)
                is_last = i == len(names) - 1
                if is_last and header.group(1) == "[[":
                    counters[key] = counters.get(key, -1) + 1
                    resolved.append(counters[key])
                elif key in counters:
                    resolved.append(counters[key])
            table = tuple(resolved)
            consider(table, lineno)
            continue
        key = _KEY.match(line)
        if key:
            consider((*table, key.group(1).strip('"')), lineno)
    return best_line


def loads_issue(text: str, file: str | Path) -> Issue:
    """Parse issue TOML, reporting problems against ``file``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        pos = _TOML_POS.search(detail)
        line = int(pos.group(1)) if pos else None
        column = int(pos.group(2)) if pos else None
        detail = _TOML_POS.sub("", detail).strip()
        zh = next((v for k, v in _TOML_ZH.items() if detail.startswith(k)), detail)
        raise LoadError(
            Text(f"TOML 语法错误：{zh}", f"TOML syntax error: {detail}"),
            file=file,
            line=line,
            column=column,
        ) from None
    try:
        return codec.issue_from_data(data)
    except FieldError as exc:
        raise LoadError(exc.message, file=file, line=locate(text, exc.path), field=exc.path) from None


def load_issue(path: str | Path) -> Issue:
    path = Path(path)
    return loads_issue(read_text(path), path)


def _reason(exc: OSError) -> Text:
    if exc.errno == errno.ENOSPC:
        return Text("磁盘空间不足", "no space left on the disk")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Text("没有写入权限", "permission denied")
    if exc.errno == errno.EROFS:
        return Text("文件系统只读", "the file system is read-only")
    if exc.errno == errno.ENOENT:
        return Text("文件夹不存在", "the folder does not exist")
    detail = exc.strerror or str(exc)
    return Text(f"写入失败：{detail}", f"write failed: {detail}")


def atomic_write(path: str | Path, data: bytes, *, overwrite: bool = True) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half.

    The bytes go to a temporary file in the same folder, are flushed and
    fsynced, then renamed over the target.  With ``overwrite=False`` an
    existing file is never replaced.  Any failure removes the temporary file,
    leaves the old one untouched and raises :class:`SaveError`.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not overwrite and path.exists():
        raise SaveError(
            Text("文件已存在，不会覆盖", "the file exists and will not be overwritten"), file=path
        )
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if the target appeared meanwhile
            os.unlink(tmp)
        tmp = None
        _fsync_folder(folder)
    except FileExistsError:
        raise SaveError(
            Text("文件已存在，不会覆盖", "the file exists and will not be overwritten"), file=path
        ) from None
    except OSError as exc:
        raise SaveError(_reason(exc), file=path) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; not every platform lets a folder be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def save_issue(issue: Issue, path: str | Path, *, overwrite: bool = True) -> None:
    """Serialise first (so a bad model never touches the disk), then write atomically."""
    atomic_write(path, codec.dumps(issue).encode("utf-8"), overwrite=overwrite)
