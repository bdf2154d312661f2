#!/usr/bin/env python3
"""Fails when wscript's file lists differ from CMakeLists.txt's.

CMake is the primary build; the waf wscript (for ns-3 <= 3.35) cannot be run
here, so this check keeps it honest: module sources, headers, test sources,
ns-3 module dependencies and example programs must match.
Usage: check-wscript-sync.py MODULE_ROOT
"""
import re
import sys
from pathlib import Path


def cmake_list(text, name):
    m = re.search(r"set\(\s*" + re.escape(name) + r"\s+(.*?)\)", text, re.S)
    if not m:
        sys.exit(f"CMakeLists.txt: no set({name} ...)")
    return sorted(x for x in m.group(1).split() if not x.startswith("#"))


def waf_list(text, target):
    m = re.search(re.escape(target) + r"\s*=\s*\[(.*?)\]", text, re.S)
    if not m:
        sys.exit(f"wscript: no {target} = [...]")
    return sorted(re.findall(r"'([^']+)'", m.group(1)))


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    cm = (root / "CMakeLists.txt").read_text()
    ws = (root / "wscript").read_text()
    pairs = [
        ("sources", cmake_list(cm, "edge_inference_sources"), waf_list(ws, "module.source")),
        ("headers", cmake_list(cm, "edge_inference_headers"), waf_list(ws, "headers.source")),
        ("test sources", cmake_list(cm, "edge_inference_test_sources"),
         waf_list(ws, "module_test.source")),
    ]
    deps_cmake = sorted(re.findall(r"\$\{lib([a-z0-9-]+)\}", cm.split("build_lib(", 1)[1]))
    m = re.search(r"create_ns3_module\('edge-inference',\s*\[(.*?)\]\)", ws, re.S)
    deps_waf = sorted(re.findall(r"'([^']+)'", m.group(1))) if m else []
    pairs.append(("ns-3 dependencies", deps_cmake, deps_waf))
    ex_cm = (root / "examples" / "CMakeLists.txt").read_text()
    ex_ws = (root / "examples" / "wscript").read_text()
    pairs.append(("examples", sorted(re.findall(r"NAME\s+([\w-]+)", ex_cm)),
                  sorted(re.findall(r"create_ns3_program\('([\w-]+)'", ex_ws))))
    bad = 0
    for what, a, b in pairs:
        if a != b:
            bad += 1
            print(f"wscript drift in {what}:")
            for x in sorted(set(a) - set(b)):
                print(f"  only in CMake:   {x}")
            for x in sorted(set(b) - set(a)):
                print(f"  only in wscript: {x}")
        else:
            print(f"{what}: {len(a)} entries agree")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
