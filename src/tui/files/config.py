"""Finding and loading the house configuration (bulletin.toml) and the archive."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from tui.files.shipped import shipped
from tui.files.storage import locate, read_text
from tui.files.tomlread import FieldError, Table
from tui.files.wordlists import read_language
from tui.files.writing import FileStamp, atomic_write
from tui.model import COLUMN_KINDS
from tui.model.bodytext import paragraphs_of
from tui.model.errors import LoadError
from tui.model.house import FONT_ROLES, HOUSE_FILE, CatalogueColumn, ColumnRule, Fonts, House, Style
from tui.model.i18n import Text

HOUSE_FORMAT = "jianbao-house/1"
DEFAULT_ARCHIVE = Path("data") / "issues"


def archive_dir(explicit: str | Path | None = None) -> Path:
    """``--archive DIR``, else ``$JIANBAO_ARCHIVE``, else ``./data/issues``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("JIANBAO_ARCHIVE")
    return Path(env) if env else DEFAULT_ARCHIVE


def _house_from_data(data: dict[str, object]) -> House:
    t = Table(data)
    fmt = t.string("format")
    if fmt != HOUSE_FORMAT:
        raise FieldError(
            "format",
            Text(
                f"不支持的配置版本 {fmt!r}；已知版本：{HOUSE_FORMAT}",
                f"unknown configuration version {fmt!r}; known: {HOUSE_FORMAT}",
            ),
        )
    columns = []
    for c in t.tables("columns", required=True):
        columns.append(
            CatalogueColumn(
                c.string("name"),
                c.choice("kind", COLUMN_KINDS),
                c.boolean("default", False),
                tuple(paragraphs_of(c.string("template", ""))),
            )
        )
        c.finish()
    rules = []
    for r in t.tables("column_rules"):
        rules.append(ColumnRule(r.string("column"), tuple(r.str_list("keywords"))))
        r.finish()
    units = t.table("units")
    assert units is not None
    house_units = (
        tuple(units.str_list("districts")),
        tuple(units.str_list("district_offices")),
        tuple(units.str_list("others")),
        tuple(units.str_list("suffixes")),
    )
    units.finish()
    style = Style()
    s = t.table("style", required=False)
    if s is not None:
        style = Style(
            byline_parentheses=s.choice("byline_parentheses", ("full", "half"), style.byline_parentheses),
            byline_separator=s.string("byline_separator", style.byline_separator),
            pad_two_char_names=s.boolean("pad_two_char_names", style.pad_two_char_names),
            name_padding=s.string("name_padding", style.name_padding),
            space_between_cjk_and_latin=s.boolean(
                "space_between_cjk_and_latin", style.space_between_cjk_and_latin
            ),
            title_max_length=s.optional_integer("title_max_length", minimum=1) or style.title_max_length,
            own_sequences=tuple(s.str_list("own_sequences", required=False) or style.own_sequences),
            check_column_order=s.boolean("check_column_order", style.check_column_order),
        )
        s.finish()
    f = t.table("fonts", required=False)
    if f is not None:
        default = Fonts()
        fonts = Fonts(**{key: f.string(key, getattr(default, key)) for key in FONT_ROLES})
        f.finish()
        style = style._replace(fonts=fonts)
    checks_off: tuple[str, ...] = ()
    switches = t.table("checks", required=False)
    if switches is not None:
        checks_off = tuple(switches.str_list("off", required=False))
        switches.finish()
    language = t.optional("language", read_language)
    house = House(
        name=t.string("name"),
        unit=t.string("unit"),
        columns=tuple(columns),
        districts=house_units[0],
        district_offices=house_units[1],
        other_units=house_units[2],
        unit_suffixes=house_units[3],
        style=style,
        column_rules=tuple(rules),
        checks_off=checks_off,
        **({"language": language} if language is not None else {}),
    )
    t.finish()
    return house


def loads_house(text: str, file: str | Path) -> House:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError(Text(f"TOML 语法错误：{exc}", f"TOML syntax error: {exc}"), file=file) from None
    try:
        return _house_from_data(data)
    except FieldError as exc:
        raise LoadError(exc.message, file=file, line=locate(text, exc.path), field=exc.path) from None


def default_house() -> House:
    """The configuration shipped inside the package, so a wheel works anywhere."""
    source = shipped("defaults", "bulletin.toml")
    return loads_house(source.read_text(encoding="utf-8"), "<jianbao>/defaults/bulletin.toml")


def house_path_for(archive: Path) -> Path:
    return archive.parent / HOUSE_FILE


def load_house(archive: Path) -> House:
    """The bulletin.toml beside the archive folder, else the shipped default."""
    path = house_path_for(archive)
    if path.is_file():
        return loads_house(read_text(path), path)
    return default_house()


def add_columns_to_catalogue(archive: Path, columns: list[tuple[str, str]]) -> House:
    """Add (name, kind) columns to the house file beside ``archive`` (made from the default if missing).

    Returns the house as it now reads.
    """
    house_file = house_path_for(archive)
    if not house_file.exists():
        default = shipped("defaults", "bulletin.toml").read_bytes()
        atomic_write(house_file, default)
    for name, kind in columns:
        add_to_catalogue(house_file, name, kind)
    return load_house(archive)


def add_to_catalogue(house_file: Path, name: str, kind: str) -> None:
    """Append a column to bulletin.toml's catalogue, keeping the file's comments.

    Written only if the file is still what was read (a colleague's change is
    never overwritten).
    """
    import tomli_w

    data = house_file.read_bytes()
    read = FileStamp.of_bytes(house_file, data)
    text = data.decode("utf-8")
    entry = "[[columns]]\n" + tomli_w.dumps({"name": name, "kind": kind, "default": False}) + "\n"
    marker = text.find("\n[units]")
    text = text + "\n" + entry if marker < 0 else text[: marker + 1] + entry + text[marker + 1 :]
    atomic_write(house_file, text.encode("utf-8"), expect=read)
