#!/usr/bin/env python3
"""Lists the longest function bodies in the module's C++ sources.

ns-3's style (clang-format, braces on their own lines) puts a function
definition's braces in column 0, and an inline member function's one level
into its class, so a body is the lines from such a "{" to the "}" at the
same indentation; the function is named from the lines above it.
Usage: scripts/function-lengths.py [--top N] [--over N] [FOLDER...]
(default folders: model helper; default --top 15).
"""
import argparse
import re
import sys
from pathlib import Path

NAME = re.compile(r"([A-Za-z_][\w:~]*)\s*\(")


def bodies(lines, indent, first, last):
    """Yields (name, line, length) for the function bodies in lines[first:last]
    whose braces stand alone at this indentation; a class or struct body is
    searched one level deeper for its inline member functions."""
    pad = " " * indent
    start = None
    for i in range(first, last):
        line = lines[i]
        if line.rstrip() == pad + "{":
            start = i
        elif start is not None and line.startswith(pad + "}") and not line.startswith(pad + "} "):
            opener = lines[start - 1].lstrip() if start > 0 else ""
            if opener.startswith(("class", "struct")):
                yield from bodies(lines, indent + 4, start + 1, i)
            elif not opener.startswith(("namespace", "enum", "extern")):
                name = signature_name(lines, start)
                if name:
                    yield name, start + 1, i - start + 1
            start = None


def signature_name(lines, start):
    """The function's name: the first qualified identifier followed by "(" in
    the lines above the "{" back to a blank line (a constructor's initialiser
    list can be long), else the last identifier followed by "("."""
    first = start
    while first > 0 and lines[first - 1].strip() and start - first < 40:
        first -= 1
    code = [ln for ln in lines[first:start] if not ln.lstrip().startswith(("*", "/*", "//"))]
    names = NAME.findall(" ".join(code))
    if not names:
        return None
    qualified = [n for n in names if "::" in n]
    return qualified[0] if qualified else names[0]


def functions(path):
    lines = path.read_text(errors="replace").splitlines()
    yield from bodies(lines, 0, 0, len(lines))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--over", type=int, default=0)
    parser.add_argument("folders", nargs="*", default=["model", "helper"])
    args = parser.parse_args()
    found = []
    for folder in args.folders:
        for path in sorted(Path(folder).rglob("*.cc")):
            for name, line, length in functions(path):
                found.append((length, f"{path}:{line}", name))
    found.sort(reverse=True)
    shown = [f for f in found if f[0] > args.over][: args.top]
    for length, where, name in shown:
        print(f"{length:5d}  {name}  ({where})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
