"""Finishing a saved .docx: the font table with fallbacks, and nothing left of python-docx's template.

python-docx writes its template's font table (Cambria, MS Mincho…), its
extended properties (“Microsoft Macintosh Word”, version 14), a thumbnail
and a bibliography part.  A typesetter's file names the fonts it uses, each
with the substitute Word and WPS should take when it is missing (w:altName,
GB2312 charset), and carries no trace of the tool's template.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from tui.exporters.docx_style import FALLBACKS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DROPPED = ("docProps/thumbnail.jpeg", "customXml/")
_LATIN = {"Times New Roman", "Arial", "Calibri", "Cambria"}


def font_table(families: list[str]) -> bytes:
    """word/fontTable.xml naming ``families``, a Chinese family with its fallback and the GB2312 charset."""
    entries = []
    for name in families:
        parts = [f"<w:font w:name={quoteattr(name)}>"]
        alt = FALLBACKS.get(name)
        if alt:
            parts.append(f"<w:altName w:val={quoteattr(alt)}/>")
        chinese = name not in _LATIN
        parts.append(f'<w:charset w:val="{"86" if chinese else "00"}"/>')
        parts.append(f'<w:family w:val="{"modern" if chinese else "roman"}"/>')
        parts.append(f'<w:pitch w:val="{"fixed" if chinese else "variable"}"/>')
        parts.append("</w:font>")
        entries.append("".join(parts))
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<w:fonts xmlns:w="{W_NS}">' + "".join(entries) + "</w:fonts>"
    ).encode("utf-8")


APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>{app}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _without(xml: bytes, needles: tuple[str, ...]) -> bytes:
    """A relationships or content-types part without the entries that mention a dropped part."""
    text = xml.decode("utf-8")
    for tag in ("Relationship", "Override"):
        start = 0
        while (at := text.find(f"<{tag} ", start)) >= 0:
            end = text.find("/>", at) + 2
            if any(n in text[at:end] for n in needles):
                text = text[:at] + text[end:]
            else:
                start = end
    return text.encode("utf-8")


def finish_package(data: bytes, families: list[str]) -> bytes:
    """The saved document with its own font table and properties, the template's extras gone."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            name = info.filename
            if name.startswith(_DROPPED):
                continue
            blob = source.read(info)
            if name == "word/fontTable.xml":
                blob = font_table(families)
            elif name == "docProps/app.xml":
                blob = APP_XML.format(app=escape("jianbao")).encode("utf-8")
            elif name in ("_rels/.rels", "[Content_Types].xml", "word/_rels/document.xml.rels"):
                blob = _without(blob, ("thumbnail", "customXml", "customXmlProps"))
            target.writestr(info, blob)
    return out.getvalue()
