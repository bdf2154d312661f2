#!/usr/bin/env python3
"""Lists the longest function bodies in the module's C++ sources.

ns-3's style puts a function definition's braces in column 0, so a body is
the lines from a "{" in column 0 to the next "}" in column 0; the function
is named by the last identifier followed by "(" in the lines before it.
Usage: scripts/function-lengths.py [--top N] [--over N] [FOLDER...]
(default folders: model helper; default --top 15).
"""
import argparse
import re
import sys
from pathlib import Path

NAME = re.compile(r"([A-Za-z_][\w:~]*)\s*\(")


def functions(path):
    lines = path.read_text(errors="replace").splitlines()
    start = None
    for i, line in enumerate(lines):
        if line.startswith("{"):
            start = i
        elif line.startswith("}") and start is not None:
            head = " ".join(lines[max(0, start - 4):start])
            names = NAME.findall(head)
            if names and not head.lstrip().startswith(("namespace", "struct", "class", "enum")):
                yield names[0] if "::" in names[0] else names[-1], start + 1, i - start + 1
            start = None


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
