#!/usr/bin/env python3
"""Keeps the translation files in resources/i18n/ in sync (CONVENTIONS.md §8.7).

fr.json is the source language; en.json is the English translation; qqq.json holds one translator note per key;
test.json is the pseudo-locale: each French string wrapped as "⟦" + text + "⟧" ({placeholders} kept verbatim).

Checks (each failure is one line, then "[FAIL] i18n"):
  * every file is a JSON object of non-empty strings, without duplicate keys;
  * the four files have exactly the same keys;
  * every key is kebab-case ("field-missing-required");
  * the {placeholders} of each en/test string are those of the French one;
  * test.json is exactly what --write-test-locale would write;
  * every key is used somewhere in src/ or web/src/ as a quoted literal ("key", 'key' or `key`).
    An unused key is a warning, and a failure with --strict.

Usage: check_i18n.py [--root DIR] [--strict] [--write-test-locale]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

SOURCE_LANGUAGE = "fr"
FILES = ("fr", "en", "qqq", "test")
KEY_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
PLACEHOLDER_RE = re.compile(r"\{([A-Za-z0-9_]+)\}")
PSEUDO_START = "⟦"
PSEUDO_END = "⟧"
SEARCHED_FOLDERS = ("src", "web/src")
SEARCHED_SUFFIXES = {".cpp", ".hpp", ".h", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".html", ".vue"}


class I18nError(Exception):
    pass


def load(path: Path) -> dict[str, str]:
    def no_duplicates(pairs):
        seen = {}
        for key, value in pairs:
            if key in seen:
                raise I18nError(f"{path}: key '{key}' appears twice")
            seen[key] = value
        return seen

    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_duplicates)
    except FileNotFoundError:
        raise I18nError(f"{path}: missing")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise I18nError(f"{path}: not valid UTF-8 JSON: {error}")
    if not isinstance(data, dict):
        raise I18nError(f"{path}: not a JSON object")
    return data


def pseudo_locale(source: dict[str, str]) -> dict[str, str]:
    return {key: f"{PSEUDO_START}{text}{PSEUDO_END}" for key, text in source.items()}


def dump(messages: dict[str, str]) -> str:
    return json.dumps(messages, ensure_ascii=False, indent=2) + "\n"


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER_RE.findall(text))


def check_files(folder: Path) -> list[str]:
    problems = []
    catalogs = {}
    for name in FILES:
        try:
            catalogs[name] = load(folder / f"{name}.json")
        except I18nError as error:
            problems.append(str(error))
    if problems:
        return problems

    for name, catalog in catalogs.items():
        for key, value in catalog.items():
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{folder / name}.json: '{key}' must be a non-empty string")

    source = catalogs[SOURCE_LANGUAGE]
    for key in source:
        if not KEY_RE.match(key):
            problems.append(f"{folder / SOURCE_LANGUAGE}.json: key '{key}' is not kebab-case (e.g. 'field-missing-required')")

    for name in FILES:
        if name == SOURCE_LANGUAGE:
            continue
        missing = [key for key in source if key not in catalogs[name]]
        extra = [key for key in catalogs[name] if key not in source]
        for key in missing:
            problems.append(f"{folder / name}.json: key '{key}' is missing (it is in {SOURCE_LANGUAGE}.json)")
        for key in extra:
            problems.append(f"{folder / name}.json: key '{key}' is not in {SOURCE_LANGUAGE}.json")

    for name in ("en", "test"):
        for key, text in catalogs[name].items():
            if key in source and isinstance(text, str) and isinstance(source[key], str):
                expected = placeholders(source[key])
                found = placeholders(text)
                if found != expected:
                    problems.append(
                        f"{folder / name}.json: '{key}' has placeholders {sorted(found)}, "
                        f"{SOURCE_LANGUAGE}.json has {sorted(expected)}"
                    )

    if not problems and catalogs["test"] != pseudo_locale(source):
        problems.append(f"{folder / 'test'}.json: out of date; run scripts/check_i18n.py --write-test-locale")
    return problems


def used_literals(root: Path) -> str:
    chunks = []
    for folder in SEARCHED_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix in SEARCHED_SUFFIXES and path.is_file():
                chunks.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(chunks)


def unused_keys(root: Path, keys) -> list[str]:
    text = used_literals(root)
    unused = []
    for key in keys:
        if not re.search(r"[\"'`]" + re.escape(key) + r"[\"'`]", text):
            unused.append(key)
    return unused


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="repository root")
    parser.add_argument("--strict", action="store_true", help="unused keys are failures, not warnings")
    parser.add_argument("--write-test-locale", action="store_true", help="regenerate test.json from fr.json")
    args = parser.parse_args()
    os.chdir(args.root)  # messages name files relative to the repository root
    root = Path(".")
    folder = Path("resources") / "i18n"

    if args.write_test_locale:
        try:
            source = load(folder / f"{SOURCE_LANGUAGE}.json")
        except I18nError as error:
            print(error, file=sys.stderr)
            return 1
        target = folder / "test.json"
        text = dump(pseudo_locale(source))
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target} ({len(source)} keys)")
        else:
            print(f"{target} is up to date ({len(source)} keys)")
        return 0

    problems = check_files(folder)
    unused = []
    if not problems:
        source = load(folder / f"{SOURCE_LANGUAGE}.json")
        unused = unused_keys(root, source)
        for key in unused:
            line = f"{folder / SOURCE_LANGUAGE}.json: key '{key}' is not used in {' or '.join(SEARCHED_FOLDERS)}"
            if args.strict:
                problems.append(line)
            else:
                print(f"warning: {line}")
    for problem in problems:
        print(problem)
    if problems:
        print(f"[FAIL] i18n: {len(problems)} problem(s)")
        return 1
    key_count = len(load(folder / f"{SOURCE_LANGUAGE}.json"))
    suffix = f", {len(unused)} unused (warnings)" if unused else ""
    print(f"[OK] i18n ({key_count} keys{suffix})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
