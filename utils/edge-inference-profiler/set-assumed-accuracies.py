#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Replace the exit accuracies of a profile with assumed values, labelled so.

Usage: set-assumed-accuracies.py --input=IN.csv --output=OUT.csv
           --accuracies=A1,A2,...,AN --reason=TEXT
           [--provenance=KEY=VALUE ...]

For a network whose timings were measured but whose exits could not be
trained (e.g. an untrained ResNet-18 timed by edge-inference-profiler
--model=...), this keeps the block table of IN.csv verbatim and writes
OUT.csv with:

* the exit table replaced by A1..AN (one per exit of IN.csv, each in
  [0, 1], non-decreasing with depth, as EarlyExitProfile requires);
* provenance ``accuracy_source: assumed, not measured: TEXT`` (TEXT from
  --reason) and ``accuracy: assumed, not measured (see accuracy_source)``,
  replacing the profiler's ``accuracy`` line that describes a measurement;
* ``accuracy_replaced``: the accuracies IN.csv had (and the profiler's
  ``accuracy_adjusted`` note, which is removed because it described them);
* any --provenance=KEY=VALUE (repeatable) set or overridden, e.g. to correct
  a ``training`` line; an empty VALUE removes KEY.

Header lines are written as EarlyExitProfile::Write does: the format line,
``# name: ...``, then the other keys in sorted order. Keys and values follow
the format's rules (model/early-exit-profile-csv.cc): keys non-empty without
':', '#', newline or surrounding blanks, not ``name``; values one line without
surrounding blanks; lines at most 65536 characters. Check the result with
build/utils/edge-inference-profile-report --profile=OUT.csv.
Exit status: 0 success, 2 bad option or input.
"""

import math
import sys

MAGIC = "# edge-inference-profile 1"
EXIT_HEADER = "exit,accuracy"
BLOCK_HEADER = ("block,batch,block_median_s,block_p10_s,block_p90_s,"
                "head_median_s,head_p10_s,head_p90_s")
MAX_LINE_LENGTH = 65536
BLANKS = " \t\r"


def fail(message):
    sys.stderr.write("set-assumed-accuracies.py: error: " + message + "\n")
    sys.exit(2)


def check_entry(key, value):
    if (not key or key.strip(BLANKS) != key or any(c in key for c in ":#\n\r")):
        fail("provenance key '%s' must be non-empty without ':', '#', newline or "
             "surrounding blanks" % key)
    if key == "name":
        fail("provenance key 'name' is reserved")
    if "\n" in value or "\r" in value or value.strip(BLANKS) != value:
        fail("value of '%s' must be one line without surrounding blanks" % key)
    if len("# %s: %s" % (key, value)) > MAX_LINE_LENGTH:
        fail("line '# %s: ...' longer than %d characters" % (key, MAX_LINE_LENGTH))


def format_number(v):
    """Shortest decimal that reads back to the same double (as the C++ writer)."""
    return repr(float(v))


def parse_args(argv):
    opts = {"provenance": []}
    for arg in argv:
        if arg in ("-h", "--help"):
            print(__doc__)
            sys.exit(0)
        if not arg.startswith("--") or "=" not in arg:
            fail("unknown argument '%s' (see --help)" % arg)
        name, value = arg[2:].split("=", 1)
        if name == "provenance":
            if "=" not in value:
                fail("--provenance needs KEY=VALUE, got '%s'" % value)
            opts["provenance"].append(tuple(value.split("=", 1)))
        elif name in ("input", "output", "accuracies", "reason"):
            opts[name] = value
        else:
            fail("unknown option '--%s' (see --help)" % name)
    for name in ("input", "output", "accuracies", "reason"):
        if not opts.get(name):
            fail("option --%s is required (see --help)" % name)
    try:
        acc = [float(a) for a in opts["accuracies"].split(",")]
    except ValueError:
        fail("--accuracies must be comma-separated numbers, got '%s'" % opts["accuracies"])
    for n, a in enumerate(acc, 1):
        if not math.isfinite(a) or a < 0 or a > 1:
            fail("--accuracies: exit %d: %s outside [0,1]" % (n, a))
        if n > 1 and a < acc[n - 2]:
            fail("--accuracies: exit %d: %s < %s of exit %d (accuracy must not decrease "
                 "with depth)" % (n, a, acc[n - 2], n - 1))
    opts["accuracies"] = acc
    return opts


def read_profile(path):
    """(name, provenance dict, old accuracies, block table lines)."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = [line.rstrip("\r\n") for line in f]
    except OSError as e:
        fail("cannot read '%s': %s" % (path, e))
    if not lines or lines[0].strip(BLANKS) != MAGIC:
        fail("%s:1: not a profile (first line must be '%s')" % (path, MAGIC))
    name = None
    provenance = {}
    old_acc = []
    block_lines = []
    section = "header"
    for no, raw in enumerate(lines[1:], 2):
        line = raw.strip(BLANKS)
        if not line:
            continue
        if line.startswith("#"):
            if section != "header":
                fail("%s:%d: header line after the tables started" % (path, no))
            if ":" not in line:
                fail("%s:%d: header line without 'key: value'" % (path, no))
            key, value = line[1:].split(":", 1)
            key, value = key.strip(BLANKS), value.strip(BLANKS)
            if key == "name":
                name = value
            else:
                provenance[key] = value
        elif line == EXIT_HEADER:
            section = "exits"
        elif line == BLOCK_HEADER:
            if section != "exits":
                fail("%s:%d: block table before the exit table" % (path, no))
            section = "blocks"
        elif section == "exits":
            fields = [f.strip(BLANKS) for f in line.split(",")]
            if len(fields) != 2 or fields[0] != str(len(old_acc) + 1):
                fail("%s:%d: bad exit row '%s'" % (path, no, line))
            old_acc.append(fields[1])
        elif section == "blocks":
            block_lines.append(line)
        else:
            fail("%s:%d: unexpected line '%s'" % (path, no, line))
    if name is None or not old_acc or not block_lines:
        fail("%s: needs '# name: ...', an exit table and a block table" % path)
    return name, provenance, old_acc, block_lines


def main():
    opts = parse_args(sys.argv[1:])
    name, provenance, old_acc, block_lines = read_profile(opts["input"])
    acc = opts["accuracies"]
    if len(acc) != len(old_acc):
        fail("--accuracies has %d values, %s has %d exits" % (len(acc), opts["input"],
                                                             len(old_acc)))

    replaced = ("the input profile's exit table said " + " / ".join(old_acc) +
                " (" + provenance.get("accuracy", "no accuracy provenance") + ")")
    if "accuracy_adjusted" in provenance:
        replaced += "; the profiler had noted: " + provenance.pop("accuracy_adjusted")
    replaced += "; replaced by set-assumed-accuracies.py"
    provenance["accuracy_replaced"] = replaced
    provenance["accuracy"] = "assumed, not measured (see accuracy_source)"
    provenance["accuracy_source"] = "assumed, not measured: " + opts["reason"]
    for key, value in opts["provenance"]:
        if value == "":
            provenance.pop(key, None)
        else:
            provenance[key] = value
    for key, value in provenance.items():
        check_entry(key, value)

    out = [MAGIC, "# name: " + name]
    out += ["# %s: %s" % (k, provenance[k]) for k in sorted(provenance)]
    out.append(EXIT_HEADER)
    out += ["%d,%s" % (n, format_number(a)) for n, a in enumerate(acc, 1)]
    out.append(BLOCK_HEADER)
    out += block_lines
    try:
        with open(opts["output"], "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    except OSError as e:
        fail("cannot write '%s': %s" % (opts["output"], e))
    print("wrote %s: accuracies %s (assumed), %d block rows kept" %
          (opts["output"], " / ".join(format_number(a) for a in acc), len(block_lines)))


if __name__ == "__main__":
    main()
