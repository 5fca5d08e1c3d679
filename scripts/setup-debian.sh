#!/usr/bin/env bash
# Installs every Debian package that building, testing and running storybank needs.
# Idempotent: when everything is present it only checks (about a second) and exits.
set -euo pipefail

build_packages=(
  build-essential cmake ninja-build pkg-config ccache git python3
  libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev libstemmer-dev
  libpq-dev libpqxx-dev postgresql postgresql-contrib
  libcairo2-dev libpango1.0-dev libjpeg-dev fonts-dejavu-core fonts-noto-core
  libzip-dev libpugixml-dev libxlsxwriter-dev
  libvips-dev libsodium-dev libphonenumber-dev libpoppler-cpp-dev libicu-dev
  libcmark-dev libexttextcat-dev libexttextcat-data
  libspdlog-dev libfmt-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang clang-format clang-tidy
)
test_packages=(
  sqlite3 curl poppler-utils qpdf unzip time
  libreoffice-writer libreoffice-calc pandoc imagemagick libimage-exiftool-perl chromium
)
# The HTTP load benchmark (bench/http_load_bench.py): wrk drives the load, nginx is the reference server. The
# benchmark runs nginx with its own configuration; on a machine with systemd the package also starts a default
# nginx on port 80, which the benchmark does not use (`systemctl disable --now nginx` if it is not wanted).
bench_packages=(wrk nginx)

missing=()
# The web app builds with the Node.js already on the machine (20 or newer), or with Debian 12's own (18, and its
# npm) when there is none: see web/README.md.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
for package in "${build_packages[@]}" "${test_packages[@]}" "${bench_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${#missing[@]} Debian package(s): ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  sudo=sudo
else
  sudo=
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
