#!/bin/sh
# Makes the DOCX and ODT golden cases of tests/golden/parse/ from the seed story, with three tools:
#   seed-as-word.docx       OOXML written the way Word writes it, assembled by make_documents.py
#   english-word-kaya.docx  an English story, same way, other layout (linked picture, table of photos)
#   seed-libreoffice.docx   LibreOffice (soffice --headless) from an HTML version of the seed, pictures as data: URIs
#   seed-libreoffice.odt    the same HTML, saved as OpenDocument text
#   seed-pandoc.docx        pandoc from a Markdown version of the seed, pictures as figures with captions
#   seed-libreoffice.pdf    LibreOffice from the same HTML, printed to PDF
#   english-word-kaya.pdf   LibreOffice from english-word-kaya.docx, printed to PDF
#   seed-pandoc-chromium.pdf  pandoc's standalone HTML of the seed, printed to PDF by Chromium (pandoc itself
#                           needs a LaTeX engine, wkhtmltopdf or weasyprint to write PDF: none is installed)
# and, for the unit tests, tests/data/documents/pdf/: locked.pdf (qpdf, a user password), owner-only.pdf (qpdf,
# an owner password only: readable), scanned.pdf (a page of the seed as a greyscale picture, made by
# ImageMagick's convert, in a PDF written by LibreOffice: ImageMagick's security policy forbids writing PDF).
# The pictures are tiny (16×12) images made with ImageMagick's convert. Run from anywhere:
#   sh tests/data/documents/make_documents.sh
# then review `git diff` and rebaseline the expected JSON (tests/data/documents/PROVENANCE.md).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$root/tests/golden/parse"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

convert -size 16x12 xc:'#2e8b57' -fill '#f4d03f' -draw 'rectangle 4,3 11,8' "$work/photo1.jpg"
convert -size 16x12 xc:'#1f4e79' -fill '#e67e22' -draw 'circle 8,6 8,2' "$work/photo2.jpg"
convert -size 16x12 xc:'#8e44ad' -fill white -draw 'line 0,0 15,11' "$work/photo3.png"

python3 "$here/make_documents.py" "$root/tests/data/think-peace-mali.txt" "$work" "$out"

# A profile of its own, so that a LibreOffice already running (or another conversion) does not interfere.
profile="file://$work/lo-profile"
# "HTML (StarWriter)" imports the HTML as a text document (not Writer/Web), which both exports need.
soffice -env:UserInstallation="$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/seed.html" >/dev/null 2>&1
soffice -env:UserInstallation="$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to odt --outdir "$work" "$work/seed.html" >/dev/null 2>&1
cp "$work/seed.docx" "$out/seed-libreoffice.docx"
cp "$work/seed.odt" "$out/seed-libreoffice.odt"

# Without "smart", pandoc would turn the straight apostrophes of the seed into typographic ones.
(cd "$work" && pandoc --from markdown-smart seed.md -o "$out/seed-pandoc.docx")

soffice -env:UserInstallation="$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to pdf --outdir "$work" "$work/seed.html" >/dev/null 2>&1
cp "$work/seed.pdf" "$out/seed-libreoffice.pdf"
soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work" \
    "$out/english-word-kaya.docx" >/dev/null 2>&1
cp "$work/english-word-kaya.pdf" "$out/english-word-kaya.pdf"
# pagetitle, not title: a title would be printed above the form as text of its own.
(cd "$work" && pandoc --from markdown-smart --standalone --metadata pagetitle="Success story" seed.md \
    -o seed-pandoc.html)
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$work/chromium" \
    --print-to-pdf="$out/seed-pandoc-chromium.pdf" "file://$work/seed-pandoc.html" >/dev/null 2>&1

pdf="$root/tests/data/documents/pdf"
mkdir -p "$pdf"
qpdf --encrypt secret secret 256 -- "$out/english-word-kaya.pdf" "$pdf/locked.pdf"
qpdf --encrypt "" owner-secret 256 -- "$out/english-word-kaya.pdf" "$pdf/owner-only.pdf"
pdftocairo -png -r 30 -f 1 -l 1 -singlefile "$out/seed-libreoffice.pdf" "$work/scan"
convert "$work/scan.png" -colorspace Gray -rotate 0.7 -quality 50 "$work/scan.jpg"
python3 -c 'import base64, sys
picture = base64.b64encode(open(sys.argv[1], "rb").read()).decode()
open(sys.argv[2], "w").write("<!DOCTYPE html><html><body><p><img width=\"600\" src=\"data:image/jpeg;base64,"
                             + picture + "\"></p></body></html>")' "$work/scan.jpg" "$work/scanned.html"
soffice -env:UserInstallation="$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to pdf --outdir "$work" "$work/scanned.html" >/dev/null 2>&1
cp "$work/scanned.pdf" "$pdf/scanned.pdf"

ls -l "$out"/*.docx "$out"/*.odt "$out"/*.pdf "$pdf"/*.pdf
