#!/usr/bin/env python3
"""Tests of utils/edge-inference-sweep (unittest, standard library only).

    edge-inference-sweep-test.py                      unit tests: a fake program
    edge-inference-sweep-test.py --paper-dir DIR [--work-dir W] EndToEndTest
                                                      data/sweeps/smoke.json with
                                                      DIR/edge-inference-paper

The unit tests write a small Python program into a temporary folder that
writes a CSV from its options and can be told to fail, crash, write
nothing, or wait while a file exists (to stop it deterministically).  Like
an ns-3 program it lists its options with --PrintHelp and --PrintGlobals
(unless it is written without help, as a program that is not ns-3's).
"""

import contextlib
import csv
import importlib.machinery
import importlib.util
import io
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "edge-inference-sweep")
SMOKE = os.path.join(HERE, "..", "data", "sweeps", "smoke.json")
OPTIONS = {"paper_dir": None, "work_dir": None}


def load_tool():
    """Imports the tool (a script without .py) as a module."""
    loader = importlib.machinery.SourceFileLoader("edge_inference_sweep", TOOL)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


sweep_tool = load_tool()

FAKE_PROGRAM = """\
#!{python}
# A stand-in for the module's programs: options --key=value; writes
# summary.csv (kind,name,value) into --output (or its working folder).
import os, signal, subprocess, sys, time
# What it prints for --PrintHelp and --PrintGlobals, as an ns-3 program does
# (each probe is logged to PROGRAM.probes); None: it does not know these
# flags and fails on them (they are not --key=value), as other programs do.
HELP = {help!r}
if HELP is not None and sys.argv[1:] in (["--PrintHelp"], ["--PrintGlobals"]):
    with open(os.path.abspath(__file__) + ".probes", "a") as f:
        f.write(f"{{sys.argv[1]}} {{os.getpid()}} {{os.getcwd()}}\\n")
    time.sleep(HELP.get("sleep", 0))
    print(HELP[sys.argv[1]], end="")
    sys.exit(HELP.get("status", 0))
opts = dict(a[2:].split("=", 1) for a in sys.argv[1:])
out = opts.get("output", os.getcwd())
def when(key):
    # "--fail-if=x:2" applies when option x is 2 (and, with
    # --fail-file=PATH, only while PATH exists).
    spec = opts.get(key)
    if not spec:
        return False
    name, value = spec.split(":", 1)
    gate = opts.get(key.replace("-if", "-file"))
    return opts.get(name) == value and (gate is None or os.path.exists(gate))
if "log" in opts:
    with open(opts["log"], "a") as f:
        f.write(" ".join(sys.argv[1:]) + "\\n")
with open(os.path.join(out, "pid"), "w") as f:
    f.write(str(os.getpid()))
if "grandchild" in opts:
    child = subprocess.Popen(["sleep", "60"])
    with open(os.path.join(out, "grandchild"), "w") as f:
        f.write(str(child.pid))
if "wait-file" in opts:
    open(os.path.join(out, "started"), "w").close()
    deadline = time.time() + 60
    while os.path.exists(opts["wait-file"]) and time.time() < deadline:
        time.sleep(0.02)
print("fake: running")
if when("fail-if"):
    for i in range(8):
        print(f"fake: diagnostic line {{i}}", file=sys.stderr)
    sys.exit(int(opts.get("fail-status", "3")))
if when("signal-if"):
    os.kill(os.getpid(), int(opts["signal"]))
if when("no-output-if"):
    sys.exit(0)
with open(os.path.join(out, "summary.csv"), "w") as f:
    f.write("kind,name,value\\n")
    for key in sorted(opts):
        if key not in ("output", "log", "wait-file"):
            f.write(f"option,{{key}},{{opts[key]}}\\n")
    f.write('note,text,"a ""quoted"", comma"\\n')
"""


# The options the fake program accepts (it does not refuse others: only the
# tool's check can).
FAKE_OPTIONS = ("x", "y", "bandwidth", "log", "output", "extra", "fail-if", "fail-file",
                "fail-status", "signal-if", "signal", "no-output-if", "wait-file", "grandchild")


def ns3_help(options=FAKE_OPTIONS, global_values=("RngRun", "RngSeed", "SchedulerType")):
    """What an ns-3 program prints for --PrintHelp and --PrintGlobals (the
    layout of ns-3.48's CommandLine), for the fake program's HELP."""
    width = max(len(o) for o in options) + 3
    lines = ["fake-program [Program Options] [General Arguments]", "", "A fake.", "",
             "Program Options:"]
    lines += [f"    --{(o + ':').ljust(width)}the option {o} [0]" for o in options]
    lines += ["", "General Arguments:",
              "    --PrintGlobals:              Print the list of globals.",
              "    --PrintAttributes=[typeid]:  Print all attributes of typeid.",
              "    --PrintHelp:                 Print this help message.", "", ""]
    globals_text = "Global values:\n" + "".join(f"    --{g}=[1]\n        the global {g}\n"
                                                for g in global_values)
    return {"--PrintHelp": "\n".join(lines), "--PrintGlobals": globals_text}


def write_file(path, text, mode=None):
    """Writes a text file (and its mode)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    if mode is not None:
        os.chmod(path, mode)
    return path


def read(path):
    """A file's text."""
    with open(path, encoding="utf-8") as f:
        return f.read()


def run_tool(*args, **kwargs):
    """Runs the tool as a process; returns the CompletedProcess (text)."""
    return subprocess.run([sys.executable, TOOL] + [str(a) for a in args], capture_output=True,
                          text=True, timeout=kwargs.pop("timeout", 120), **kwargs)


def call_main(*args):
    """Runs the tool's main() in this process; returns (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = sweep_tool.main([str(a) for a in args])
    return status, out.getvalue(), err.getvalue()


class TempDirTest(unittest.TestCase):
    """A test with its own temporary folder and a fake program in it."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="sweep-test-")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)
        self.fake = self.write_fake("fake-program", ns3_help())
        self.log = os.path.join(self.dir, "invocations.log")
        self.out = os.path.join(self.dir, "out")

    def write_fake(self, name, help_output):
        """Writes a fake program into the temporary folder (help_output: its
        HELP, None for a program without ns-3's help); returns its path."""
        text = FAKE_PROGRAM.format(python=sys.executable, help=help_output)
        return write_file(os.path.join(self.dir, name), text, 0o755)

    def probes(self, program=None):
        """The help probes the fake program answered: [flag, pid, working folder]."""
        path = (program or self.fake) + ".probes"
        return [line.split(" ", 2) for line in read(path).splitlines()] \
            if os.path.exists(path) else []

    def sweep_file(self, data, name="sweep.json"):
        """Writes a sweep file (a dict, or JSON text) into the temporary folder."""
        text = data if isinstance(data, str) else json.dumps(data, indent=1)
        return write_file(os.path.join(self.dir, name), text)

    def fake_sweep(self, fixed=None, grid=None, seeds=(1, 2), **extra):
        """A sweep of the fake program: x in 1,2 and y in "a","b" by default."""
        data = {"name": "fake", "program": self.fake,
                "fixed": dict({"log": self.log}, **(fixed or {})),
                "grid": grid or {"x": [1, 2], "y": ["a", "b"]},
                "output": {"option": "output", "file": "summary.csv"}}
        if seeds:
            data["seeds"] = {"option": "RngRun", "values": list(seeds)}
        data.update(extra)
        return self.sweep_file(data)

    def invocations(self):
        """The option lines the fake program logged, one per start."""
        return read(self.log).splitlines() if os.path.exists(self.log) else []

    def marker(self, run_id):
        """A run's status.json, or None."""
        path = os.path.join(self.out, "runs", run_id, "status.json")
        return json.loads(read(path)) if os.path.exists(path) else None

    def attempts(self, run_id):
        """How often the tool started a run (lines of attempts.log)."""
        path = os.path.join(self.out, "runs", run_id, "attempts.log")
        return len(read(path).splitlines()) if os.path.exists(path) else 0


class FormatTest(unittest.TestCase):
    """Option values are written the same way everywhere."""

    def test_numbers(self):
        cases = [(1e6, "1000000"), (5e5, "500000"), (0.02, "0.02"), (1.5, "1.5"), (1e-7, "1e-07"),
                 (3, "3"), (-1, "-1"), (-0.0, "0"), (2.0, "2"), (0.1 + 0.2, "0.30000000000000004"),
                 (1e22, "1e+22"), (10 ** 20, "100000000000000000000"), (True, "true"),
                 (False, "false"), ("030", "030"), ("1e6", "1e6"), ("", "")]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(sweep_tool.format_value(value, "f"), expected)

    def test_refused_values(self):
        for value in (float("inf"), float("nan"), [1], {"a": 1}, None, "a\nb"):
            with self.subTest(value=value):
                with self.assertRaises(sweep_tool.FieldError) as cm:
                    sweep_tool.format_value(value, "grid.b[0]")
                self.assertTrue(str(cm.exception).startswith("grid.b[0]: "))


class ExpansionTest(TempDirTest):
    """Run order and ids, against hand-written lists."""

    def test_order_and_ids(self):
        path = self.sweep_file({"program": "p", "fixed": {"users": "30"},
                                "grid": {"bandwidth": [1e6, 5e5], "deadline-max": [0.04, 0.1]},
                                "seeds": {"option": "RngRun", "values": [3, 1]},
                                "output": {"option": "output", "file": "summary.csv"}})
        expected = ["bandwidth=1000000,deadline-max=0.04,seed=3",
                    "bandwidth=1000000,deadline-max=0.04,seed=1",
                    "bandwidth=1000000,deadline-max=0.1,seed=3",
                    "bandwidth=1000000,deadline-max=0.1,seed=1",
                    "bandwidth=500000,deadline-max=0.04,seed=3",
                    "bandwidth=500000,deadline-max=0.04,seed=1",
                    "bandwidth=500000,deadline-max=0.1,seed=3",
                    "bandwidth=500000,deadline-max=0.1,seed=1"]
        status, out, _ = call_main("list", path)
        self.assertEqual(status, 0)
        self.assertEqual(out, "".join(f"{i}\t{e}\n" for i, e in enumerate(expected)))
        runs = sweep_tool.expand_runs(sweep_tool.load_sweep(path))
        self.assertEqual(runs[5].options, (("users", "30"), ("bandwidth", "500000"),
                                           ("deadline-max", "0.04"), ("RngRun", "1")))

    def test_without_seeds_and_booleans(self):
        path = self.sweep_file({"program": "p", "grid": {"fading": [True, False]},
                                "output": {"file": "out.csv"}})
        status, out, _ = call_main("list", path, "--args")
        self.assertEqual(status, 0)
        self.assertEqual(out, "0\tfading=true\t--fading=true\n1\tfading=false\t--fading=false\n")

    def test_unsafe_values_get_a_hash(self):
        # Slashes, spaces and commas are not kept in ids; the hash is part of
        # the stable id (this literal must never change: it names folders of
        # existing sweeps).
        path = self.sweep_file({"program": "p", "grid": {
            "profile": ["../profiles/a.csv", "b c"], "schedulers": ["A,B"]},
            "output": {"file": "out.csv"}})
        runs = sweep_tool.expand_runs(sweep_tool.load_sweep(path))
        self.assertEqual([r.id for r in runs], [
            "profile=.._profiles_a.csv,schedulers=A_B~c9e2596d749b0196",
            "profile=b_c,schedulers=A_B~2e86eefb0385849c"])
        for run in runs:
            self.assertRegex(run.id, r"\A[A-Za-z0-9._+=,~-]+\Z")

    def test_ids_are_stable_across_processes(self):
        path = self.fake_sweep()
        first = run_tool("list", path).stdout
        self.assertEqual(first, run_tool("list", path).stdout)
        self.assertEqual(len(first.splitlines()), 8)

    def test_long_ids_are_shortened(self):
        path = self.sweep_file({"program": "p", "grid": {"text": ["v" * 300, "w" * 300]},
                                "output": {"file": "out.csv"}})
        ids = [r.id for r in sweep_tool.expand_runs(sweep_tool.load_sweep(path))]
        self.assertEqual(len(set(ids)), 2)
        self.assertTrue(all(len(i) <= sweep_tool.MAX_ID_CHARS and "~" in i for i in ids))

    def test_paths_are_relative_to_the_sweep_file(self):
        os.makedirs(os.path.join(self.dir, "sub"))
        write_file(os.path.join(self.dir, "prof.csv"), "x\n")
        path = self.sweep_file({"program": "p", "fixed": {"profile": "../prof.csv",
                                                          "other": "../prof.csv"},
                                "grid": {"a": [1]}, "paths": ["profile"],
                                "output": {"option": "output", "file": "out.csv"}},
                               name="sub/s.json")
        sweep = sweep_tool.load_sweep(path)
        run = sweep_tool.expand_runs(sweep)[0]
        command = sweep_tool.build_command(sweep, "/bin/prog", run, "/r")
        self.assertEqual(command, ["/bin/prog", "--profile=" + os.path.join(self.dir, "prof.csv"),
                                   "--other=../prof.csv", "--a=1", "--output=/r"])


class ValidationTest(TempDirTest):
    """Every refused sweep file: exit status 2, a message naming file and field."""

    BASE = {"program": "p", "grid": {"a": [1, 2]}, "output": {"option": "output", "file": "o.csv"}}

    def check_refused(self, data, field, message, name="bad.json"):
        """data (a dict to merge into BASE, or text) must be refused with this message."""
        if isinstance(data, dict):
            data = json.dumps({k: v for k, v in dict(self.BASE, **data).items() if v is not None})
        path = self.sweep_file(data, name)
        status, out, err = call_main("list", path)
        self.assertEqual(status, 2, err)
        self.assertEqual(out, "")
        prefix = f"edge-inference-sweep: error: {path}: {field}" if field else \
            f"edge-inference-sweep: error: {path}"
        self.assertTrue(err.startswith(prefix), f"{err!r} does not start with {prefix!r}")
        self.assertIn(message, err)

    # (changes to BASE, the field named, part of the message)
    FIELD_CASES = [
        ({"gird": {}}, "gird", "unknown key (did you mean 'grid'?)"),
        ({"program": None}, "program", "is required"),
        ({"program": 3}, "program", "must be a string, not a number"),
        ({"name": "a b"}, "name", "is not a name of letters"),
        ({"description": ["x"]}, "description", "must be a string, not a list"),
        ({"grid": None}, "grid", "is required"),
        ({"grid": {}}, "grid", "must have at least one option to vary"),
        ({"grid": []}, "grid", "must be an object, not a list"),
        ({"grid": {"a": 1}}, "grid.a", "must be a list of values, not a number"),
        ({"grid": {"a": []}}, "grid.a", "must hold at least one value"),
        ({"grid": {"a": [1, [2]]}}, "grid.a[1]", "not a list"),
        ({"grid": {"a": [1e6, 1000000]}}, "grid.a[1]", "'1000000' repeats grid.a[0]"),
        ({"grid": {"a": [1e400]}}, "grid.a[0]", "non-finite numbers are not allowed"),
        ({"grid": {"a b": [1]}}, "grid.a b", "is not an option name"),
        ({"grid": {"seed": [1]}}, "grid.seed", "reserved for a column"),
        ({"grid": {"a": ["x\ny"]}}, "grid.a[0]", "line breaks"),
        ({"fixed": {"a": 1}}, "grid.a", "is also in fixed"),
        ({"fixed": {"b": {"c": 1}}}, "fixed.b", "not an object"),
        ({"fixed": []}, "fixed", "must be an object"),
        ({"seeds": {"option": "a", "values": [1]}}, "seeds.option", "'a' is also in grid"),
        ({"fixed": {"RngRun": 1}, "seeds": {"option": "RngRun", "values": [1]}},
         "seeds.option", "'RngRun' is also in fixed"),
        ({"seeds": {"option": "RngRun"}}, "seeds", "needs both"),
        ({"seeds": {"option": "RngRun", "values": [1, -2]}}, "seeds.values[1]",
         "non-negative integer"),
        ({"seeds": {"option": "RngRun", "values": [1.5]}}, "seeds.values[0]",
         "non-negative integer"),
        ({"seeds": {"option": "RngRun", "values": [True]}}, "seeds.values[0]",
         "non-negative integer"),
        ({"seeds": {"option": "RngRun", "values": []}}, "seeds.values", "at least one value"),
        ({"seeds": {"option": "RngRun", "values": [1], "count": 3}}, "seeds.count",
         "unknown key"),
        ({"output": None}, "output", "is required"),
        ({"output": {"option": "output"}}, "output.file", "is required"),
        ({"output": {"file": "/tmp/o.csv"}}, "output.file", "relative path inside"),
        ({"output": {"file": "../o.csv"}}, "output.file", "relative path inside"),
        ({"output": {"file": "o.csv", "option": "a"}}, "output.option",
         "'a' is set by the tool; remove it from grid"),
        ({"fixed": {"output": "x"}}, "output.option", "remove it from fixed"),
        ({"output": {"file": "o.csv", "option": "RngRun"},
          "seeds": {"option": "RngRun", "values": [1]}}, "output.option", "same option"),
        ({"paths": ["profile"]}, "paths[0]", "'profile' is neither in fixed nor in grid"),
        ({"paths": ["a"]}, "paths[0]", "values of 'a' must be strings"),
        ({"paths": "a"}, "paths", "must be a list"),
        ({"figures": {}}, "figures", "must be a list"),
        ({"figures": [{"file": "f.png", "x": "b", "y": "v"}]}, "figures[0].x",
         "'b' is not a grid option (grid: a)"),
        ({"figures": [{"file": "f.jpg", "x": "a", "y": "v"}]}, "figures[0].file",
         "ending in .png, .svg or .pdf"),
        ({"figures": [{"file": "d/f.png", "x": "a", "y": "v"}]}, "figures[0].file",
         "a plain file name"),
        ({"figures": [{"x": "a", "y": "v"}]}, "figures[0].file", "is required"),
        ({"figures": [{"file": "f.png", "x": "a", "y": "v", "logx": "yes"}]},
         "figures[0].logx", "must be true or false"),
        ({"figures": [{"file": "f.png", "x": "a", "y": "v", "color": 1}]},
         "figures[0].color", "unknown key"),
        ({"figures": [{"file": "f.png", "x": "a", "y": "v"},
                      {"file": "f.svg", "x": "a", "y": "w"}]}, "figures[1].file",
         "same name"),
        ({"grid": {"a": list(range(1000)), "b": list(range(101))}}, "grid",
         "the sweep has 101000 runs, more than the limit of 100000"),
    ]

    def test_fields(self):
        for data, field, message in self.FIELD_CASES:
            with self.subTest(field=field, message=message):
                self.check_refused(data, field, message)

    def test_repeated_keys(self):
        self.check_refused('{"program": "p", "grid": {"a": [1], "a": [2]}, '
                           '"output": {"file": "o.csv"}}', "grid.a", "is given more than once")
        self.check_refused('{"program": "p", "program": "q", "grid": {"a": [1]}, '
                           '"output": {"file": "o.csv"}}', "program", "is given more than once")

    def test_non_finite_constants(self):
        self.check_refused('{"program": "p", "grid": {"a": [NaN]}, "output": {"file": "o.csv"}}',
                           "grid.a[0]", "non-finite")
        self.check_refused('{"program": "p", "fixed": {"b": -Infinity}, "grid": {"a": [1]}, '
                           '"output": {"file": "o.csv"}}', "fixed.b", "non-finite")

    def test_file_problems(self):
        self.check_refused('{"program": "p",\n  "grid": {"a": [1]]}', "", ":2:20: invalid JSON")
        self.check_refused("[1]", "", "must hold a JSON object, not a list")
        self.check_refused(" " * (1 << 20) + "{}", "", "larger than 1048576 bytes (1 MiB)")
        path = os.path.join(self.dir, "latin1.json")
        with open(path, "wb") as f:
            f.write(b'{"program": "\xe9"}')
        status, _, err = call_main("list", path)
        self.assertEqual((status, err), (2, f"edge-inference-sweep: error: {path}: not UTF-8 "
                                            "text (byte 13)\n"))
        status, _, err = call_main("list", os.path.join(self.dir, "missing.json"))
        self.assertEqual(status, 2)
        self.assertIn("missing.json: cannot read the sweep file: No such file", err)

    def test_nesting_depth(self):
        def nested(levels):
            """A sweep file whose description is nested `levels` deep in all."""
            return '{"program": "p", "grid": {"a": [1]}, "output": {"file": "o.csv"}, ' \
                   '"description": ' + "[" * (levels - 1) + "]" * (levels - 1) + "}"
        # 32 levels pass the depth check (and fail later, on the type).
        self.check_refused(nested(32), "description", "must be a string, not a list")
        self.check_refused(nested(33), "", ":1: JSON nesting deeper than 32 levels")
        # Brackets inside strings do not count.
        text = json.dumps(dict(self.BASE, description="[" * 100))
        self.assertEqual(call_main("list", self.sweep_file(text))[0], 0)

    def test_exit_status_of_the_process(self):
        path = self.sweep_file({"program": "p", "grid": {}}, "empty.json")
        result = run_tool("list", path)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, f"edge-inference-sweep: error: {path}: grid: must have "
                                        "at least one option to vary\n")

    def test_program_not_found(self):
        path = self.fake_sweep()
        data = json.loads(read(path))
        data["program"] = "no-such-program"
        path = self.sweep_file(data)
        status, _, err = call_main("run", path, "--out", self.out, "--program-dir", self.dir)
        self.assertEqual(status, 2)
        self.assertIn(f"{path}: program: 'no-such-program' is not found in {self.dir} "
                      "(build it, or give its folder with --program-dir)", err)

    def test_missing_path_value(self):
        path = self.fake_sweep(fixed={"profile": "nope.csv"}, paths=["profile"])
        status, _, err = call_main("run", path, "--out", self.out)
        self.assertEqual(status, 2)
        self.assertIn(f"{path}: fixed.profile: '{os.path.join(self.dir, 'nope.csv')}' does not "
                      "exist", err)


def complete_marker(run_id, params, program="p"):
    """The status.json the tool writes for a complete run (written by hand here)."""
    return json.dumps({"format": 1, "id": run_id, "state": "complete", "exit_status": 0,
                       "program": program, "params": params})


class MergeFixture(TempDirTest):
    """Hand-made run folders of a sweep of 2 x 1 grid points and 2 seeds."""

    def setUp(self):
        super().setUp()
        self.path = self.sweep_file({"program": "p", "fixed": {"k": 30},
                                     "grid": {"a": [1, 0.5], "b": ["x"]},
                                     "seeds": {"option": "RngRun", "values": [2, 1]},
                                     "output": {"option": "output", "file": "summary.csv"}})

    def make_run(self, a, b, seed, csv_text, marker=True, params=None):
        """A run folder with its CSV and (optionally) a complete marker."""
        run_id = f"a={a},b={b},seed={seed}"
        folder = os.path.join(self.out, "runs", run_id)
        os.makedirs(folder, exist_ok=True)
        write_file(os.path.join(folder, "summary.csv"), csv_text)
        if marker:
            params = params or [["k", "30"], ["a", a], ["b", b], ["RngRun", seed]]
            write_file(os.path.join(folder, "status.json"), complete_marker(run_id, params))
        return run_id

    def make_all(self):
        """All four runs, created in the reverse of the run order."""
        self.make_run("0.5", "x", "1", "name,a,value\nq,7,8\n")
        self.make_run("0.5", "x", "2", 'name,a,value\n"r, s",9,10\n')
        self.make_run("1", "x", "1", "name,a,value\n\"say \"\"hi\"\"\",3,4\n\n")
        self.make_run("1", "x", "2", "name,a,value\np,1,2\np2,1.50,2e3\n")


class MergeTest(MergeFixture):
    """merge on hand-made run folders."""

    def test_merge_literally(self):
        self.make_all()
        status, _, err = call_main("merge", self.path, "--out", self.out)
        self.assertEqual(status, 0, err)
        self.assertEqual(read(os.path.join(self.out, "merged.csv")), textwrap.dedent('''\
            run,a,b,seed,name,output.a,value
            "a=1,b=x,seed=2",1,x,2,p,1,2
            "a=1,b=x,seed=2",1,x,2,p2,1.50,2e3
            "a=1,b=x,seed=1",1,x,1,"say ""hi""",3,4
            "a=0.5,b=x,seed=2",0.5,x,2,"r, s",9,10
            "a=0.5,b=x,seed=1",0.5,x,1,q,7,8
            '''))
        self.assertIn("wrote", err)

    def test_merged_file_option_and_bytes(self):
        self.make_all()
        other = os.path.join(self.dir, "elsewhere.csv")
        self.assertEqual(call_main("merge", self.path, "--out", self.out, "--merged", other)[0], 0)
        with open(other, "rb") as f:
            data = f.read()
        self.assertNotIn(b"\r", data)
        self.assertTrue(data.endswith(b"q,7,8\n"))

    def test_incomplete_runs(self):
        self.make_run("1", "x", "2", "name,a,value\np,1,2\n")
        self.make_run("1", "x", "1", "name,a,value\nq,1,2\n", marker=False)
        self.make_run("0.5", "x", "2", "name,a,value\nr,1,2\n",
                      params=[["k", "31"], ["a", "0.5"], ["b", "x"], ["RngRun", "2"]])
        status, _, err = call_main("merge", self.path, "--out", self.out)
        self.assertEqual(status, 1)
        self.assertIn("3 of 4 run(s) are not complete:\n  [1] a=1,b=x,seed=1\n"
                      "  [2] a=0.5,b=x,seed=2\n  [3] a=0.5,b=x,seed=1\n", err)
        self.assertFalse(os.path.exists(os.path.join(self.out, "merged.csv")))
        status, _, err = call_main("merge", self.path, "--out", self.out, "--allow-partial")
        self.assertEqual(status, 0, err)
        self.assertEqual(read(os.path.join(self.out, "merged.csv")),
                         'run,a,b,seed,name,output.a,value\n"a=1,b=x,seed=2",1,x,2,p,1,2\n')

    def test_no_complete_run(self):
        status, _, err = call_main("merge", self.path, "--out", self.out, "--allow-partial")
        self.assertEqual(status, 1)
        self.assertIn("no run is complete: nothing to merge", err)

    def test_different_headers(self):
        self.make_all()
        self.make_run("0.5", "x", "1", "name,other,value\nq,7,8\n")
        status, _, err = call_main("merge", self.path, "--out", self.out)
        self.assertEqual(status, 1)
        self.assertIn("run a=0.5,b=x,seed=1: the columns of summary.csv (name,other,value) "
                      "differ from those of run a=1,b=x,seed=2 (name,a,value)", err)

    def test_ragged_rows(self):
        self.make_all()
        self.make_run("0.5", "x", "1", "name,a,value\nq,7\n")
        status, _, err = call_main("merge", self.path, "--out", self.out)
        self.assertEqual(status, 1)
        self.assertIn("row 2 has 2 fields, the header 3", err)


class PlotTest(MergeFixture):
    """plot: the data file it writes, and gnuplot missing."""

    def setUp(self):
        super().setUp()
        data = json.loads(read(self.path))
        data["figures"] = [{"file": "f.svg", "x": "a", "y": "value", "series": "name"}]
        self.path = self.sweep_file(data)

    def test_data_file(self):
        self.make_run("1", "x", "2", "name,a,value\np,0,1\nq,0,10\n")
        self.make_run("1", "x", "1", "name,a,value\np,0,2\nq,0,20\n")
        self.make_run("0.5", "x", "2", "name,a,value\nq,0,30\n")
        self.make_run("0.5", "x", "1", "name,a,value\nq,0,31\np,0,0.5\n")
        status, _, err = call_main("plot", self.path, "--out", self.out, "--gnuplot",
                                   os.path.join(self.dir, "no-gnuplot"))
        self.assertEqual(status, 0, err)
        self.assertIn("gnuplot is not found (apt-get install gnuplot-nox): skipped f.svg", err)
        self.assertEqual(read(os.path.join(self.out, "f.dat")), textwrap.dedent("""\
            # f.svg of sweep sweep: mean of value over seeds and rows
            # columns: x_index x mean_y rows (tab-separated); blocks: series (gnuplot index)
            # series: p
            0\t1\t1.5\t2
            1\t0.5\t0.5\t1


            # series: q
            0\t1\t15.0\t2
            1\t0.5\t30.5\t2
            """))
        self.assertIn('plot "f.dat" index 0 using 2:3:xtic(2) with linespoints title "p", \\\n'
                      '     "f.dat" index 1 using 2:3:xtic(2) with linespoints title "q"\n',
                      read(os.path.join(self.out, "f.gp")))
        self.assertFalse(os.path.exists(os.path.join(self.out, "f.svg")))

    @unittest.skipUnless(shutil.which("gnuplot"), "gnuplot is not installed")
    def test_draws_with_gnuplot(self):
        self.make_all()
        status, _, err = call_main("plot", self.path, "--out", self.out)
        self.assertEqual(status, 0, err)
        self.assertIn("<svg", read(os.path.join(self.out, "f.svg")))

    def test_non_numeric_y(self):
        self.make_all()
        data = json.loads(read(self.path))
        data["figures"][0]["y"] = "name"
        status, _, err = call_main("plot", self.sweep_file(data), "--out", self.out)
        self.assertEqual(status, 1)
        self.assertIn("figures[0].y: column 'name' holds 'p' (run a=1,b=x,seed=2), not a number",
                      err)

    def test_unknown_series(self):
        self.make_all()
        data = json.loads(read(self.path))
        data["figures"][0]["series"] = "scheduler"
        status, _, err = call_main("plot", self.sweep_file(data), "--out", self.out)
        self.assertEqual(status, 1)
        self.assertIn("figures[0].series: 'scheduler' is not a column of the merged table "
                      "(columns: run, a, b, seed, name, output.a, value)", err)


class RunTest(TempDirTest):
    """run, resume and failures with the fake program."""

    IDS = ["x=1,y=a,seed=1", "x=1,y=a,seed=2", "x=1,y=b,seed=1", "x=1,y=b,seed=2",
           "x=2,y=a,seed=1", "x=2,y=a,seed=2", "x=2,y=b,seed=1", "x=2,y=b,seed=2"]

    def test_run_all_then_nothing(self):
        path = self.fake_sweep()
        result = run_tool("run", path, "--out", self.out, "--jobs", "2")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("fake: 8 runs: 0 already complete, 8 to run with 2 job(s)\n", result.stderr)
        self.assertIn("fake: 8/8 done, 0 failed, elapsed", result.stderr)
        self.assertIn("ran 8 run(s): 8 complete, 0 failed; 0 were already complete", result.stderr)
        self.assertEqual(len(self.invocations()), 8)
        folder = os.path.join(self.out, "runs", self.IDS[6])
        self.assertEqual(read(os.path.join(folder, "summary.csv")), textwrap.dedent("""\
            kind,name,value
            option,RngRun,1
            option,x,2
            option,y,b
            note,text,"a ""quoted"", comma"
            """))
        self.assertEqual(read(os.path.join(folder, "stdout.txt")), "fake: running\n")
        marker = self.marker(self.IDS[6])
        self.assertEqual((marker["state"], marker["exit_status"], marker["index"]),
                         ("complete", 0, 6))
        self.assertEqual(marker["params"], [["log", self.log], ["x", "2"], ["y", "b"],
                                            ["RngRun", "1"]])
        again = run_tool("run", path, "--out", self.out, "--jobs", "2")
        self.assertEqual(again.returncode, 0)
        self.assertIn("8 already complete, 0 to run", again.stderr)
        self.assertEqual(len(self.invocations()), 8)
        self.assertEqual([self.attempts(i) for i in self.IDS], [1] * 8)

    def test_resume_reruns_only_incomplete_runs(self):
        path = self.fake_sweep()
        self.assertEqual(call_main("run", path, "--out", self.out, "--jobs", "2")[0], 0)
        # Output but no marker (a run stopped after writing): run again.
        os.unlink(os.path.join(self.out, "runs", self.IDS[1], "status.json"))
        # A marker but no output: run again.
        os.unlink(os.path.join(self.out, "runs", self.IDS[4], "summary.csv"))
        status, _, err = call_main("run", path, "--out", self.out, "--jobs", "2")
        self.assertEqual(status, 0, err)
        self.assertIn("6 already complete, 2 to run", err)
        self.assertEqual([self.attempts(i) for i in self.IDS], [1, 2, 1, 1, 2, 1, 1, 1])
        self.assertEqual(len(self.invocations()), 10)

    def test_changed_options_make_runs_stale(self):
        self.assertEqual(call_main("run", self.fake_sweep(), "--out", self.out)[0], 0)
        status, _, err = call_main("run", self.fake_sweep(fixed={"extra": 1}), "--out", self.out)
        self.assertEqual(status, 0, err)
        self.assertIn("0 already complete, 8 to run", err)
        self.assertIn("8 run folder(s) hold results of other options", err)

    def test_failed_run_is_reported_and_not_rerun(self):
        gate = write_file(os.path.join(self.dir, "fail-gate"), "")
        path = self.fake_sweep(fixed={"fail-if": "x:2", "fail-file": gate}, seeds=(1,),
                               grid={"x": [1, 2, 3]})
        result = run_tool("run", path, "--out", self.out, "--jobs", "2")
        self.assertEqual(result.returncode, 1)
        stderr_path = os.path.join(self.out, "runs", "x=2,seed=1", "stderr.txt")
        self.assertIn("1 run(s) failed:\n  [1] x=2,seed=1: exit status 3\n"
                      f"      last lines of {stderr_path}:\n"
                      "      | fake: diagnostic line 3\n" + "".join(
                          f"      | fake: diagnostic line {i}\n" for i in range(4, 8)),
                      result.stderr)
        self.assertIn("ran 3 run(s): 2 complete, 1 failed", result.stderr)
        self.assertEqual(self.marker("x=2,seed=1")["state"], "failed")
        self.assertEqual(self.marker("x=2,seed=1")["exit_status"], 3)
        again = run_tool("run", path, "--out", self.out)
        self.assertEqual(again.returncode, 1)
        self.assertIn("1 failed earlier (not rerun without --rerun-failed), 0 to run", again.stderr)
        self.assertIn("[1] x=2,seed=1: exit status 3 (in an earlier invocation; rerun with "
                      "--rerun-failed)", again.stderr)
        self.assertEqual(self.attempts("x=2,seed=1"), 1)
        os.unlink(gate)
        fixed = run_tool("run", path, "--out", self.out, "--rerun-failed")
        self.assertEqual(fixed.returncode, 0, fixed.stderr)
        self.assertEqual(self.attempts("x=2,seed=1"), 2)
        self.assertEqual(self.marker("x=2,seed=1")["state"], "complete")

    def test_no_output_and_crash_are_failures(self):
        path = self.fake_sweep(fixed={"no-output-if": "x:1", "signal-if": "x:2",
                                      "signal": int(signal.SIGSEGV)},
                               seeds=(1,), grid={"x": [1, 2]})
        status, _, err = call_main("run", path, "--out", self.out)
        self.assertEqual(status, 1)
        self.assertIn("[0] x=1,seed=1: exited with status 0 but wrote no summary.csv", err)
        self.assertIn("[1] x=2,seed=1: killed by signal SIGSEGV", err)
        self.assertEqual(self.marker("x=2,seed=1")["exit_status"], -int(signal.SIGSEGV))

    def test_killed_from_outside_is_not_marked(self):
        # SIGKILL from outside (OOM killer, scancel): not a failure of the
        # program; the run stays unmarked and runs again next time.
        path = self.fake_sweep(fixed={"signal-if": "x:2", "signal": int(signal.SIGKILL)},
                               seeds=(1,), grid={"x": [1, 2]})
        status, _, err = call_main("run", path, "--out", self.out)
        self.assertEqual(status, 1)
        self.assertIn("run x=2,seed=1: killed by signal SIGKILL; not marked, it runs again next "
                      "time", err)
        self.assertIsNone(self.marker("x=2,seed=1"))
        self.assertIn("1 already complete, 1 to run", call_main("run", path, "--out", self.out)[2])

    def test_list_shows_states(self):
        path = self.fake_sweep(fixed={"fail-if": "x:2"}, seeds=(1,), grid={"x": [1, 2, 3]})
        self.assertEqual(call_main("run", path, "--out", self.out)[0], 1)
        os.unlink(os.path.join(self.out, "runs", "x=3,seed=1", "status.json"))
        marker_path = os.path.join(self.out, "runs", "x=1,seed=1", "status.json")
        write_file(marker_path, read(marker_path).replace('"1"', '"7"'))
        status, out, _ = call_main("list", path, "--out", self.out)
        self.assertEqual((status, out), (0, "0\tx=1,seed=1\tstale\n1\tx=2,seed=1\tfailed\n"
                                            "2\tx=3,seed=1\tpending\n"))

    def test_program_writing_into_its_working_folder(self):
        path = self.fake_sweep(seeds=(1,), grid={"x": [1]}, output={"file": "summary.csv"})
        status, _, err = call_main("run", path, "--out", self.out)
        self.assertEqual(status, 0, err)
        self.assertEqual(self.invocations(), [f"--log={self.log} --x=1 --RngRun=1"])
        self.assertEqual(self.marker("x=1,seed=1")["state"], "complete")

    def test_program_dir_lookup(self):
        data = json.loads(read(self.fake_sweep(seeds=(1,), grid={"x": [1]})))
        data["program"] = "fake-program"
        path = self.sweep_file(data)
        status, _, err = call_main("run", path, "--out", self.out, "--program-dir", self.dir)
        self.assertEqual(status, 0, err)


class RunOneTest(TempDirTest):
    """run-one: by index, id and chunk, with the markers of run."""

    def test_index_id_and_chunks(self):
        path = self.fake_sweep(seeds=(1,), grid={"x": [1, 2, 3, 4, 5]})
        status, _, err = call_main("run-one", path, "--out", self.out, "--index", "1")
        self.assertEqual(status, 0, err)
        self.assertEqual(self.invocations(), [f"--log={self.log} --x=2 --RngRun=1 --output="
                                              f"{os.path.abspath(self.out)}/runs/x=2,seed=1"])
        self.assertEqual(call_main("run-one", path, "--out", self.out, "--id", "x=5,seed=1")[0], 0)
        # Chunk 0 is runs 0 and 1 (run 1 is complete), chunk 2 is run 4 alone.
        status, _, err = call_main("run-one", path, "--out", self.out, "--index", "0",
                                   "--chunk", "2")
        self.assertEqual(status, 0)
        self.assertIn("run x=2,seed=1: already complete, skipped", err)
        status, _, err = call_main("run-one", path, "--out", self.out, "--index", "2",
                                   "--chunk", "2")
        self.assertEqual((status, err), (0, "run x=5,seed=1: already complete, skipped\n"))
        self.assertEqual([line.split()[1] for line in self.invocations()],
                         ["--x=2", "--x=5", "--x=1"])

    def test_bad_selection(self):
        path = self.fake_sweep(seeds=(1,), grid={"x": [1, 2, 3]})
        status, _, err = call_main("run-one", path, "--out", self.out, "--index", "2",
                                   "--chunk", "2")
        self.assertEqual(status, 2)
        self.assertIn("--index 2 is outside 0..1 (3 runs, 2 per chunk)", err)
        status, _, err = call_main("run-one", path, "--out", self.out, "--id", "x=9,seed=1")
        self.assertEqual(status, 2)
        self.assertIn("no run has the id 'x=9,seed=1'", err)


class ClusterFilesTest(TempDirTest):
    """parallel-jobs and slurm write commands that run the sweep."""

    def merged(self, out):
        """Merges out and returns the bytes of merged.csv."""
        status, _, err = call_main("merge", self.path, "--out", out)
        self.assertEqual(status, 0, err)
        with open(os.path.join(out, "merged.csv"), "rb") as f:
            return f.read()

    def setUp(self):
        super().setUp()
        self.path = self.fake_sweep(seeds=(1, 2), grid={"x": [1, 2, 3]})
        self.assertEqual(call_main("run", self.path, "--out", self.out, "--jobs", "2")[0], 0)

    def test_parallel_job_file(self):
        other = os.path.join(self.dir, "parallel")
        status, jobs, err = call_main("parallel-jobs", self.path, "--out", other)
        self.assertEqual(status, 0, err)
        self.assertIn("parallel --jobs 2 --sshloginfile hosts.txt < jobs.txt", err)
        lines = jobs.splitlines()
        self.assertEqual(len(lines), 6)
        words = shlex.split(lines[2])
        self.assertEqual(words[:5], [sys.executable, os.path.realpath(TOOL), "run-one",
                                     os.path.abspath(self.path), "--out"])
        self.assertEqual(words[-2:], ["--id", "x=2,seed=1"])
        for line in reversed(lines):  # any order gives the same merge
            subprocess.run(["bash", "-c", line], check=True, capture_output=True)
        self.assertEqual(self.merged(other), self.merged(self.out))

    def test_slurm_script(self):
        other = os.path.join(self.dir, "slurm-out")
        status, _, err = call_main("slurm", self.path, "--out", other, "--chunk", "4",
                                   "--max-parallel", "3", "--partition", "debug", "--time", "5")
        self.assertEqual(status, 0, err)
        script = read(os.path.join(other, "sweep.sbatch"))
        for line in ["#SBATCH --array=0-1%3", "#SBATCH --partition=debug", "#SBATCH --time=5",
                     f"#SBATCH --output={os.path.abspath(other)}/slurm/%A_%a.out",
                     "#SBATCH --job-name=fake"]:
            self.assertIn(line + "\n", script)
        self.assertTrue(os.path.isdir(os.path.join(other, "slurm")))
        self.assertRegex(script, r'--chunk 4 --index "\$\{SLURM_ARRAY_TASK_ID\}"\n\Z')
        for task in ("1", "0"):
            result = subprocess.run(["bash", os.path.join(other, "sweep.sbatch")],
                                    env=dict(os.environ, SLURM_ARRAY_TASK_ID=task),
                                    capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.merged(other), self.merged(self.out))

    def test_submit_with_a_fake_sbatch(self):
        bin_dir = os.path.join(self.dir, "bin")
        os.makedirs(bin_dir)
        write_file(os.path.join(bin_dir, "sbatch"),
                   f"#!/bin/sh\necho \"$@\" > {self.dir}/sbatch-args\necho '4711;cluster'\n", 0o755)
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"])
        result = run_tool("slurm", self.path, "--out", self.out, "--submit", env=env)
        self.assertEqual((result.returncode, result.stdout), (0, "4711\n"), result.stderr)
        self.assertEqual(read(os.path.join(self.dir, "sbatch-args")),
                         f"--parsable {os.path.abspath(self.out)}/sweep.sbatch\n")
        write_file(os.path.join(bin_dir, "sbatch"), "#!/bin/sh\necho 'no partition' >&2\nexit 1\n")
        result = run_tool("slurm", self.path, "--out", self.out, "--submit", env=env)
        self.assertEqual(result.returncode, 1)
        self.assertIn("sbatch failed (exit status 1): no partition", result.stderr)

    def test_no_whitespace_in_sbatch_lines(self):
        status, _, err = call_main("slurm", self.path, "--out", os.path.join(self.dir, "a b"))
        self.assertEqual(status, 2)
        self.assertIn("Slurm's #SBATCH lines cannot hold whitespace", err)


class OptionCheckTest(TempDirTest):
    """Options the program does not accept stop every command that runs, before anything runs."""

    COMMANDS = (("run",), ("run-one", "--index", "0"), ("parallel-jobs",), ("slurm",))

    def refusal(self, path, field, option, hint):
        """The exact stderr of a refused option."""
        return (f"edge-inference-sweep: error: {path}: {field}: {self.fake} does not accept the "
                f"option --{option} ({hint})\n")

    def warning(self, program, why):
        """The exact warning line of a program whose options cannot be checked."""
        return (f"edge-inference-sweep: warning: the options were not checked ({program} {why}; "
                "not an ns-3 program?); --no-option-check skips the check\n")

    def test_accepted_options_are_probed_once(self):
        # Program options, a global value as the seed option, and an
        # attribute path (not checked); 4 runs, one pair of probes.
        path = self.fake_sweep(fixed={"ns3::FakeDevice::Unchecked": "true"}, grid={"x": [1, 2]})
        status, _, err = call_main("run", path, "--out", self.out)
        self.assertEqual(status, 0, err)
        self.assertNotIn("warning", err)
        self.assertEqual(len(self.invocations()), 4)
        self.assertIn("--ns3::FakeDevice::Unchecked=true", self.invocations()[0])
        probes = self.probes()
        self.assertEqual([p[0] for p in probes], ["--PrintHelp", "--PrintGlobals"])
        for _, _, folder in probes:  # an empty folder of its own, removed afterwards
            self.assertFalse(os.path.exists(folder))
            self.assertNotIn(os.path.realpath(self.dir), os.path.realpath(folder))

    # (changes to the sweep, the field named, the option, the hint)
    REFUSED = [
        ({"fixed": {"bandwith": 1}}, "fixed.bandwith", "bandwith", "did you mean --bandwidth?"),
        ({"grid": {"x": [1], "bandwith": [5e5, 1e6]}}, "grid.bandwith", "bandwith",
         "did you mean --bandwidth?"),
        ({"seeds": {"option": "RngRn", "values": [1]}}, "seeds.option", "RngRn",
         "did you mean --RngRun?"),
        ({"seeds": {"option": "rngseed", "values": [1]}}, "seeds.option", "rngseed",
         "did you mean --RngSeed?"),
        ({"output": {"option": "outptu", "file": "summary.csv"}}, "output.option", "outptu",
         "did you mean --output?"),
        ({"grid": {"zzzz": [1]}}, "grid.zzzz", "zzzz", "see its --PrintHelp and --PrintGlobals"),
        # General arguments of ns-3 are no options of a run.
        ({"fixed": {"PrintAttributes": "x"}}, "fixed.PrintAttributes", "PrintAttributes",
         "see its --PrintHelp and --PrintGlobals"),
    ]

    def test_refused_options(self):
        for changes, field, option, hint in self.REFUSED:
            data = json.loads(read(self.fake_sweep(seeds=(1,), grid={"x": [1]})))
            data.update(changes)
            path = self.sweep_file(data)
            for command in self.COMMANDS:
                with self.subTest(field=field, command=command[0]):
                    status, out, err = call_main(*command, path, "--out", self.out)
                    self.assertEqual((status, out), (2, ""), err)
                    self.assertEqual(err, self.refusal(path, field, option, hint))
                    self.assertFalse(os.path.exists(self.out))  # no run folder, no sbatch file
                    self.assertEqual(self.invocations(), [])

    def test_refused_option_exit_status_of_the_process(self):
        path = self.fake_sweep(grid={"x": [1], "bandwith": [1]})
        result = run_tool("run", path, "--out", self.out)
        self.assertEqual((result.returncode, result.stdout), (2, ""))
        self.assertEqual(result.stderr, self.refusal(path, "grid.bandwith", "bandwith",
                                                     "did you mean --bandwidth?"))
        self.assertFalse(os.path.exists(self.out))

    def test_program_without_help_is_run_unchecked(self):
        help_of_others = {"--PrintHelp": "usage: fake [--key=value ...]\n", "--PrintGlobals": ""}
        cases = [("no-help", None, "--PrintHelp: exit status 1"),
                 ("usage-only", help_of_others,
                  '--PrintHelp: its output has no "Program Options:" section'),
                 ("no-globals", dict(ns3_help(), **{"--PrintGlobals": ""}),
                  '--PrintGlobals: its output has no "Global values:" section'),
                 ("failing", dict(ns3_help(), status=3), "--PrintHelp: exit status 3")]
        for name, help_output, why in cases:
            with self.subTest(program=name):
                self.fake = self.write_fake(name, help_output)
                out = os.path.join(self.dir, "out-" + name)
                path = self.fake_sweep(seeds=(1,), grid={"x": [1], "not-an-option": [1]})
                status, _, err = call_main("run", path, "--out", out)
                self.assertEqual(status, 0, err)
                self.assertEqual(err.count("warning"), 1, err)
                self.assertTrue(err.startswith(self.warning(self.fake, why)), err)
                self.assertIn("--not-an-option=1", self.invocations()[-1])

    def test_probe_timeout(self):
        self.fake = self.write_fake("slow", dict(ns3_help(), sleep=60))
        path = self.fake_sweep(seeds=(1,), grid={"x": [1]})
        timeout = sweep_tool.PROBE_TIMEOUT
        self.addCleanup(setattr, sweep_tool, "PROBE_TIMEOUT", timeout)
        sweep_tool.PROBE_TIMEOUT = 0.5
        start = time.monotonic()
        status, _, err = call_main("run", path, "--out", self.out)
        self.assertEqual(status, 0, err)
        self.assertLess(time.monotonic() - start, 30)
        self.assertTrue(err.startswith(self.warning(self.fake, "--PrintHelp: took longer than "
                                                               "0.5 s")), err)
        [(_, pid, _)] = self.probes()
        self.assertFalse(process_alive(int(pid)))  # killed, not left sleeping

    def test_no_option_check(self):
        path = self.fake_sweep(seeds=(1,), grid={"x": [1], "bandwith": [1]})
        status, _, err = call_main("run", path, "--out", self.out, "--no-option-check")
        self.assertEqual(status, 0, err)
        self.assertNotIn("warning", err)
        self.assertIn("--bandwith=1", self.invocations()[0])
        self.assertEqual(self.probes(), [])
        # The job files pass it on to run-one (and only when given).
        for command in (("parallel-jobs",), ("slurm",)):
            with self.subTest(command=command[0]):
                other = os.path.join(self.dir, command[0])
                status, jobs, err = call_main(*command, path, "--out", other, "--no-option-check")
                self.assertEqual(status, 0, err)
                text = jobs or read(os.path.join(other, "sweep.sbatch"))
                self.assertIn(" --no-option-check ", text)
        self.assertEqual(self.probes(), [])
        jobs = call_main("parallel-jobs", self.fake_sweep(), "--out", self.out)[1]
        self.assertNotIn("--no-option-check", jobs)

    def test_parsing_ns3_help(self):
        # ns-3.35 (no blank line before the section), ns-3.48, and older
        # global values ("--Name=[value]:  help" on one line).
        help_335 = ("prog [Program Options] [General Arguments]\nProgram Options:\n"
                    "    --users:  Users [10]\n    --deadline-max:  T [0.1]\n"
                    "Program Arguments:\n      file:  a positional argument\n"
                    "General Arguments:\n    --PrintGlobals:  Print the list of globals.\n")
        self.assertEqual(sweep_tool.section_options(help_335, "Program Options:"),
                         {"users", "deadline-max"})
        self.assertEqual(sweep_tool.section_options(ns3_help()["--PrintHelp"],
                                                    "Program Options:"), set(FAKE_OPTIONS))
        old_globals = "Global values:\n    --RngRun=[1]:  The substream\n    --RngSeed=[1]:  x\n"
        self.assertEqual(sweep_tool.section_options(old_globals, "Global values:"),
                         {"RngRun", "RngSeed"})
        self.assertEqual(sweep_tool.section_options("Global values:\n", "Global values:"), set())
        self.assertIsNone(sweep_tool.section_options("usage: prog --users=N\n",
                                                     "Program Options:"))


def wait_for(predicate, timeout=20.0):
    """Polls until predicate() is true; fails the test after timeout."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def process_alive(pid):
    """True while a process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


class TerminationTest(TempDirTest):
    """SIGTERM and SIGINT stop every program; nothing stopped is marked."""

    def start(self, command, count, jobs="2"):
        """Starts the tool on a sweep whose runs wait on a gate file; returns
        (process, the ids of the runs that started)."""
        self.gate = write_file(os.path.join(self.dir, "gate"), "")
        self.path = self.fake_sweep(fixed={"wait-file": self.gate, "grandchild": 1}, seeds=(1,),
                                    grid={"x": [1, 2, 3, 4]})
        args = [sys.executable, TOOL, command, self.path, "--out", self.out]
        args += ["--jobs", jobs] if command == "run" else ["--index", "0", "--chunk", "4"]
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.addCleanup(lambda: (process.kill(), process.communicate()))

        def started():
            """The runs whose program is waiting (it writes "started" after its pid files)."""
            return [i for i in ("x=1,seed=1", "x=2,seed=1", "x=3,seed=1", "x=4,seed=1")
                    if os.path.exists(os.path.join(self.out, "runs", i, "started"))]
        wait_for(lambda: len(started()) == count)
        return process, started()

    def pids(self, run_id):
        """The program's and its grandchild's process ids."""
        folder = os.path.join(self.out, "runs", run_id)
        return [int(read(os.path.join(folder, name))) for name in ("pid", "grandchild")]

    def check_stopped(self, process, sig, started):
        """Sends sig; the tool must exit 128+sig having stopped every process."""
        pids = [pid for run_id in started for pid in self.pids(run_id)]
        process.send_signal(sig)
        _, err = process.communicate(timeout=30)
        self.assertEqual(process.returncode, 128 + int(sig), err)
        self.assertIn(f"stopped by {sig.name}: the runs that were running are not marked "
                      "complete", err)
        for pid in pids:
            wait_for(lambda: not process_alive(pid), timeout=5)
        for run_id in started:
            self.assertIsNone(self.marker(run_id))
        self.assertEqual(len(self.invocations()), len(started))

    def test_sigterm_then_resume(self):
        process, started = self.start("run", 2)
        self.check_stopped(process, signal.SIGTERM, started)
        os.unlink(self.gate)
        result = run_tool("run", self.path, "--out", self.out, "--jobs", "2")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("0 already complete, 4 to run", result.stderr)
        for run_id in started:
            self.assertEqual(self.attempts(run_id), 2)

    def test_sigint(self):
        process, started = self.start("run", 2)
        self.check_stopped(process, signal.SIGINT, started)

    def test_run_one_sigterm(self):
        process, started = self.start("run-one", 1)
        self.assertEqual(started, ["x=1,seed=1"])
        self.check_stopped(process, signal.SIGTERM, started)
        for run_id in ("x=2,seed=1", "x=3,seed=1", "x=4,seed=1"):
            self.assertEqual(self.attempts(run_id), 0)


@unittest.skipUnless(OPTIONS["paper_dir"] or "--paper-dir" in sys.argv,
                     "needs --paper-dir (the folder of edge-inference-paper)")
class EndToEndTest(unittest.TestCase):
    """data/sweeps/smoke.json with the real edge-inference-paper."""

    @classmethod
    def setUpClass(cls):
        program = os.path.join(OPTIONS["paper_dir"], "edge-inference-paper")
        if not os.access(program, os.X_OK):
            raise AssertionError(f"{program} is not built")
        cls.work = OPTIONS["work_dir"] or tempfile.mkdtemp(prefix="sweep-e2e-")
        shutil.rmtree(cls.work, ignore_errors=True)
        os.makedirs(cls.work)
        cls.jobs1 = os.path.join(cls.work, "jobs1")
        cls.jobs2 = os.path.join(cls.work, "jobs2")
        for out, jobs in ((cls.jobs2, "2"), (cls.jobs1, "1")):
            cls.first = run_tool("run", SMOKE, "--out", out, "--jobs", jobs,
                                 "--program-dir", OPTIONS["paper_dir"])
            if cls.first.returncode != 0:
                raise AssertionError(f"run --jobs {jobs} failed:\n{cls.first.stderr}")

    def tool(self, *args):
        """Runs the tool with the paper's folder; checks exit status 0."""
        result = run_tool(*args, "--program-dir", OPTIONS["paper_dir"])
        self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def merged(self, out):
        """Merges a run folder; the bytes of merged.csv."""
        result = run_tool("merge", SMOKE, "--out", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(out, "merged.csv"), "rb") as f:
            return f.read()

    def test_second_run_skips_everything(self):
        result = self.tool("run", SMOKE, "--out", self.jobs2, "--jobs", "2")
        self.assertIn("smoke: 8 runs: 8 already complete, 0 to run", result.stderr)
        self.assertIn("ran 0 run(s)", result.stderr)
        ids = run_tool("list", SMOKE).stdout.split()[1::2]
        for run_id in ids:
            attempts = os.path.join(self.jobs2, "runs", run_id, "attempts.log")
            self.assertEqual(len(read(attempts).splitlines()), 1)

    def test_merge_is_the_same_for_one_and_two_jobs(self):
        two = self.merged(self.jobs2)
        self.assertEqual(two, self.merged(self.jobs1))
        rows = list(csv.reader(io.StringIO(two.decode())))
        self.assertEqual(rows[0], ["run", "bandwidth", "deadline-max", "seed", "scheduler", "users",
                                   "runs", "frames", "completed_per_frame", "completed_per_second",
                                   "predicted_per_frame", "completed_over_predicted"])
        self.assertEqual(len(rows), 1 + 8 * 3)
        self.assertEqual([r[0] for r in rows[1::3]], run_tool("list", SMOKE).stdout.split()[1::2])
        self.assertEqual(rows[3][4], "ns3::GreedyEarlyExitC2Scheduler[Conservative=true,"
                                     "PlateauMoves=0]")
        self.assertEqual(rows[22][1:4], ["1000000", "0.1", "2"])
        self.assertTrue(all(float(r[9]) > 0 for r in rows[1:]))

    def test_misspelt_option(self):
        # The paper program's own --PrintHelp refuses "bandwith" before
        # anything runs; spelt right, with a global value (RngRun) and an
        # attribute path (not checked), the same sweep runs.
        data = {"program": "edge-inference-paper",
                "fixed": {"users": "10", "frames": 2, "runs": 1,
                          "ns3::OfdmaBsNetDevice::BlockErrors": False},
                "grid": {"bandwith": [5e5]}, "seeds": {"option": "RngRun", "values": [1]},
                "output": {"option": "output", "file": "summary.csv"}}
        path = write_file(os.path.join(self.work, "misspelt.json"), json.dumps(data))
        out = os.path.join(self.work, "misspelt")
        result = run_tool("run", path, "--out", out, "--program-dir", OPTIONS["paper_dir"])
        program = os.path.join(OPTIONS["paper_dir"], "edge-inference-paper")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stderr, f"edge-inference-sweep: error: {path}: grid.bandwith: "
                                        f"{program} does not accept the option --bandwith (did "
                                        "you mean --bandwidth?)\n")
        self.assertFalse(os.path.exists(out))
        data["grid"] = {"bandwidth": [5e5]}
        path = write_file(os.path.join(self.work, "spelt.json"), json.dumps(data))
        result = self.tool("run", path, "--out", out)
        self.assertNotIn("warning", result.stderr)
        self.assertIn("ran 1 run(s): 1 complete, 0 failed", result.stderr)

    @unittest.skipUnless(shutil.which("gnuplot"), "gnuplot is not installed")
    def test_plot(self):
        result = run_tool("plot", SMOKE, "--out", self.jobs2)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertGreater(os.path.getsize(os.path.join(self.jobs2, "smoke.png")), 1000)
        self.assertEqual(read(os.path.join(self.jobs2, "smoke.dat")).count("# series: "), 3)

    @unittest.skipUnless(shutil.which("parallel"), "GNU parallel is not installed")
    def test_gnu_parallel(self):
        out = os.path.join(self.work, "parallel")
        jobs = self.tool("parallel-jobs", SMOKE, "--out", out).stdout
        subprocess.run(["parallel", "--will-cite", "--jobs", "2"], input=jobs, text=True,
                       check=True, capture_output=True)
        self.assertEqual(self.merged(out), self.merged(self.jobs1))


def parse_own_options(argv):
    """Takes --paper-dir D and --work-dir W off argv for the end-to-end test."""
    rest = [argv[0]]
    i = 1
    while i < len(argv):
        name = argv[i].lstrip("-").replace("-", "_")
        if argv[i] in ("--paper-dir", "--work-dir") and i + 1 < len(argv):
            OPTIONS[name] = os.path.abspath(argv[i + 1])
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    return rest


if __name__ == "__main__":
    unittest.main(argv=parse_own_options(sys.argv))
