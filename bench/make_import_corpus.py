#!/usr/bin/env python3
"""Makes the bulk-import benchmark's Word stories: COUNT .docx files, each with the summary, four sections and
three camera photos under their captions, as field staff paste them.

Usage: make_import_corpus.py PHOTO_DIR OUT_DIR COUNT

pandoc makes one template document from Markdown; each file is that template with its own title and its three
photos taken in turn from PHOTO_DIR (*.jpg), each given a JPEG comment with the file's number so that no two files
(and no two photos) have the same bytes: the import cannot skip work by recognising a file or a photo.
"""

import pathlib
import subprocess
import sys
import tempfile
import zipfile

STORY = """Nom et fonction de l'auteur : Awa TRAORÉ, chargée de suivi-évaluation

Contact de l'auteur : +223 76 12 34 56 awa.traore@exemple.org

Membre du Consortium : Fondation pour la Paix au Sahel

Nom de l'ONG partenaire : Association Benkadi

Localité : Ségou, Mali

Titre : Histoire numéro 0

# Introduction – question/problème clé à traiter

{paragraph}

# Description de la solution

{paragraph}

# Changement apporté

{paragraph} « Nous avons appris à nous parler » **Fatoumata DIALLO**, présidente des femmes.

# Leçons apprises

{paragraph}

# Photos

![Causerie des femmes au marché]({photo0})

![Remise des attestations de formation]({photo1})

![Le comité de paix réuni sous le hangar]({photo2})
"""

PARAGRAPH = ("Depuis la saison sèche, les éleveurs et les agriculteurs du cercle se disputaient les couloirs de "
             "passage et les points d'eau. L'association a formé des femmes médiatrices, organisé des causeries au "
             "marché et réuni les chefs de village avec les autorités. ") * 4


def with_comment(jpeg: bytes, text: str) -> bytes:
    """Inserts a COM segment right after SOI: same picture, different bytes."""
    payload = text.encode()
    segment = b"\xff\xfe" + (len(payload) + 2).to_bytes(2, "big") + payload
    return jpeg[:2] + segment + jpeg[2:]


def main() -> int:
    photo_dir, out_dir, count = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    photos = sorted(photo_dir.glob("*.jpg"))
    if len(photos) < 3:
        print("need at least three photos in " + str(photo_dir), file=sys.stderr)
        return 1
    photo_bytes = [p.read_bytes() for p in photos]
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        markdown = pathlib.Path(work) / "story.md"
        markdown.write_text(STORY.format(paragraph=PARAGRAPH, photo0=photos[0], photo1=photos[1], photo2=photos[2]),
                            encoding="utf-8")
        template = pathlib.Path(work) / "template.docx"
        subprocess.run(["pandoc", str(markdown), "-o", str(template)], check=True)
        with zipfile.ZipFile(template) as source:
            entries = [(item, source.read(item)) for item in source.infolist()]
    media = sorted(item.filename for item, _ in entries if item.filename.startswith("word/media/"))
    if len(media) != 3:
        print("the template has %d pictures, not 3" % len(media), file=sys.stderr)
        return 1
    for number in range(count):
        path = out_dir / ("story-%04d.docx" % number)
        with zipfile.ZipFile(path, "w") as target:
            for item, data in entries:
                if item.filename in media:
                    k = media.index(item.filename)
                    data = with_comment(photo_bytes[(number * 3 + k) % len(photo_bytes)], "story %d photo %d" % (number, k))
                    target.writestr(item.filename, data, compress_type=zipfile.ZIP_STORED)
                    continue
                if item.filename == "word/document.xml":
                    data = data.replace(b"Histoire num\xc3\xa9ro 0", ("Histoire numéro %d" % number).encode())
                target.writestr(item.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return 0


if __name__ == "__main__":
    sys.exit(main())
