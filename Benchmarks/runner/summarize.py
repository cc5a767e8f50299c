#!/usr/bin/env python3
"""Prints run.sh's hyperfine results as one Markdown table.

    python3 summarize.py OUT_DIR CORPUS_SIZE NBVAL_SAMPLE_SIZE

Wall time is what the targets are about; user + system CPU time is shown too
because the benchmark machine is shared, and CPU time moves less with load.
A command that crashed was not timed; its row says so.
"""
import json
import os
import sys


def load(out_dir, name):
    """(timing or None, status line) for one benchmark."""
    status_path = os.path.join(out_dir, f"{name}.status")
    status = open(status_path).read().strip() if os.path.exists(status_path) else "not run"
    json_path = os.path.join(out_dir, f"{name}.json")
    if not os.path.exists(json_path):
        return None, status
    with open(json_path) as f:
        r = json.load(f)["results"][0]
    return {"mean": r["mean"], "stddev": r.get("stddev") or 0.0, "min": r["min"],
            "cpu": r["user"] + r["system"]}, status


def seconds(x):
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def main():
    out_dir, corpus_size, sample_size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    lessons, corpus = "bundled lessons", f"corpus of {corpus_size}"
    scale = corpus_size / max(sample_size, 1)
    # (work, tool, result name, scale, wall-time target in seconds)
    rows = [
        (lessons, "litgrad check --jobs 1", "lessons_litgrad_j1", 1, 0.1),
        (lessons, "litgrad check (default --jobs = 2)", "lessons_litgrad", 1, 0.1),
        (lessons, "Python + PyTorch, exec per cell", "lessons_torch", 1, None),
        (corpus, "litgrad check --jobs 2", "corpus_litgrad_j2", 1, 5.0),
        (corpus, "litgrad check, 2 processes (--shard i/2 --jobs 1)", "corpus_litgrad_shards", 1, 5.0),
        (corpus, "litgrad check --jobs 1", "corpus_litgrad_j1", 1, 5.0),
        (corpus, "Python + PyTorch, exec per cell, 2 workers", "corpus_torch", 1, None),
        (corpus, f"pytest --nbval -n 2 on {sample_size}, scaled x{scale:g}", "corpus_nbval", scale, None),
    ]
    results = {name: load(out_dir, name) for _, _, name, _, _ in rows}
    # Ratios are against the fastest litgrad row of the same work that ran.
    fastest = {}
    for work, tool, name, _, _ in rows:
        timing = results[name][0]
        if tool.startswith("litgrad") and timing:
            fastest[work] = min(fastest.get(work, timing["mean"]), timing["mean"])
    print("| work | tool | wall (mean ± σ) | fastest run | CPU user+sys | vs best litgrad | result | target |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for work, tool, name, k, target in rows:
        timing, status = results[name]
        if timing is None:
            print(f"| {work} | {tool} | — | — | — | — | {status} | {'not measured' if target else ''} |")
            continue
        mean = timing["mean"] * k
        verdict = ""
        if target is not None:
            verdict = f"< {target:g} s: {'met' if mean < target else 'missed'}"
        ratio = f"{mean / fastest[work]:.1f}x" if work in fastest else "—"
        print(f"| {work} | {tool} | {seconds(mean)} ± {seconds(timing['stddev'] * k)}"
              f" | {seconds(timing['min'] * k)} | {seconds(timing['cpu'] * k)} | {ratio}"
              f" | {status} | {verdict} |")


if __name__ == "__main__":
    main()
