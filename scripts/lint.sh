#!/usr/bin/env bash
# Every static check CI runs before building (CONVENTIONS.md §8.10): format, include layering, i18n.
# Prints [OK] or [FAIL] per check and exits non-zero when any check fails. Changes no file.
#
#   scripts/lint.sh            all checks
#   scripts/lint.sh format     one check (format | layering | i18n)
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2

# The formatter is pinned to the Debian 12 package: another major version formats differently.
readonly clang_format_major=14
# Unused translation keys are warnings until the starter keys are used by the readers; then add --strict.
readonly i18n_flags=()

failures=0

pass() { echo "[OK] $1"; }
fail() {
  echo "[FAIL] $1"
  failures=$((failures + 1))
}

check_format() {
  local clang_format=${CLANG_FORMAT:-clang-format}
  if ! command -v "$clang_format" >/dev/null; then
    fail "format: $clang_format not found (scripts/setup-debian.sh installs it)"
    return
  fi
  local version
  version=$("$clang_format" --version)
  if [[ ! $version =~ version\ ${clang_format_major}\. ]]; then
    fail "format: needs clang-format ${clang_format_major} (the Debian 12 package), found: $version"
    return
  fi
  local files=() changed=() file
  mapfile -t files < <(git ls-files -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp')
  for file in "${files[@]}"; do
    [[ -f $file ]] || continue
    if ! "$clang_format" --dry-run --Werror "$file" >/dev/null 2>&1; then
      changed+=("$file")
    fi
  done
  if ((${#changed[@]} == 0)); then
    pass "format (${#files[@]} files)"
  else
    printf '  would reformat %s\n' "${changed[@]}"
    fail "format: ${#changed[@]} of ${#files[@]} files need clang-format -i (make format)"
  fi
}

check_layering() {
  if python3 scripts/check_layering.py --self-test >/dev/null && python3 scripts/check_layering.py >/dev/null; then
    pass "layering"
  else
    python3 scripts/check_layering.py --self-test | grep -v '^\[' | sed 's/^/  /'
    python3 scripts/check_layering.py | grep -v '^\[' | sed 's/^/  /'
    fail "layering (CONVENTIONS.md §8.2)"
  fi
}

check_i18n() {
  local output
  if output=$(python3 scripts/check_i18n.py "${i18n_flags[@]}"); then
    grep -v '^\[OK\]' <<<"$output" | sed '/^$/d; s/^/  /'
    pass "i18n"
  else
    grep -v '^\[FAIL\]' <<<"$output" | sed 's/^/  /'
    fail "i18n (resources/i18n, CONVENTIONS.md §8.7)"
  fi
}

checks=("$@")
if ((${#checks[@]} == 0)); then
  checks=(format layering i18n)
fi
for check in "${checks[@]}"; do
  case $check in
    format) check_format ;;
    layering) check_layering ;;
    i18n) check_i18n ;;
    *)
      echo "lint: unknown check '$check' (format | layering | i18n)" >&2
      exit 2
      ;;
  esac
done

if ((failures > 0)); then
  echo "lint: $failures check(s) failed"
  exit 1
fi
echo "lint: all checks passed"
