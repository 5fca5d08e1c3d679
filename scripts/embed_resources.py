#!/usr/bin/env python3
"""Turns resources/resources.txt into one C++ file with every listed file as a constexpr byte array.

The output defines the functions declared in src/assets/detail/embedded.hpp: a table of {path, media type,
ETag, bytes} sorted by path (looked up by binary search in src/assets/assets.cpp), the folders each asset path
comes from (for the STORYBANK_ASSETS_DIR override) and the media-type table.

The list format is described at the top of resources/resources.txt. Errors (missing file, unknown extension,
duplicate path) name the list line and stop the build.

The output is written to OUTPUT.tmp, then moved over OUTPUT only when it differs, so an unchanged list does not
recompile anything.

Usage:
  embed_resources.py --list resources/resources.txt --root . --output build/.../assets_generated.cpp
  embed_resources.py --list ... --root . --print-inputs      files the output depends on, one per line
  embed_resources.py --list ... --root . --print-watch-dirs  folders whose change may add or remove files
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Extension → media type. Text types say their charset; add an entry here to embed a new kind of file.
MEDIA_TYPES: dict[str, str] = {
    ".css": "text/css; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".gif": "image/gif",
    ".html": "text/html; charset=utf-8",
    ".ico": "image/x-icon",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".md": "text/markdown; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".otf": "font/otf",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ttf": "font/ttf",
    ".tsv": "text/tab-separated-values; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".webp": "image/webp",
    ".woff": "font/woff",
    ".yaml": "application/yaml",
    ".woff2": "font/woff2",
    ".xml": "application/xml",
    ".xsl": "application/xslt+xml",
}

ETAG_HEX_DIGITS = 16
LINE_WIDTH = 100


class ListError(Exception):
    pass


@dataclass(frozen=True)
class Entry:
    path: str  # asset path, e.g. "templates/success-story.json"
    source: Path  # file on disk
    origin: str  # "resources.txt:12", for messages


@dataclass(frozen=True)
class Mount:
    asset_prefix: str  # "templates/", "web/", or a whole path for a file listed at the top of resources/
    source_folder: str  # relative to the repository root: "resources/templates/", "web/dist/"


@dataclass
class ResourceList:
    entries: list[Entry]
    mounts: list[Mount]
    watch_dirs: list[Path]


def media_type(entry: Entry) -> str:
    extension = PurePosixPath(entry.path).suffix.lower()
    if extension not in MEDIA_TYPES:
        raise ListError(
            f"{entry.origin}: '{entry.path}' has extension '{extension or '(none)'}' without a media type; "
            f"declare it in MEDIA_TYPES in scripts/embed_resources.py"
        )
    return MEDIA_TYPES[extension]


def check_asset_path(path: str, origin: str) -> None:
    parts = path.split("/")
    if path.startswith("/") or "\\" in path or any(part in ("", ".", "..") for part in parts):
        raise ListError(f"{origin}: '{path}' must be a relative path without '.', '..' or empty parts")


def nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def read_list(list_path: Path, root: Path, quiet: bool = False) -> ResourceList:
    resources_dir = list_path.parent
    resources_folder = resources_dir.resolve().relative_to(root.resolve()).as_posix() + "/"
    entries: list[Entry] = []
    mounts: list[Mount] = []
    watch_dirs: list[Path] = []
    for number, raw in enumerate(list_path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        origin = f"{list_path.name}:{number}"
        if ":" in line:
            folder, pattern = line.split(":", 1)
            check_asset_path(folder, origin)
            pattern_parts = pattern.split("/")
            fixed = []
            for part in pattern_parts:
                if any(c in part for c in "*?["):
                    break
                fixed.append(part)
            if len(fixed) == len(pattern_parts):
                raise ListError(f"{origin}: '{line}' has no wildcard; list single files relative to resources/")
            base = root / folder / Path(*fixed) if fixed else root / folder
            fixed_folder = "/".join([folder, *fixed]) + "/"
            mounts.append(Mount(folder + "/", fixed_folder))
            watch_dirs.append(nearest_existing(base))
            if not base.is_dir():
                if not quiet:
                        print(f"embed_resources: {origin}: {fixed_folder} does not exist; skipped", file=sys.stderr)
                continue
            rest = "/".join(pattern_parts[len(fixed) :])
            if rest == "**" or rest.endswith("/**"):
                rest += "/*"  # pathlib's "**" alone matches folders only
            for source in sorted(base.glob(rest)):
                if source.is_file():
                    relative = source.relative_to(base).as_posix()
                    entries.append(Entry(f"{folder}/{relative}", source, origin))
                elif source.is_dir():
                    watch_dirs.append(source)
        else:
            check_asset_path(line, origin)
            source = resources_dir / line
            if not source.is_file():
                raise ListError(f"{origin}: '{line}' does not exist in {resources_dir}")
            entries.append(Entry(line, source, origin))
            # The override (STORYBANK_ASSETS_DIR) sees the listed file's top folder, or the file itself.
            top = line.split("/", 1)[0] + ("/" if "/" in line else "")
            mount = Mount(top, resources_folder + top)
            if mount not in mounts:
                mounts.append(mount)

    seen: dict[str, str] = {}
    for entry in entries:
        check_asset_path(entry.path, entry.origin)
        if entry.path in seen:
            raise ListError(f"{entry.origin}: '{entry.path}' is already listed at {seen[entry.path]}")
        seen[entry.path] = entry.origin
        media_type(entry)
    entries.sort(key=lambda entry: entry.path.encode("utf-8"))
    mounts.sort(key=lambda mount: (-len(mount.asset_prefix), mount.asset_prefix))  # longest prefix first
    return ResourceList(entries, mounts, watch_dirs)


def cpp_string(data: bytes) -> list[str]:
    """The bytes as C++ string-literal lines. Octal escapes are always 3 digits, so they can't run on."""
    lines = []
    current = []
    width = 0
    for byte in data:
        if byte == 0x22:
            piece = '\\"'
        elif byte == 0x5C:
            piece = "\\\\"
        elif 0x20 <= byte < 0x7F and byte != 0x3F:  # '?' escaped to stay clear of trigraph-like sequences
            piece = chr(byte)
        else:
            piece = f"\\{byte:03o}"
        current.append(piece)
        width += len(piece)
        if width >= LINE_WIDTH or byte == 0x0A:
            lines.append('"' + "".join(current) + '"')
            current = []
            width = 0
    if current or not lines:
        lines.append('"' + "".join(current) + '"')
    return lines


def cpp_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(resource_list: ResourceList) -> str:
    out = [
        "// Generated by scripts/embed_resources.py from resources/resources.txt. Do not edit.",
        '#include "assets/detail/embedded.hpp"',
        "",
        "#include <array>",
        "#include <span>",
        "#include <string_view>",
        "",
        "#if defined(__GNUC__)",
        '#pragma GCC diagnostic ignored "-Woverlength-strings"',
        "#endif",
        "",
        "namespace storybank::assets::detail {",
        "namespace {",
        "",
    ]
    rows = []
    for index, entry in enumerate(resource_list.entries):
        data = entry.source.read_bytes()
        etag = '"' + hashlib.sha256(data).hexdigest()[:ETAG_HEX_DIGITS] + '"'
        out.append(f"// {entry.path} ({len(data)} bytes)")
        out.append(f"constexpr char kData{index}[] =")
        out.extend("    " + line for line in cpp_string(data))
        out[-1] += ";"
        out.append("")
        rows.append(
            f"    EmbeddedFile{{{cpp_quote(entry.path)}, {cpp_quote(media_type(entry))}, {cpp_quote(etag)}, "
            f"std::string_view(kData{index}, {len(data)})}},"
        )

    out.append(f"constexpr std::array<EmbeddedFile, {len(rows)}> kFiles{{{{")
    out.extend(rows)
    out.append("}};")
    out.append("")
    out.append(f"constexpr std::array<Mount, {len(resource_list.mounts)}> kMounts{{{{")
    for mount in resource_list.mounts:
        out.append(f"    Mount{{{cpp_quote(mount.asset_prefix)}, {cpp_quote(mount.source_folder)}}},")
    out.append("}};")
    out.append("")
    out.append(f"constexpr std::array<MediaType, {len(MEDIA_TYPES)}> kMediaTypes{{{{")
    for extension, media in sorted(MEDIA_TYPES.items()):
        out.append(f"    MediaType{{{cpp_quote(extension)}, {cpp_quote(media)}}},")
    out.append("}};")
    out += [
        "",
        "}  // namespace",
        "",
        "std::span<const EmbeddedFile> embedded_files() { return kFiles; }",
        "std::span<const Mount> mounts() { return kMounts; }",
        "std::span<const MediaType> media_types() { return kMediaTypes; }",
        "",
        "}  // namespace storybank::assets::detail",
        "",
    ]
    return "\n".join(out)


def write_if_different(output: Path, text: str) -> bool:
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.exists() and output.read_text(encoding="utf-8") == text:
        return False
    temporary = output.with_name(output.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, output)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", type=Path, required=True, help="resources/resources.txt")
    parser.add_argument("--root", type=Path, required=True, help="repository root")
    parser.add_argument("--output", type=Path, help="the .cpp to write")
    parser.add_argument("--print-inputs", action="store_true", help="print the listed files, one per line")
    parser.add_argument("--print-watch-dirs", action="store_true", help="print the folders globs read")
    args = parser.parse_args()
    try:
        resource_list = read_list(args.list, args.root, quiet=args.print_inputs or args.print_watch_dirs)
    except ListError as error:
        print(f"embed_resources: error: {error}", file=sys.stderr)
        return 1
    if args.print_inputs:
        for entry in resource_list.entries:
            print(entry.source.resolve().as_posix())
        return 0
    if args.print_watch_dirs:
        for folder in resource_list.watch_dirs:
            print(folder.resolve().as_posix())
        return 0
    if args.output is None:
        parser.error("--output is required")
    write_if_different(args.output, generate(resource_list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
