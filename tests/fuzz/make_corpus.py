#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target into tests/fuzz/corpus/<target>/ (see README.md).

    python3 tests/fuzz/make_corpus.py

Seeds are the golden stories, the hostile files the unit tests build, and cut or damaged variants of both,
each small: the whole corpus stays under 2 MB. Photos are made with ImageMagick's `convert`. The files are
reproducible (fixed ZIP timestamps) and their names say what they are. Minimized crashers found by fuzzing are
added by hand as crash-<what>.<ext> and are kept when this script runs again.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GOLDEN = ROOT / "tests" / "golden" / "parse"
CORPUS = HERE / "corpus"
FIXED_TIME = (2024, 3, 12, 9, 30, 0)

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def write(target: str, name: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def zip_of(entries: list[tuple[str, bytes]], stored: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


def docx_of(body: str, rels: str = "", extra: list[tuple[str, bytes]] | None = None) -> bytes:
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{body}</w:body></w:document>'
    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.document.main+xml"/></Types>')
    relationships = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                     f'relationships">{rels}</Relationships>')
    entries = [("[Content_Types].xml", types.encode()), ("word/document.xml", document.encode()),
               ("word/_rels/document.xml.rels", relationships.encode())]
    return zip_of(entries + (extra or []))


def odt_of(text: str, media_type: str = "application/vnd.oasis.opendocument.text") -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}><office:body>'
               f'<office:text>{text}</office:text></office:body></office:document-content>')
    manifest = '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'
    return zip_of([("mimetype", media_type.encode()), ("content.xml", content.encode()),
                   ("META-INF/manifest.xml", manifest.encode())], stored=("mimetype",))


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>" for t in texts)


def minimal_pdf(lines: list[tuple[float, float, str]], picture: bool = False, compress: bool = False) -> bytes:
    """A one-page PDF in Helvetica; `lines` are (x, y from the top, text) in WinAnsi."""
    content = "".join(f"BT /F1 11 Tf 1 0 0 1 {x} {842 - y} Tm ({t}) Tj ET\n" for x, y, t in lines)
    if picture:
        content = "q 100 0 0 80 72 600 cm /Im1 Do Q\n" + content
    stream = content.encode("latin-1")
    filter_entry = ""
    if compress:
        stream = zlib.compress(stream, 9)
        filter_entry = " /Filter /FlateDecode"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
        "/XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        None,
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        "/Length 1 >>\nstream\n\x80\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        if body is None:  # the content stream, maybe compressed
            out += f"{number} 0 obj\n<< /Length {len(stream)}{filter_entry} >>\nstream\n".encode() + stream + \
                b"\nendstream\nendobj\n"
            continue
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def text_seeds() -> None:
    for path in sorted(GOLDEN.glob("*.txt")) + sorted(GOLDEN.glob("*.md")):
        write("text_reader", path.name, path.read_bytes())
    seed = (ROOT / "tests" / "data" / "think-peace-mali.txt").read_bytes()
    write("text_reader", "seed-cut.txt", seed[:700])
    write("text_reader", "seed-crlf.txt", seed.replace(b"\n", b"\r\n")[:3000])
    write("text_reader", "seed-utf16-odd.txt", b"\xff\xfe" + seed[:301].decode("utf-8", "ignore").encode("utf-16-le")[:301])
    write("text_reader", "seed-with-nul.txt", seed[:400] + b"\0" + seed[400:800])
    write("text_reader", "long-line.md", b"# " + b"a" * 6000 + b"\n| x | y |\n|---|---|\n| " + b"b|" * 500 + b"\n")
    write("text_reader", "markdown-mix.md",
          "## Titre\n\n![légende](photo.jpg \"t\")\n\n```\ncode\n```\n- item\n1) deux\n| a | b |\n|---|\n"
          "**Nom et fonction de l'auteur :** Awa, animatrice\n".encode())


def docx_seeds() -> None:
    for name in ("seed-as-word.docx", "seed-libreoffice.docx", "seed-pandoc.docx", "english-word-kaya.docx"):
        write("docx_reader", name, (GOLDEN / name).read_bytes())
    seed = (GOLDEN / "seed-as-word.docx").read_bytes()
    write("docx_reader", "seed-cut.docx", seed[: len(seed) // 2])
    write("docx_reader", "small-form.docx", docx_of(paragraphs(
        ["Nom et fonction de l'auteur : Awa KONÉ, animatrice", "Localité : Gao", "Titre : Le marché", "Photos"])))
    write("docx_reader", "bomb.docx", docx_of("", extra=[("word/media/big.png", b"\0" * 4_000_000)]))
    write("docx_reader", "doctype.docx", zip_of([
        ("word/document.xml", b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                              b"<w:document " + W_NS.encode() + b"><w:body>&b;</w:body></w:document>")]))
    write("docx_reader", "deep.docx", docx_of("<w:sdt><w:sdtContent>" * 600 + "</w:sdtContent></w:sdt>" * 600))
    write("docx_reader", "missing-picture.docx", docx_of(
        '<w:p><w:r><w:drawing><a:blip xmlns:a="a" xmlns:r="r" r:embed="rId9"/></w:drawing></w:r></w:p>',
        '<Relationship Id="rId9" Type="image" Target="media/none.png"/>'
        '<Relationship Id="rId8" Type="image" Target="../../../etc/passwd"/>'))
    write("docx_reader", "no-body.docx", zip_of([("word/document.xml", b"<w:document " + W_NS.encode() + b"/>")]))
    # Not archives: the fuzz target packs these into a DOCX as the body of word/document.xml.
    with zipfile.ZipFile(GOLDEN / "seed-as-word.docx") as archive:
        document = archive.read("word/document.xml").decode()
    body = document[document.index("<w:body>") + len("<w:body>"):document.rindex("</w:body>")]
    write("docx_reader", "seed-body.xml", body.encode())
    write("docx_reader", "table-body.xml", (
        "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Rubrique</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Réponse</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Localité</w:t>"
        "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Gao</w:t></w:r><w:r><w:br/><w:sym w:char=\"F0B7\"/>"
        "</w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:numPr><w:numId w:val=\"1\"/>"
        "</w:numPr></w:pPr><w:fldSimple w:instr=\" SEQ Figure \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>").encode())


def odt_seeds() -> None:
    seed = (GOLDEN / "seed-libreoffice.odt").read_bytes()
    write("odt_reader", "seed-libreoffice.odt", seed)
    write("odt_reader", "seed-cut.odt", seed[: len(seed) // 3])
    write("odt_reader", "small-form.odt", odt_of(
        '<text:h text:outline-level="1">1. SOMMAIRE</text:h><text:p>Localité : Gao<text:s text:c="5"/>Mali</text:p>'
        '<text:list><text:list-item><text:p>un</text:p></text:list-item></text:list>'))
    write("odt_reader", "many-spaces.odt", odt_of('<text:p>a<text:s text:c="999999999"/>b</text:p>'))
    write("odt_reader", "spreadsheet.odt", odt_of("<text:p>x</text:p>", "application/vnd.oasis.opendocument.spreadsheet"))
    # Not archives: the fuzz target packs these into an ODT as the text of content.xml.
    with zipfile.ZipFile(GOLDEN / "seed-libreoffice.odt") as archive:
        content = archive.read("content.xml").decode()
    start = content.index(">", content.index("<office:text")) + 1
    write("odt_reader", "seed-text.xml", content[start:content.rindex("</office:text>")].encode())


def pdf_seeds() -> None:
    for name in ("seed-libreoffice.pdf", "english-word-kaya.pdf"):
        write("pdf_reader", name, (GOLDEN / name).read_bytes())
    pdf_dir = ROOT / "tests" / "data" / "documents" / "pdf"
    for name in ("locked.pdf", "scanned.pdf"):
        write("pdf_reader", name, (pdf_dir / name).read_bytes())
    seed = (GOLDEN / "seed-libreoffice.pdf").read_bytes()
    write("pdf_reader", "seed-cut.pdf", seed[: len(seed) // 2])
    write("pdf_reader", "seed-middle-gone.pdf", seed[: len(seed) // 3] + seed[2 * len(seed) // 3:])
    form = [(72, 72, "Nom et fonction de l'auteur"), (300, 72, "Awa KON\xc9, animatrice"), (72, 90, "Localit\xe9"),
            (300, 90, "Gao, Mali"), (72, 130, "Titre : Le march\xe9 de Gao"), (72, 160, "Photos"),
            (72, 180, "Photo 1 : Le march\xe9 un jeudi"), (72, 820, "Page 1 sur 1")]
    write("pdf_reader", "small-form.pdf", minimal_pdf(form, picture=True))
    small = minimal_pdf(form)
    write("pdf_reader", "small-form-bad-xref.pdf", small.replace(b"0000000009 00000 n", b"0000009999 00000 n"))
    # Words strewn over a page, more than a page of a story holds: refused before poppler orders them, which would
    # take minutes (the page-size check of read_pdf_document).
    scattered = [(20 + (i * 7919) % 540, 20 + (i * 104729) % 800, "ab cd ef") for i in range(4000)]
    write("pdf_reader", "scattered-words.pdf", minimal_pdf(scattered, compress=True))
    write("pdf_reader", "junk.pdf", b"%PDF-1.7\n" + bytes((i * 7919) % 251 for i in range(2000)) + b"\n%%EOF\n")


LAYOUT_WORDS = ["Nom", "et", "fonction", "de", "l'auteur:", "Localité", "Bamako", "•", "-", "1.", "a)", "commu-",
                "nautés", "peut-", "être", "Photo", "1", ":", "Page", "2", "sur", "«", "»", "KANE", ",", "\xad",
                "Titre", "Photos"]


def layout_word(text: str, left: float, top: float, size: float = 12, flags: int = 0x18) -> bytes:
    """One word as pdf_layout_fuzzer reads it (flags 0x18: a space after, the next place in reading order)."""
    width = min(255, int(len(text) * size))  # half points: 0.5 em a character
    return bytes([flags]) + int(left * 64).to_bytes(2, "big") + int(top * 64).to_bytes(2, "big") + \
        bytes([width, int(size * 8), LAYOUT_WORDS.index(text)])


def layout_line(words: list[str], left: float, top: float, size: float = 12, flags: int = 0x18) -> bytes:
    out = b""
    for word in words:
        out += layout_word(word, left, top, size, flags)
        left += len(word) * size / 2 + size / 4
    return out


def layout_seeds() -> None:
    table = (layout_line(["Nom", "et", "fonction", "de", "l'auteur:"], 72, 100) +
             layout_line(["Localité"], 72, 114.4) +
             layout_line(["Bamako", "et", "Bamako"], 250, 100) + layout_line(["Bamako"], 250, 114.4))
    write("pdf_layout", "table.bin", table)
    write("pdf_layout", "centred-table.bin", layout_line(["Nom", "de", "l'auteur:"], 72, 107) +
          layout_line(["Bamako", "et"], 250, 100) + layout_line(["Bamako"], 250, 114))
    paragraphs = (layout_line(["Titre", ":", "KANE", "et", "KANE", "de", "commu-"], 72, 100, flags=0x1C) +
                  layout_line(["nautés", "peut-"], 72, 114.4) + layout_line(["être", ","], 72, 128.8) +
                  layout_line(["•", "Nom"], 72, 150) + layout_line(["1.", "Nom"], 72, 164.4))
    write("pdf_layout", "paragraphs.bin", paragraphs)
    pages = b""
    for page in range(3):
        pages += layout_line(["Photo", "1", ":", "Bamako"], 72, 30, flags=0x19 if page else 0x18)
        pages += layout_line(["Titre", "de", "Bamako"], 72, 300, size=18, flags=0x1A)
        pages += layout_line(["Page", "2", "sur", "2"], 280, 810)
    write("pdf_layout", "pages.bin", pages)


def zip_seeds() -> None:
    for name in ("english-word-kaya.docx", "seed-as-word.docx"):
        write("zip_archive", name, (GOLDEN / name).read_bytes())
    write("zip_archive", "small-form.odt", (CORPUS / "odt_reader" / "small-form.odt").read_bytes())
    write("zip_archive", "bomb.zip", zip_of([("zeros", b"\0" * 8_000_000)]))
    write("zip_archive", "empty.zip", b"PK\x05\x06" + b"\0" * 18)
    write("zip_archive", "names.zip", zip_of([("/MIMETYPE", b"x"), ("Word/Document.XML", b"y"), ("a/../b", b"z")]))
    seed = (GOLDEN / "english-word-kaya.docx").read_bytes()
    write("zip_archive", "cut.zip", seed[: len(seed) - 30])


def xml_seeds() -> None:
    with zipfile.ZipFile(GOLDEN / "seed-as-word.docx") as archive:
        write("xml_document", "document.xml", archive.read("word/document.xml"))
        write("xml_document", "styles.xml", archive.read("word/styles.xml"))
    with zipfile.ZipFile(GOLDEN / "seed-libreoffice.odt") as archive:
        write("xml_document", "content.xml", archive.read("content.xml")[:60_000])
    write("xml_document", "doctype.xml", b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>')
    write("xml_document", "deep.xml", b"<a>" * 1500 + b"</a>" * 1500)
    write("xml_document", "attributes.xml", b"<w:p " + b" ".join(b'w:a%d="%d"' % (i, i) for i in range(300)) + b"/>")
    write("xml_document", "mixed.xml", b'<?xml version="1.0" encoding="ISO-8859-1"?><?pi x?><a><![CDATA[<b>]]>'
                                       b"<!-- c --><b xml:space='preserve'> \xe9 </b>&amp;&#233;&#x1F600;</a>")
    write("xml_document", "bad-utf8.xml", b"<a>\xff\xfe\xc3</a>")


def photo_seeds() -> None:
    if shutil.which("convert") is None:
        print("convert (ImageMagick) not found: photo seeds left as they are", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as work:
        made = {}
        for name, args in (("tiny.jpg", ["-size", "16x12", "xc:#2e8b57"]),
                           ("tiny.png", ["-size", "16x12", "xc:#1f4e79", "-alpha", "set"]),
                           ("tiny.gif", ["-size", "8x8", "xc:red"]),
                           ("tiny.webp", ["-size", "16x12", "xc:#8e44ad"])):
            path = Path(work) / name
            subprocess.run(["convert", *args, str(path)], check=True)
            made[name] = path.read_bytes()
        jpg = subprocess.run(["convert", "-size", "16x12", "xc:#2e8b57", "-orient", "RightTop", "jpg:-"],
                             check=True, capture_output=True).stdout
        made["oriented.jpg"] = jpg
    for name, data in made.items():
        write("photo_processor", name, data)
    write("photo_processor", "tiny-cut.jpg", made["tiny.jpg"][: len(made["tiny.jpg"]) // 2])
    png = bytearray(made["tiny.png"])
    png[16:24] = (60000).to_bytes(4, "big") + (60000).to_bytes(4, "big")  # IHDR: 60000 × 60000 declared
    write("photo_processor", "huge-declared.png", bytes(png))
    write("photo_processor", "not-a-photo.pdf", b"%PDF-1.7\n%%EOF\n")


def main() -> int:
    for target in ("text_reader", "docx_reader", "odt_reader", "pdf_reader", "pdf_layout", "zip_archive",
                   "xml_document", "photo_processor"):
        folder = CORPUS / target
        if folder.exists():
            for path in folder.iterdir():
                if not path.name.startswith("crash-"):
                    path.unlink()
    text_seeds()
    docx_seeds()
    odt_seeds()
    pdf_seeds()
    layout_seeds()
    zip_seeds()
    xml_seeds()
    photo_seeds()
    total = sum(path.stat().st_size for path in CORPUS.rglob("*") if path.is_file())
    print(f"corpus: {sum(1 for p in CORPUS.rglob('*') if p.is_file())} files, {total / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
