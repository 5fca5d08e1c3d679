#!/usr/bin/env python3
"""Checks the include matrix of CONVENTIONS.md §8.2 (and docs/decisions/0003-assets-for-service.md).

Reads every .hpp/.cpp under src/. A file's module is the first folder under src/ (src/store/sqlite/x.cpp is in
`store`, sub-part `store/sqlite`). Fails with one line per violation:

    src/service/foo.cpp:12: module 'service' may not include 'sqlite3.h'

and exit status 1; prints "[OK] layering" and exits 0 otherwise.

What is checked:
  * `#include "<module>/..."` of another module outside the matrix below;
  * `#include "<module>/detail/..."` of another module (internal headers), and of store's backends
    (`store/sqlite/...`, `store/postgres/...`) from anywhere but store and cli (the composition root);
  * every third-party header, against the libraries each module may use (and where in it);
  * heavy headers (nlohmann, httplib, vips, pango, CLI11, spdlog) in any .hpp.
Standard C++ and POSIX headers are always allowed. An angle include that is neither a known third-party header
nor a standard one is allowed when it has no '/', and reported when it has one (add it to THIRD_PARTY).

Usage: check_layering.py [--root DIR] [--self-test]
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# "may include headers of" — CONVENTIONS.md §8.2, plus service → assets (decision 0003).
MODULE_DEPENDENCIES: dict[str, set[str]] = {
    "core": set(),
    "text": {"core"},
    "media": {"core"},
    "ingest": {"core", "text", "media"},
    "render": {"core", "text", "media", "assets"},
    "store": {"core", "text"},
    "auth": {"core"},
    "service": {"core", "text", "media", "ingest", "render", "store", "auth", "assets"},
    "assets": set(),
    "http": {"service", "core", "assets", "render", "store"},
    "cli": {"service", "core", "http", "store", "assets"},
}
MODULES = set(MODULE_DEPENDENCIES)

# Sub-folders of a module that other modules may not include, except the composition root that picks the backend
# (CONVENTIONS.md §8.2 rule 2: cli chooses concrete backends; service sees store::Store, never SqliteStore).
PRIVATE_PARTS = ("store/sqlite/", "store/postgres/")
COMPOSITION_ROOTS = {"cli"}

# Third-party headers: (glob on the include path, library name). First match wins.
THIRD_PARTY: list[tuple[str, str]] = [
    ("nlohmann/*", "nlohmann"),
    ("httplib.h", "httplib"),
    ("unicode/*", "icu"),
    ("phonenumbers/*", "phonenumber"),
    ("libexttextcat/*", "textcat"),
    ("textcat.h", "textcat"),
    ("vips/*", "vips"),
    ("zip.h", "libzip"),
    ("zipconf.h", "libzip"),
    ("pugixml.hpp", "pugixml"),
    ("pugiconfig.hpp", "pugixml"),
    ("poppler/*", "poppler"),
    ("cmark.h", "cmark"),
    ("cmark_*.h", "cmark"),
    ("cairo*", "cairo"),
    ("pango/*", "pango"),
    ("xlsxwriter.h", "xlsxwriter"),
    ("xlsxwriter/*", "xlsxwriter"),
    ("sqlite3.h", "sqlite"),
    ("sqlite3ext.h", "sqlite"),
    ("libstemmer.h", "stemmer"),
    ("pqxx/*", "pqxx"),
    ("libpq-fe.h", "pqxx"),
    ("sodium.h", "sodium"),
    ("sodium/*", "sodium"),
    ("spdlog/*", "spdlog"),
    ("fmt/*", "fmt"),
    ("CLI/*", "cli11"),
    ("gtest/*", "gtest"),
    ("gmock/*", "gtest"),
    ("benchmark/*", "benchmark"),
    ("glib.h", "glib"),
    ("glib/*", "glib"),
    ("glib-object.h", "glib"),
    ("jpeglib.h", "libjpeg"),
    ("jerror.h", "libjpeg"),
    ("openssl/*", "openssl"),
    ("zlib.h", "zlib"),
    ("boost/*", "boost"),
    ("absl/*", "absl"),
    ("google/*", "protobuf"),
]

# Headers too costly to compile to appear in a .hpp (CONVENTIONS.md §8.2 rule 4).
HEAVY_LIBRARIES = {"nlohmann", "httplib", "vips", "pango", "cli11", "spdlog"}


@dataclass(frozen=True)
class Permission:
    library: str
    part: str | None = None  # only in files under src/<part>/ (e.g. "store/sqlite")
    names: tuple[str, ...] = ()  # only in files whose name matches one of these globs


# Third-party libraries each module may include, and where. Tests and fmt are handled in allowed_library().
LIBRARIES: dict[str, list[Permission]] = {
    "core": [Permission("nlohmann", names=("*_json.cpp", "message_catalog.cpp"))],
    "text": [Permission("icu"), Permission("phonenumber"), Permission("textcat")],
    "media": [Permission("vips"), Permission("glib")],
    "ingest": [Permission("libzip"), Permission("pugixml"), Permission("poppler"), Permission("cmark")],
    "render": [
        Permission("cairo"),
        Permission("pango"),
        Permission("glib"),
        Permission("libjpeg"),
        Permission("xlsxwriter"),
        Permission("libzip"),
        Permission("pugixml"),
        Permission("cmark"),
        # Drawing our own PDFs as preview images; uploaded PDFs are read by ingest only.
        Permission("poppler", names=("pdf_page_image.cpp",)),
    ],
    "store": [
        Permission("sqlite", part="store/sqlite"),
        Permission("stemmer", part="store/sqlite"),
        Permission("pqxx", part="store/postgres"),
    ],
    "auth": [Permission("sodium")],
    # The audit log's detail and a webhook's payload are JSON objects (decision in src/service/README.md).
    "service": [
        Permission("spdlog"),
        Permission("fmt"),
        Permission("nlohmann", names=("audit_log.cpp", "webhook_payload.cpp")),
    ],
    "assets": [],
    "http": [Permission("httplib"), Permission("nlohmann")],
    "cli": [Permission("cli11"), Permission("fmt"), Permission("nlohmann")],
}

# Standard headers with a '/' or a '.h' that are not third-party (POSIX and Linux).
POSIX_PREFIXES = ("sys/", "arpa/", "netinet/", "net/", "linux/", "bits/")
POSIX_HEADERS = {
    "assert.h", "ctype.h", "dirent.h", "dlfcn.h", "errno.h", "fcntl.h", "float.h", "glob.h", "grp.h", "inttypes.h",
    "limits.h", "locale.h", "math.h", "netdb.h", "poll.h", "pthread.h", "pwd.h", "sched.h", "setjmp.h", "signal.h",
    "spawn.h", "stdarg.h", "stddef.h", "stdint.h", "stdio.h", "stdlib.h", "string.h", "strings.h", "syslog.h",
    "termios.h", "time.h", "unistd.h", "wchar.h", "ftw.h", "fnmatch.h", "iconv.h", "langinfo.h", "libgen.h",
}

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to the repository root, with '/'
    module: str
    part: str  # "store/sqlite" for src/store/sqlite/x.cpp, else the module
    name: str
    is_header: bool
    is_test: bool


def describe(rel_path: str) -> SourceFile | None:
    parts = rel_path.split("/")
    if len(parts) < 3 or parts[0] != "src":
        return None
    module = parts[1]
    part = f"{module}/{parts[2]}" if len(parts) > 3 else module
    name = parts[-1]
    return SourceFile(
        path=rel_path,
        module=module,
        part=part,
        name=name,
        is_header=name.endswith((".hpp", ".h")),
        is_test=name.endswith(("_test.cpp", "_test.hpp")),
    )


def third_party_library(header: str) -> str | None:
    for pattern, library in THIRD_PARTY:
        if fnmatch.fnmatchcase(header, pattern):
            return library
    return None


def is_standard(header: str) -> bool:
    if header in POSIX_HEADERS or header.startswith(POSIX_PREFIXES):
        return True
    return "/" not in header


def allowed_library(source: SourceFile, library: str) -> bool:
    if library == "gtest" and source.is_test:
        return True
    if library == "fmt" and not source.is_header:
        return True
    for permission in LIBRARIES.get(source.module, []):
        if permission.library != library:
            continue
        if permission.part is not None and source.part != permission.part:
            continue
        if permission.names and not any(fnmatch.fnmatchcase(source.name, glob) for glob in permission.names):
            continue
        return True
    return False


def include_lines(text: str):
    """Yields (line number, delimiter, header) for each #include outside block comments."""
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_comment:
            end = line.find("*/")
            if end < 0:
                continue
            line = line[end + 2 :]
            in_comment = False
        start = line.find("/*")
        if start >= 0 and "*/" not in line[start + 2 :]:
            in_comment = True
            line = line[:start]
        match = INCLUDE_RE.match(line)
        if match:
            yield number, match.group(1), match.group(2).strip()


def check_file(rel_path: str, text: str) -> list[str]:
    source = describe(rel_path)
    if source is None:
        return []
    module = source.module
    if module not in MODULES:
        return [f"{rel_path}:1: unknown module '{module}' (add it to MODULE_DEPENDENCIES in scripts/check_layering.py)"]
    violations = []

    def report(number: int, header: str, why: str = "") -> None:
        violations.append(f"{rel_path}:{number}: module '{module}' may not include '{header}'{why}")

    for number, delimiter, header in include_lines(text):
        first = header.split("/", 1)[0]
        if delimiter == '"' and "/" in header and first in MODULES:
            if first != module:
                if first not in MODULE_DEPENDENCIES[module]:
                    report(number, header)
                elif "/detail/" in header:
                    report(number, header, " (internal header of another module)")
                elif header.startswith(PRIVATE_PARTS) and module not in COMPOSITION_ROOTS:
                    report(number, header, " (store backends are chosen in cli only; use store::Store)")
            continue
        library = third_party_library(header)
        if library is None:
            if delimiter == "<" and not is_standard(header):
                report(number, header, " (unknown third-party header; declare it in scripts/check_layering.py)")
            continue
        if not allowed_library(source, library):
            report(number, header)
        elif source.is_header and library in HEAVY_LIBRARIES:
            report(number, header, " in a header (heavy; include it in a .cpp)")
    return violations


def check_tree(root: Path) -> list[str]:
    violations = []
    src = root / "src"
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".hpp", ".cpp", ".h") or not path.is_file():
            continue
        rel_path = path.relative_to(root).as_posix()
        violations += check_file(rel_path, path.read_text(encoding="utf-8", errors="replace"))
    return violations


SELF_TEST_CASES = [
    # (path, text, expected substrings of violations; empty = clean)
    ("src/core/story.cpp", '#include "core/story.hpp"\n#include <vector>\n#include <cstdio>\n', []),
    ("src/core/story.cpp", '#include "text/unicode_text.hpp"\n', ["module 'core' may not include 'text/unicode_text.hpp'"]),
    ("src/core/story_json.cpp", "#include <nlohmann/json.hpp>\n", []),
    ("src/core/message_catalog.cpp", "#include <nlohmann/json.hpp>\n", []),
    ("src/core/story.cpp", "#include <nlohmann/json.hpp>\n", ["may not include 'nlohmann/json.hpp'"]),
    ("src/service/import_service.cpp", "#include <sqlite3.h>\n", ["module 'service' may not include 'sqlite3.h'"]),
    ("src/service/import_service.cpp", '#include "store/store.hpp"\n#include <spdlog/spdlog.h>\n', []),
    ("src/service/import_service.cpp", '#include "store/sqlite/sqlite_store.hpp"\n', ["store backends are chosen in cli only"]),
    ("src/service/story_service.hpp", "#include <spdlog/spdlog.h>\n", ["in a header (heavy"]),
    ("src/service/story_service.cpp", '#include "assets/assets.hpp"\n#include "render/writer.hpp"\n', []),
    ("src/store/sqlite/sqlite_store.cpp", "#include <sqlite3.h>\n#include <libstemmer.h>\n", []),
    ("src/store/store_factory.cpp", "#include <sqlite3.h>\n", ["module 'store' may not include 'sqlite3.h'"]),
    ("src/store/postgres/postgres_store.cpp", "#include <pqxx/pqxx>\n#include <sqlite3.h>\n", ["'sqlite3.h'"]),
    ("src/http/server.cpp", '#include "ingest/text_reader.hpp"\n', ["module 'http' may not include 'ingest/text_reader.hpp'"]),
    ("src/http/server.cpp", "#include <httplib.h>\n#include <unistd.h>\n#include <sys/socket.h>\n#include <poll.h>\n", []),
    ("src/http/server.hpp", "#include <httplib.h>\n", ["in a header (heavy"]),
    ("src/render/pdf_booklet_writer.cpp", "#include <pango/pangocairo.h>\n#include <cairo-pdf.h>\n", []),
    ("src/render/csv_writer.cpp", "#include <fmt/format.h>\n", []),
    ("src/render/csv_writer.hpp", "#include <fmt/format.h>\n", ["may not include 'fmt/format.h'"]),
    ("src/text/phone_number_test.cpp", "#include <gtest/gtest.h>\n#include <gmock/gmock.h>\n", []),
    ("src/text/phone_number.cpp", "#include <gtest/gtest.h>\n", ["may not include 'gtest/gtest.h'"]),
    ("src/cli/main.cpp", '#include "http/server.hpp"\n#include <CLI/CLI.hpp>\n', []),
    ("src/cli/composition.cpp", '#include "store/sqlite/sqlite_store.hpp"\n', []),
    ("src/ingest/docx_reader.cpp", '#include "text/detail/folding.hpp"\n', ["internal header"]),
    ("src/ingest/docx_reader.cpp", "#include <somelib/thing.h>\n", ["unknown third-party header"]),
    ("src/ingest/docx_reader.cpp", "/*\n#include <sqlite3.h>\n*/\n#include <zip.h>\n", []),
    ("src/assets/assets.cpp", '#include "core/error.hpp"\n', ["module 'assets' may not include 'core/error.hpp'"]),
]


def self_test() -> int:
    failures = 0
    for path, text, expected in SELF_TEST_CASES:
        violations = check_file(path, text)
        ok = len(violations) == len(expected) and all(
            any(substring in violation for violation in violations) for substring in expected
        )
        if not ok:
            failures += 1
            print(f"self-test FAILED for {path} {text!r}: expected {expected}, got {violations}")
    if failures:
        print(f"[FAIL] layering self-test: {failures} of {len(SELF_TEST_CASES)} cases")
        return 1
    print(f"[OK] layering self-test ({len(SELF_TEST_CASES)} cases)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="repository root")
    parser.add_argument("--self-test", action="store_true", help="check the checker on synthetic cases")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    violations = check_tree(args.root)
    for violation in violations:
        print(violation)
    if violations:
        print(f"[FAIL] layering: {len(violations)} violation(s) (CONVENTIONS.md §8.2)")
        return 1
    print("[OK] layering")
    return 0


if __name__ == "__main__":
    sys.exit(main())
