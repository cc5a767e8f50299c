#!/usr/bin/env python3
"""The Python + PyTorch baseline for `litgrad check`: the same work, done the
way a course would do it without Litgrad.

    ~/torch-venv/bin/python Benchmarks/runner/torch_check.py [--jobs N] PATH...

For every notebook (.md files, folders searched recursively), runs its python
cells in order with exec in one fresh namespace per notebook, captures what
each prints, and compares it with the recorded ```output block byte for byte.
Prints a one-line summary; exits 1 if any output differs or a cell raises
(cells marked `error` must raise and their last line is compared), 0
otherwise. With --jobs N the notebooks are split over N forked workers, each
of which has imported torch once, as litgrad's --jobs shares one process.
Benchmark tooling only.
"""
import argparse
import contextlib
import io
import multiprocessing
import os
import re
import sys

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def fenced_blocks(lines):
    """(info, body) for each fenced block, in order."""
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info = m.group(1), m.group(2).strip()
        j = i + 1
        while j < len(lines):
            stripped = lines[j].strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                break
            j += 1
        yield i, j, info, "".join(lines[i + 1:j])
        i = j + 1


def cells(text):
    """(start_line, code, attributes, recorded_output) for each python cell."""
    lines = text.splitlines(keepends=True)
    found = list(fenced_blocks(lines))
    for k, (start, end, info, body) in enumerate(found):
        words = info.split()
        if not words or words[0] not in ("python", "py"):
            continue
        recorded = ""
        if k + 1 < len(found):
            nstart, _, ninfo, nbody = found[k + 1]
            between = lines[end + 1:nstart]
            if ninfo.split()[:1] == ["output"] and all(not l.strip() for l in between):
                recorded = nbody
        yield start + 1, body, words[1:], recorded


def check_notebook(path):
    """Returns a list of problems (empty when every output matches)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    namespace = {"__name__": "__main__"}
    problems = []
    for line, code, attrs, recorded in cells(text):
        if "norun" in attrs:
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(code, f"{path}:{line}", "exec"), namespace)
                if "error" in attrs:
                    problems.append(f"{path}:{line}: cell marked error did not raise")
            except Exception as e:  # noqa: BLE001 - user code may raise anything
                if "error" not in attrs:
                    problems.append(f"{path}:{line}: {type(e).__name__}: {e}")
                    continue
                msg = repr(e.args[0]) if isinstance(e, KeyError) and e.args else str(e)
                print(f"{type(e).__name__}: {msg}" if msg else type(e).__name__)
        printed = out.getvalue()
        if printed and not printed.endswith("\n"):
            printed += "\n"
        if printed != recorded:
            problems.append(f"{path}:{line}: output differs")
    return problems


def notebook_paths(paths):
    found = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                found += [os.path.join(root, f) for f in files if f.endswith(".md")]
        else:
            found.append(p)
    return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    import torch  # noqa: F401 - imported once before forking, as a kernel would
    paths = notebook_paths(args.paths)
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = pool.map(check_notebook, paths, chunksize=8)
    else:
        results = [check_notebook(p) for p in paths]
    problems = [p for r in results for p in r]
    for p in problems:
        print(p, file=sys.stderr)
    failed = sum(1 for r in results if r)
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
