#!/usr/bin/env python3
"""Writes the sources of the document fixtures (see make_documents.sh, which runs this first).

    make_documents.py SEED_TXT WORK_DIR OUT_DIR

From the seed story (tests/data/think-peace-mali.txt) and the tiny pictures in WORK_DIR (photo1.jpg, photo2.jpg,
photo3.png), writes:
  WORK_DIR/seed.html          the seed as HTML, pictures as data: URIs (LibreOffice then embeds them)
  WORK_DIR/seed.md            the seed as Markdown with pictures (for pandoc)
  OUT_DIR/seed-as-word.docx   the seed as Word itself writes OOXML, assembled here by hand
  OUT_DIR/english-word-kaya.docx   an English story, Word-style, with a body picture, a linked picture and a
                                   table of photos
Only the standard library is used; the archives are reproducible (fixed timestamps).
"""

from __future__ import annotations

import base64
import html
import re
import sys
import zipfile
from pathlib import Path

FIXED_TIME = (2024, 3, 12, 9, 30, 0)

# ---------------------------------------------------------------------------------------------------------------
# The seed, cut into its parts


def read_seed(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").split("\n")
    seed = {"rows": [], "sections": [], "captions": []}
    current = None
    in_photos = False
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if text.startswith("FORMAT DE COLLECTE"):
            seed["form_title"] = text
        elif text == "1. SOMMAIRE" or text.startswith("2. DESCRIPTION"):
            seed.setdefault("headings", []).append(text)
        elif "\t" in line:
            label, value = line.split("\t", 1)
            seed["rows"].append((label.strip(), value.strip()))
        elif text.startswith("Titre :"):
            seed["title_line"] = text
        elif text == "Photos":
            in_photos = True
        elif in_photos:
            seed["captions"].append(text)
        elif text in (
            "Introduction – question/problème clé à traiter",
            "Description de la solution",
            "Changement apporté",
            "Leçons apprises",
        ):
            current = {"label": text, "paragraphs": []}
            seed["sections"].append(current)
        else:
            current["paragraphs"].append(text)
    return seed


INLINE_RE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*|<i>[^<]+</i>)")


def inline_parts(text: str):
    """Yields (text, bold, italic) for a line written with *…*, **…** (nested inside *…*) and <i>…</i>."""
    italic_all = text.startswith("*") and text.endswith("*") and not text.startswith("**")
    if italic_all:
        text = text[1:-1]
    for piece in INLINE_RE.split(text):
        if not piece:
            continue
        if piece.startswith("**"):
            yield piece[2:-2], True, italic_all
        elif piece.startswith("<i>"):
            yield piece[3:-4], False, True
        elif piece.startswith("*"):
            yield piece[1:-1], False, True
        else:
            yield piece, False, italic_all


# ---------------------------------------------------------------------------------------------------------------
# HTML and Markdown for LibreOffice and pandoc


def to_html_inline(text: str) -> str:
    out = []
    for piece, bold, italic in inline_parts(text):
        piece = html.escape(piece, quote=False)
        if bold:
            piece = f"<b>{piece}</b>"
        if italic:
            piece = f"<i>{piece}</i>"
        out.append(piece)
    return "".join(out)


def data_uri(picture: Path) -> str:
    kind = "png" if picture.suffix == ".png" else "jpeg"
    return f"data:image/{kind};base64," + base64.b64encode(picture.read_bytes()).decode("ascii")


def write_html(seed: dict, pictures: list[Path], out: Path) -> None:
    parts = ['<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>Success story</title></head><body>']
    parts.append(f"<h1>{html.escape(seed['form_title'])}</h1>")
    parts.append(f"<h2>{html.escape(seed['headings'][0])}</h2>")
    parts.append('<table border="1">')
    for label, value in seed["rows"]:
        parts.append(f"<tr><td>{to_html_inline(label)}</td><td>{to_html_inline(value)}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>{html.escape(seed['headings'][1])}</h2>")
    parts.append(f"<p>{to_html_inline(seed['title_line'])}</p>")
    for section in seed["sections"]:
        parts.append(f"<h3>{html.escape(section['label'])}</h3>")
        for paragraph in section["paragraphs"]:
            parts.append(f"<p>{to_html_inline(paragraph)}</p>")
    parts.append("<h3>Photos</h3>")
    for picture, caption in zip(pictures, seed["captions"]):
        parts.append(f'<p><img src="{data_uri(picture)}" width="160" height="120" alt=""></p>')
        parts.append(f"<p>{html.escape(caption)}</p>")
    parts.append("</body></html>\n")
    out.write_text("\n".join(parts), encoding="utf-8")


def write_markdown(seed: dict, pictures: list[Path], out: Path) -> None:
    def md(text: str) -> str:
        return text.replace("<i>", "*").replace("</i>", "*")

    parts = [f"# {seed['form_title']}", "", f"## {seed['headings'][0]}", "", "| Rubrique | Réponse |", "|---|---|"]
    for label, value in seed["rows"]:
        parts.append(f"| {md(label)} | {md(value)} |")
    parts += ["", f"## {seed['headings'][1]}", "", seed["title_line"], ""]
    for section in seed["sections"]:
        parts += [f"### {section['label']}", ""]
        for paragraph in section["paragraphs"]:
            parts += [paragraph, ""]
    parts += ["### Photos", ""]
    for picture, caption in zip(pictures, seed["captions"]):
        # An image alone in its paragraph becomes a figure with an "Image Caption" paragraph below it.
        parts += [f"![{caption}]({picture.name})", ""]
    out.write_text("\n".join(parts), encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------------
# OOXML the way Word writes it

NAMESPACES = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 wp14"'
)

RSIDS = ["00A1B2C3", "004D5E6F", "00F0E1D2", "007A8B9C"]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def run(text: str, bold=False, italic=False, rsid=0, lang=None) -> str:
    properties = ""
    if bold:
        properties += "<w:b/><w:bCs/>"
    if italic:
        properties += "<w:i/><w:iCs/>"
    if lang:
        properties += f'<w:lang w:val="{lang}"/>'
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<w:r w:rsidR="{RSIDS[rsid % len(RSIDS)]}">{rpr}<w:t{space}>{esc(text)}</w:t></w:r>'


def split_runs(text: str, bold=False, italic=False, every=23) -> str:
    """Word splits text into runs wherever an edit happened, often mid-word; each piece keeps the formatting."""
    pieces = [text[i : i + every] for i in range(0, len(text), every)] or [""]
    return "".join(run(piece, bold, italic, rsid=i) for i, piece in enumerate(pieces))


def formatted_runs(text: str) -> str:
    return "".join(split_runs(piece, bold, italic) for piece, bold, italic in inline_parts(text))


def paragraph(content: str, style: str | None = None, extra_ppr: str = "") -> str:
    ppr = ""
    if style or extra_ppr:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + extra_ppr + "</w:pPr>"
    return f'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="004D5E6F">{ppr}{content}</w:p>'


def inline_picture(rel_id: str, number: int, name: str, descr: str = "") -> str:
    return (
        "<w:r><w:rPr><w:noProof/></w:rPr><w:drawing>"
        '<wp:inline distT="0" distB="0" distL="0" distR="0" wp14:anchorId="1A2B3C4D" wp14:editId="5E6F7A8B">'
        '<wp:extent cx="1524000" cy="1143000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{number}" name="Image {number}" descr="{esc(descr)}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rel_id}"><a:extLst><a:ext uri="{{28A0092B-C50C-407E-A947-70E740481C1C}}">'
        '<a14:useLocalDpi xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main" val="0"/></a:ext>'
        "</a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1524000" cy="1143000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )


def vml_picture(rel_id: str) -> str:
    """A picture as Word 2003 wrote it, still found in documents that went through old versions."""
    return (
        '<w:r><w:pict><v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:120pt;height:90pt">'
        f'<v:imagedata r:id="{rel_id}" o:title="photo"/></v:shape></w:pict></w:r>'
    )


def text_box(paragraphs_xml: str) -> str:
    """A floating text box: a DrawingML shape (Choice) and its VML copy (Fallback) holding the same text."""
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5400000" cy="900000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="90" name="Zone de texte 2"/><wp:cNvGraphicFramePr/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"5400000\" cy=\"900000\"/></a:xfrm>"
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{paragraphs_xml}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/>'
        '<v:shape id="Zone de texte 2" o:spid="_x0000_s1026" type="#_x0000_t202" style="width:425pt;height:71pt">'
        f"<v:textbox><w:txbxContent>{paragraphs_xml}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def table(rows_xml: list[str], widths=(3600, 5400)) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="Grilledutableau"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows_xml)}</w:tbl>"
    )


def cell(content_xml: str, width: int) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content_xml}</w:tc>'


def row(cells_xml: str) -> str:
    return f'<w:tr w:rsidR="00A1B2C3" w:rsidTr="004D5E6F">{cells_xml}</w:tr>'


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/><w:sz w:val="22"/><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Lgende"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:i/><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Paragraphedeliste"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="Policepardfaut"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="character" w:styleId="Accentuation"><w:name w:val="Emphasis"/><w:basedOn w:val="Policepardfaut"/><w:qFormat/><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
<w:style w:type="character" w:styleId="lev"><w:name w:val="Strong"/><w:basedOn w:val="Policepardfaut"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Lienhypertexte"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableauNormal"><w:name w:val="Normal Table"/></w:style>
<w:style w:type="table" w:styleId="Grilledutableau"><w:name w:val="Table Grid"/><w:basedOn w:val="TableauNormal"/></w:style>
</w:styles>
"""

NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:lvlJc w:val="left"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>
"""

SECTION = (
    '<w:sectPr w:rsidR="00A1B2C3"><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/>'
    '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
)

OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def content_types(pictures: list[str]) -> str:
    defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
    for name in pictures:
        extension = name.rsplit(".", 1)[1]
        defaults[extension] = "image/png" if extension == "png" else "image/jpeg"
    default_xml = "".join(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults.items())
    overrides = {
        "/word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "/word/styles.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "/word/numbering.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    }
    override_xml = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides.items())
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f"{default_xml}{override_xml}</Types>"
    )


PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId3" Type="{OFFICE_REL}/extended-properties" Target="docProps/app.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    f'<Relationship Id="rId1" Type="{OFFICE_REL}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)

CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Success story</dc:title><dc:creator>storybank tests</dc:creator>'
    "</cp:coreProperties>"
)


def document_rels(relationships: list[tuple[str, str, str, bool]]) -> str:
    body = "".join(
        f'<Relationship Id="{rid}" Type="{OFFICE_REL}/{kind}" Target="{esc(target)}"'
        + (' TargetMode="External"' if external else "")
        + "/>"
        for rid, kind, target, external in relationships
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
    )


def write_docx(out: Path, body_xml: str, relationships, media: dict[str, bytes], styles: str = STYLES) -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {NAMESPACES}><w:body>{body_xml}{SECTION}</w:body></w:document>"
    )
    relationships = [
        ("rId1", "styles", "styles.xml", False),
        ("rId2", "numbering", "numbering.xml", False),
    ] + relationships
    parts = [
        ("[Content_Types].xml", content_types(list(media))),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", CORE),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels(relationships)),
        ("word/styles.xml", styles),
        ("word/numbering.xml", NUMBERING),
    ]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            archive.writestr(zipfile.ZipInfo(name, FIXED_TIME), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
        for name, data in media.items():
            archive.writestr(zipfile.ZipInfo("word/media/" + name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)


def seed_as_word(seed: dict, pictures: list[Path], out: Path) -> None:
    body = []
    # The form's title, with a spelling-checker mark and the "last edit" bookmark Word leaves behind.
    body.append(
        paragraph(
            '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'
            + run("FORMAT DE COLLECTE DES ")
            + '<w:proofErr w:type="spellStart"/>'
            + run("HISTO", rsid=1)
            + run("RIES", rsid=2)
            + '<w:proofErr w:type="spellEnd"/>'
            + run(" DE ")
            + '<w:proofErr w:type="spellStart"/>'
            + run("VIES", rsid=3)
            + '<w:proofErr w:type="spellEnd"/>'
            + run(" (SUCCESS STORIES)"),
            "Titre",
        )
    )
    # "1. SOMMAIRE": the number comes from the heading's own numbering, as when Word numbers headings.
    body.append(paragraph(run("SOMMAIRE"), "Titre1", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'))

    rows = []
    for label, value in seed["rows"]:
        if label.startswith("Nom et fonction"):
            # Name and function on two lines of one cell (Shift+Enter).
            name, function = "Abdoul Kassim FOMBA", "Coordonnateur National Think Peace"
            value_xml = paragraph(split_runs(name) + "<w:r><w:br/></w:r>" + split_runs(function))
        elif label.startswith("Contact"):
            # Phone and e-mail in two paragraphs of the cell, the e-mail as a mailto: link.
            phone, email = value.split(" fomba3")[0], "fomba3" + value.split(" fomba3")[1]
            value_xml = paragraph(split_runs(phone)) + paragraph(
                f'<w:hyperlink r:id="rId20" w:history="1">'
                f'<w:r><w:rPr><w:rStyle w:val="Lienhypertexte"/></w:rPr><w:t>{esc(email)}</w:t></w:r></w:hyperlink>'
            )
        elif label.startswith("Localit"):
            # A tracked change: "Bamako" typed over a deleted "Ségou".
            value_xml = paragraph(
                '<w:del w:id="1" w:author="HSC" w:date="2024-03-12T09:00:00Z"><w:r><w:delText>Ségou</w:delText></w:r></w:del>'
                '<w:ins w:id="2" w:author="HSC" w:date="2024-03-12T09:00:00Z">' + run("Bamako") + "</w:ins>"
                + split_runs(value[len("Bamako") :])
            )
        else:
            value_xml = paragraph(formatted_runs(value))
        rows.append(row(cell(paragraph(formatted_runs(label)), 3600) + cell(value_xml, 5400)))
    body.append(table(rows))
    body.append(paragraph(""))
    body.append(
        paragraph(run("DESCRIPTION DU CAS (DE L"), "Titre1", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>')
        .replace("</w:p>", run("’HISTOIRE)", rsid=2) + "</w:p>")
    )
    body.append(paragraph(formatted_runs(seed["title_line"])))
    for section in seed["sections"]:
        body.append(paragraph(split_runs(section["label"]), "Titre2"))
        paragraphs = section["paragraphs"]
        if section["label"] == "Leçons apprises":
            # The last paragraph of the lessons sits in a floating text box anchored in an empty paragraph.
            body.append(paragraph(formatted_runs(paragraphs[0])))
            body.append(paragraph(text_box(paragraph(formatted_runs(paragraphs[1])))))
            continue
        for text in paragraphs:
            body.append(paragraph(formatted_runs(text)))
    body.append(paragraph(run("Photos"), "Titre2"))
    relationships = [("rId20", "hyperlink", "mailto:fomba3@hotmail.com", True)]
    media = {}
    for number, (picture, caption) in enumerate(zip(pictures, seed["captions"]), start=1):
        rid = f"rId{30 + number}"
        name = f"image{number}{picture.suffix if picture.suffix == '.png' else '.jpeg'}"
        media[name] = picture.read_bytes()
        relationships.append((rid, "image", f"media/{name}", False))
        if number == 2:
            body.append(paragraph(vml_picture(rid)))
        else:
            # Word's own alt text for pasted pictures is not a caption.
            descr = "Une image contenant personne, intérieur. Description générée automatiquement" if number == 1 else ""
            body.append(paragraph(inline_picture(rid, number, f"Image {number}", descr)))
        # Insert › Caption: "Photo {SEQ}: text" in the Caption style; the number is a field.
        body.append(
            paragraph(
                run("Photo ")
                + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ Photo \\* ARABIC </w:instrText></w:r>'
                + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + run(str(number))
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                + run(" : ")
                + split_runs(caption),
                "Lgende",
            )
        )
    write_docx(out, "".join(body), relationships, media)


# ---------------------------------------------------------------------------------------------------------------
# An English story, laid out differently

ENGLISH = {
    "summary": [
        ("Author", "Jean-Baptiste OUÉDRAOGO Programme Manager, Social Cohesion"),
        ("Author contact", "76 54 32 10 · jb.ouedraogo@example.org"),
        ("Consortium member", "Sahel Peace Alliance (SPA)"),
        ("Partner NGO", "Association Zood-Nooma"),
        ("Locality", "Kaya, Centre-Nord, Burkina Faso"),
    ],
    "title": "Early warning committees keep the roads to Kaya open",
    "background": "Since 2021, the roads between Kaya and the surrounding villages have been cut several times by "
    "armed groups. Traders stopped travelling and the price of millet doubled in a few months.",
    "solution": [
        "Zood-Nooma helped twelve villages set up early warning committees of five members each:",
        "at least two women in each committee;",
        "information shared by phone with the municipal security council;",
        "a weekly call with the traders' association.",
    ],
    "change": [
        "Traders travel again on market days, in convoys organised with the committees.",
        "“When the committee says the road is calm, we go. When it says wait, we wait, and nobody has been attacked "
        "since” — Salamata Zongo, millet trader in Kaya.",
    ],
    "lessons": "Committees work when their members are chosen by the village, not appointed by the project.",
    "photos": [
        "Members of the Delga early warning committee",
        "A convoy leaving Kaya market on a Thursday",
    ],
}


def english_story(pictures: list[Path], out: Path) -> None:
    body = [paragraph(run("Success stories collection format"), "Title")]
    body.append(paragraph(run("Summary"), "Heading1"))
    for label, value in ENGLISH["summary"]:
        # "Label: value" paragraphs with the label in bold, as many forms are filled in.
        body.append(paragraph(run(label + ":", bold=True) + run(" ") + split_runs(value, every=17)))
    body.append(paragraph(run("The case"), "Heading1"))
    body.append(paragraph(run("Title:", bold=True) + run("\t") + run(ENGLISH["title"], italic=True)))
    body.append(paragraph(run("Background"), "Heading2"))
    body.append(paragraph(split_runs(ENGLISH["background"])))
    # A photo pasted in the middle of the story, outside the Photos section, with its caption below.
    body.append(paragraph(inline_picture("rId31", 1, "Picture 1", "Traders at the Kaya market")))
    body.append(paragraph(run("Kaya market on a Thursday morning"), "Caption"))
    body.append(paragraph(run("The solution"), "Heading2"))
    lead, *items = ENGLISH["solution"]
    body.append(
        paragraph(
            run("Zood-Nooma helped twelve villages set up ")
            + '<w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t>early warning committees</w:t></w:r>'
            + run(lead.split("committees", 1)[1])
        )
    )
    for item in items:
        body.append(paragraph(run(item), "ListParagraph", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    body.append(paragraph(run("Change brought about"), "Heading2"))
    for text in ENGLISH["change"]:
        body.append(paragraph(split_runs(text)))
    body.append(paragraph(run("Lessons learnt"), "Heading2"))
    body.append(paragraph(split_runs(ENGLISH["lessons"])))
    body.append(paragraph(run("Photos"), "Heading2"))
    # The photos as a table: the picture in the left column, its caption on the right.
    rows = [
        row(cell(paragraph(inline_picture("rId32", 2, "Picture 2")), 4500) + cell(paragraph(run(ENGLISH["photos"][0])), 4500)),
        # A picture linked from the web instead of embedded: it must not be fetched.
        row(
            cell(
                paragraph(
                    inline_picture("rId33", 3, "Picture 3").replace('r:embed="rId33"', 'r:link="rId33"')
                ),
                4500,
            )
            + cell(paragraph(run(ENGLISH["photos"][1])), 4500)
        ),
    ]
    body.append(table(rows, (4500, 4500)))
    relationships = [
        ("rId31", "image", "media/image1.jpeg", False),
        ("rId32", "image", "media/image2.png", False),
        ("rId33", "image", "https://example.org/photos/convoy.jpg", True),
    ]
    media = {"image1.jpeg": pictures[0].read_bytes(), "image2.png": pictures[2].read_bytes()}
    styles_en = (
        STYLES.replace('w:styleId="Titre"', 'w:styleId="Title"')
        .replace('w:styleId="Titre1"', 'w:styleId="Heading1"')
        .replace('w:styleId="Titre2"', 'w:styleId="Heading2"')
        .replace('w:styleId="Lgende"', 'w:styleId="Caption"')
        .replace('w:styleId="Paragraphedeliste"', 'w:styleId="ListParagraph"')
        .replace('w:styleId="Accentuation"', 'w:styleId="Emphasis"')
        .replace('w:val="fr-FR"', 'w:val="en-GB"')
    )
    write_docx(out, "".join(body), relationships, media, styles_en)


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    seed_path, work, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    seed = read_seed(seed_path)
    pictures = [work / "photo1.jpg", work / "photo2.jpg", work / "photo3.png"]
    write_html(seed, pictures, work / "seed.html")
    write_markdown(seed, pictures, work / "seed.md")
    seed_as_word(seed, pictures, out / "seed-as-word.docx")
    english_story(pictures, out / "english-word-kaya.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
