"""Produces matmul_fidelity.json: float32 matrix products of the shapes whose
MKL summation order Litgrad reproduces (MKLOrderGEMM), computed by real
PyTorch, plus full transcripts of two small training loops from
Benchmarks/Fidelity/mlp_training.py.

Run with a PyTorch installation (from this folder):
    python generate_matmul_fidelity.py > matmul_fidelity.json
Layouts: NN = a @ b, NT = a @ w.t() (w row-major n×k), TN = a.t() @ b with a row-major k×m.
"""
import json
import sys
import os
import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../../../Benchmarks/Fidelity"))
import mlp_training  # noqa: E402

torch.manual_seed(11)
SHAPES = [  # (layout, m, k, n), one or more per regime
    ("NT", 100, 3, 16), ("NT", 64, 16, 3), ("NT", 64, 16, 8), ("NT", 128, 64, 10), ("NT", 64, 20, 64),
    ("NT", 100, 16, 1), ("NT", 3, 16, 8), ("NN", 64, 3, 16), ("NN", 128, 10, 64), ("NN", 64, 16, 4),
    ("NN", 2, 64, 12), ("TN", 16, 100, 3), ("TN", 3, 64, 16), ("TN", 10, 128, 64), ("TN", 6, 64, 20),
    ("TN", 1, 100, 16), ("TN", 8, 32, 20), ("NN", 12, 64, 12),
    ("NN", 8, 5, 6), ("TN", 13, 7, 9), ("NN", 1, 3, 10), ("NN", 2, 6, 7),
]


def exact(t):
    return [float(str(np.float32(v))) for v in t.flatten().tolist()]


cases = []
for layout, m, k, n in SHAPES:
    a = torch.randn(k, m).t() if layout == "TN" else torch.randn(m, k)
    b = torch.randn(n, k).t() if layout == "NT" else torch.randn(k, n)
    stored_a = a.t() if layout == "TN" else a      # as laid out in memory
    stored_b = b.t() if layout == "NT" else b
    cases.append({"layout": layout, "m": m, "k": k, "n": n, "a": exact(stored_a.contiguous()),
                  "b": exact(stored_b.contiguous()), "expected": exact(a @ b)})

transcripts = {name: "\n".join(mlp_training.run(name, seed)) for name, seed in [("cls", 3), ("reg", 5)]}
print(json.dumps({"torch": torch.__version__, "products": cases, "training": transcripts}))
