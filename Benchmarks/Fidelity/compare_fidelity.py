"""Runs a fidelity workload in PyTorch and in Litgrad for a range of seeds and
reports how often the printed text differs (any loss line, the weights repr)
and how many final weights differ in their bits.

    python compare_fidelity.py CONFIG FIRST_SEED COUNT [--openblas]
"""
import subprocess
import sys

config, first, count = sys.argv[1], sys.argv[2], sys.argv[3]
binary = ".build/release/fidelity-mlp"
flags = ["--openblas"] if "--openblas" in sys.argv else []
torch_out = subprocess.run([sys.executable, "Fidelity/mlp_training.py", config, first, count],
                           capture_output=True, text=True, check=True).stdout
ours = subprocess.run([binary] + flags + [config, first, count], capture_output=True, text=True, check=True).stdout


def split(text):
    runs, current = {}, None
    for line in text.splitlines():
        if line.startswith("== "):
            current = line
            runs[current] = []
        else:
            runs[current].append(line)
    return runs


a, b = split(torch_out), split(ours)
printed_mismatch = loss_lines = weight_runs = 0
bit_diff = bit_total = 0
first_loss_step = []
first_exact = []
for key in a:
    ta, tb = a[key], b.get(key, [])
    text_a = [l for l in ta if "bits " not in l]
    text_b = [l for l in tb if "bits " not in l]
    la = next(l for l in ta if l.startswith("lossbits")).split()[1:]
    lb = next((l for l in tb if l.startswith("lossbits")), "x").split()[1:]
    diverge = next((i for i, (u, v) in enumerate(zip(la, lb)) if u != v), None)
    if diverge is not None:
        first_exact.append(diverge)
    if text_a != text_b:
        printed_mismatch += 1
        bad = [i for i, (x, y) in enumerate(zip(text_a, text_b)) if x != y]
        loss_bad = [i for i in bad if text_a[i][0].isdigit()]
        loss_lines += len(loss_bad)
        if loss_bad:
            first_loss_step.append(loss_bad[0])
        if any(not text_a[i][0].isdigit() for i in bad):
            weight_runs += 1
    bits_a = ta[-1].split()[1:]
    bits_b = tb[-1].split()[1:] if tb else []
    bit_total += len(bits_a)
    bit_diff += sum(1 for x, y in zip(bits_a, bits_b) if x != y)
runs = len(a)
print(f"{config}{' (OpenBLAS order)' if flags else ''}: {runs} seeds; printed output differs in {printed_mismatch} "
      f"({loss_lines} loss lines, weights repr in {weight_runs} runs); "
      f"final weights differing in bits: {bit_diff}/{bit_total}"
      + f"; runs whose loss bits ever differ: {len(first_exact)}, first at steps {sorted(first_exact)}"
      + (f"; first differing printed loss step: {sorted(first_loss_step)}" if first_loss_step else ""))
