"""Reading and writing issue files: strict, helpful loading and atomic saves (see ``writing``).

A load error names the file, the line and the field; a failed save leaves the
previous file byte-for-byte intact.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tui.files import codec
from tui.files.tomlread import FieldError
from tui.files.writing import FileStamp, atomic_write, write_target
from tui.model import Issue
from tui.model.errors import LoadError
from tui.model.i18n import Text

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


_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)


def read_bytes(path: Path) -> bytes:
    """The file's bytes; every way reading fails is a LoadError naming the file."""
    try:
        return path.read_bytes()
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


def decode_text(data: bytes, path: Path, legacy_encodings: tuple[str, ...] = ()) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16/32 by their BOM, then the legacy encodings.

    Notepad's "Unicode" is UTF-16 with a BOM: it is text, not a binary file.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoadError(
                    Text(
                        f"按 {encoding.upper()} 解码失败（第 {exc.start + len(bom)} 字节）",
                        f"cannot be decoded as {encoding.upper()} (byte {exc.start + len(bom)})",
                    ),
                    file=path,
                ) from None
            if not text.strip():
                raise LoadError(Text("文件为空", "the file is empty"), file=path)
            return text
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


def read_text(path: Path, legacy_encodings: tuple[str, ...] = ()) -> str:
    """Read a text file, turning every way it can fail into a LoadError.

    ``legacy_encodings`` (e.g. GB18030, still common for text from Chinese
    offices) are tried when the bytes are not UTF-8.
    """
    return decode_text(read_bytes(path), path, legacy_encodings)


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
        key_match = _KEY.match(line)
        if key_match:
            consider((*table, key_match.group(1).strip('"')), lineno)
    return best_line


def loads_issue(text: str, file: str | Path) -> Issue:
    """Parse issue TOML, reporting problems against ``file``."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise LoadError(
            Text("嵌套层次太深，不是期刊文件", "nested too deeply to be an issue file"), file=file
        ) from None
    except ValueError as exc:
        if not isinstance(exc, tomllib.TOMLDecodeError):  # e.g. Python's limit on digits in an integer
            raise LoadError(
                Text(
                    "TOML 中有无法读取的值（例如位数过多的整数）",
                    f"TOML holds a value that cannot be read: {exc}",
                ),
                file=file,
            ) from None
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
    except RecursionError:
        raise LoadError(
            Text("嵌套层次太深，不是期刊文件", "nested too deeply to be an issue file"), file=file
        ) from None


def load_issue(path: str | Path) -> Issue:
    path = Path(path)
    return loads_issue(decode_text(read_bytes(path), path), path)


def load_issue_stamped(path: str | Path) -> tuple[Issue, FileStamp | None]:
    """The issue and the stamp of the very bytes it was read from (for a later safe write)."""
    path = Path(path)
    data = read_bytes(path)
    issue = loads_issue(decode_text(data, path), path)
    return issue, FileStamp.of_bytes(path, data)


def save_issue(
    issue: Issue, path: str | Path, *, overwrite: bool = True, expect: FileStamp | None = None
) -> FileStamp | None:
    """Serialise first (so a bad model never touches the disk), then write atomically.

    Returns the stamp of what was written, for the next save's ``expect``.
    """
    data = codec.dumps(issue).encode("utf-8")
    atomic_write(path, data, overwrite=overwrite, expect=expect)
    return FileStamp.of_bytes(write_target(path), data)
