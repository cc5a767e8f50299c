#!/usr/bin/env python3
"""Prints the language benchmark's results: whole-program times, and the time
per loop iteration with start-up subtracted (full run minus the `steps = 1`
run, divided by the number of steps less one), for wall and CPU (user + system) time.

    python3 summarize.py OUT_DIR PURE_LOOP_STEPS TRAINING_STEPS
"""
import json
import os
import sys


def timings(out_dir, name):
    """{command name: (mean wall, mean CPU, fastest wall)} from one hyperfine export."""
    with open(os.path.join(out_dir, f"{name}.json")) as f:
        results = json.load(f)["results"]
    return {r["command"]: (r["mean"], r["user"] + r["system"], r["min"]) for r in results}


def fmt(seconds):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6)):
        if abs(seconds) >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def main():
    out_dir, pure_steps, train_steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    benchmarks = [
        ("pure loop", "pure_loop", pure_steps, "CPython",
         lambda litgrad, python: (litgrad / python, f"litgrad within 2x of CPython: "
                                  f"{'met' if litgrad <= 2 * python else 'missed'}")),
        ("scalar chain training", "scalar_chain_training", train_steps, "PyTorch",
         lambda litgrad, python: (python / litgrad, f"litgrad at least 10x faster: "
                                  f"{'met' if python >= 10 * litgrad else 'missed'}")),
    ]
    print("| benchmark | runner | whole program, wall | whole program, CPU | start-up + 1 step, wall"
          " | per iteration, wall | per iteration, fastest wall | per iteration, CPU |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    verdicts = []
    for title, name, steps, other, judge in benchmarks:
        full, one = timings(out_dir, name), timings(out_dir, name + "_one")
        per = {}
        for runner in ("litgrad", other):
            wall = (full[runner][0] - one[runner][0]) / (steps - 1)
            cpu = (full[runner][1] - one[runner][1]) / (steps - 1)
            fastest = (full[runner][2] - one[runner][2]) / (steps - 1)
            per[runner] = (wall, cpu, fastest)
            print(f"| {title} ({steps:,} steps) | {runner} | {fmt(full[runner][0])} | {fmt(full[runner][1])}"
                  f" | {fmt(one[runner][0])} | {fmt(wall)} | {fmt(fastest)} | {fmt(cpu)} |")
        for kind, index in (("mean wall", 0), ("fastest wall", 2), ("CPU", 1)):
            ratio, verdict = judge(per["litgrad"][index], per[other][index])
            verdicts.append(f"{title}, per iteration ({kind}): ratio {ratio:.2f} — {verdict}")
        ratio, verdict = judge(full["litgrad"][0], full[other][0])
        verdicts.append(f"{title}, whole program (wall): ratio {ratio:.2f} — {verdict}")
    print()
    for line in verdicts:
        print(f"- {line}")


if __name__ == "__main__":
    main()
