#!/usr/bin/env bash
# Runs Doxygen (Debian's doxygen) over the module's public headers and the
# group definition, with the warnings ns-3's own warnings report uses
# (doc/doxygen.warnings.report.sh in ns-3: EXTRACT_ALL off, so that every
# undocumented class, member, parameter and return value is reported).
# Prints every warning; exits 1 if there is any. HTML is generated (into a
# temporary folder): with no output format at all, Debian's doxygen 1.9.4
# reports documented parameters as undocumented.
#   scripts/check-doxygen.sh [FILE_OR_FOLDER...]   (default: doc model helper)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v doxygen >/dev/null || {
  echo "check-doxygen: doxygen not found (apt-get install doxygen)" >&2
  exit 2
}
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=(doc/edge-inference.h model helper lte/model lte/helper)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat >"$out/Doxyfile" <<CONF
PROJECT_NAME           = edge-inference
INPUT                  = ${inputs[*]}
FILE_PATTERNS          = *.h
OUTPUT_DIRECTORY       = $out
GENERATE_HTML          = YES
SEARCHENGINE           = NO
HAVE_DOT               = NO
USE_MATHJAX            = YES
GENERATE_LATEX         = NO
GENERATE_XML           = NO
QUIET                  = YES
WARNINGS               = YES
WARN_IF_UNDOCUMENTED   = YES
WARN_IF_DOC_ERROR      = YES
WARN_IF_INCOMPLETE_DOC = YES
WARN_NO_PARAMDOC       = YES
WARN_FORMAT            = "\$file:\$line: \$text"
WARN_LOGFILE           = $out/warnings.log
EXTRACT_ALL            = NO
EXTRACT_PRIVATE        = YES
EXTRACT_STATIC         = YES
EXTRACT_LOCAL_CLASSES  = YES
EXTRACT_ANON_NSPACES   = YES
INTERNAL_DOCS          = YES
ENABLE_PREPROCESSING   = YES
MACRO_EXPANSION        = YES
PREDEFINED             = NS3_ASSERT_ENABLE NS3_LOG_ENABLE
CONF
doxygen "$out/Doxyfile"
count=$(grep -c . "$out/warnings.log" || true)
sed "s|^$PWD/||" "$out/warnings.log"
if [ "$count" -ne 0 ]; then
  echo "check-doxygen: $count warning lines" >&2
  exit 1
fi
echo "check-doxygen: no warnings (${inputs[*]})"
