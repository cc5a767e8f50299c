"""Produces embedding_cases.json: torch.embedding and its weight gradient on CPU
as real PyTorch computes them (the gradient rows accumulate in index order,
so repeated indices fix the last bits), with padding_idx and
scale_grad_by_freq.

Run with a PyTorch installation:
    python generate_embedding_cases.py > embedding_cases.json

Weights and output gradients are `LCG · spread/2^24 + offset` rounded step by
step in their dtype (EmbeddingOpTests rebuilds them); expected values are
written with repr, exact for either dtype.
"""
import json
import numpy as np
import torch


def lcg_values(seed, n):
    state = seed
    out = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) % 2**31
        out.append(state >> 7)
    return np.array(out, dtype=np.int64)


def make(spec, shape, dtype):
    seed, spread, offset = spec
    np_dtype = np.float32 if dtype == "float32" else np.float64
    u = lcg_values(seed, int(np.prod(shape))).astype(np_dtype)
    return torch.from_numpy((u * np_dtype(spread / 2**24) + np_dtype(offset)).astype(np_dtype)).reshape(shape)


cases = []


def case(dtype, rows, dim, indices, padding_idx=None, scale=False, seed=1):
    w = make([seed, 8.0, -4.0], [rows, dim], dtype).requires_grad_()
    idx = torch.tensor(indices, dtype=torch.int64)
    y = torch.embedding(w, idx, -1 if padding_idx is None else padding_idx, scale)
    g_spec = [seed + 5, 200.0, -100.0]
    y.backward(make(g_spec, list(y.shape), dtype))
    cases.append({
        "dtype": dtype, "rows": rows, "dim": dim, "indices": idx.reshape(-1).tolist(), "index_shape": list(idx.shape),
        "padding_idx": padding_idx, "scale_grad_by_freq": scale, "weight": [seed, 8.0, -4.0], "grad": g_spec,
        "output": [float(v) for v in y.detach().reshape(-1)], "output_shape": list(y.shape),
        "weight_grad": [float(v) for v in w.grad.reshape(-1)],
    })


many = [int(v) for v in lcg_values(99, 300) % 7]
case("float32", 7, 5, many)
case("float32", 7, 5, [many[:60], many[60:120]], seed=2)
case("float32", 7, 3, many[:80], padding_idx=3, seed=3)
case("float32", 7, 3, many[:90], scale=True, seed=4)
case("float32", 7, 3, [[many[:30], many[30:60]], [many[60:90], many[90:120]]], padding_idx=0, scale=True, seed=5)
case("float32", 4, 2, 2, seed=6)
case("float32", 4, 2, [], seed=7)
case("float64", 7, 4, many[:100], seed=8)
case("float64", 7, 4, many[:50], padding_idx=6, scale=True, seed=9)

print('{"cases": [\n' + ",\n".join(json.dumps(c) for c in cases) + "\n]}")
