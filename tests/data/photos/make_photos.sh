#!/usr/bin/env bash
# Regenerates the photo fixtures of src/media/photo_processor_test.cpp (see PROVENANCE.md beside this script).
# Needs ImageMagick 6 (`convert`, with HEIC support through libheif) and exiftool. Every picture is synthetic;
# the metadata (GPS position near Bamako, a person's name) is invented and is what the tests check is removed.
#
#   bash tests/data/photos/make_photos.sh
set -euo pipefail

cd "$(dirname "$0")"

for tool in convert exiftool; do
  command -v "$tool" >/dev/null || { echo "make_photos.sh: $tool is missing (scripts/setup-debian.sh installs it)" >&2; exit 1; }
done

# The sensitive metadata a phone camera writes: where, when, who, with which device, in EXIF, XMP and IPTC.
metadata=(
  -n
  -GPSLatitude=12.6392 -GPSLatitudeRef=N -GPSLongitude=8.0029 -GPSLongitudeRef=W -GPSAltitude=350 -GPSAltitudeRef=0
  -Make=Tecno -Model="Spark 10" -Artist="Awa Traoré" -ImageDescription="Atelier de Bamako"
  -DateTimeOriginal="2024:03:14 10:21:07"
  -XMP-dc:Creator="Awa Traoré" -XMP-exif:GPSLatitude=12.6392 -XMP-exif:GPSLongitude=-8.0029
)
iptc=(-IPTC:By-line="Awa Traoré" -IPTC:City=Bamako -IPTC:Caption-Abstract="Atelier de Bamako")

# Stored landscape, red left half and blue right half, tagged "rotate 90° clockwise": a viewer shows it portrait
# with red on top, which is what the tests check.
convert -size 80x120 xc:'#d01010' -size 80x120 xc:'#1010d0' +append -quality 90 gps-orientation-6.jpg
exiftool -q -overwrite_original "${metadata[@]}" "${iptc[@]}" -Orientation=6 gps-orientation-6.jpg

# Half transparent, with EXIF (eXIf chunk) and XMP (iTXt chunk).
convert -size 64x48 xc:'#20a020' -alpha set -channel A -fx 'i < w/2 ? 1 : 0.25' +channel \
  -define png:exclude-chunks=date,time transparent.png
exiftool -q -overwrite_original "${metadata[@]}" transparent.png

convert -size 64x48 gradient:'#e0c040-#4060e0' -quality 80 photo.webp
exiftool -q -overwrite_original "${metadata[@]}" photo.webp

# Two frames, red then blue: the processor keeps the first.
convert -delay 50 -size 64x48 xc:'#d01010' xc:'#1010d0' -loop 0 animated.gif
exiftool -q -overwrite_original -Comment="Awa Traoré, Bamako" -XMP-dc:Creator="Awa Traoré" animated.gif

convert -size 64x48 gradient:'#40c0e0-#e04060' -quality 80 photo.heic
exiftool -q -overwrite_original "${metadata[@]}" photo.heic

convert -size 16x16 xc:'#808080' not-a-photo.bmp

ls -l gps-orientation-6.jpg transparent.png photo.webp animated.gif photo.heic not-a-photo.bmp
