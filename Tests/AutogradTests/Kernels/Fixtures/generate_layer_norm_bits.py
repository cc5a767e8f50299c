"""Produces layer_norm_bits.json: torch.native_layer_norm and its backward on
CPU (2 threads), bit for bit, over many row lengths, value ranges, weight/bias
combinations and both float dtypes.

Run with a PyTorch installation:
    python generate_layer_norm_bits.py > layer_norm_bits.json

Inputs are not stored: each tensor is `LCG values · spread/2^24 + offset`,
rounded in the tensor's dtype step by step, which LayerNormBitsTests rebuilds
exactly. Outputs are stored as FNV-1a hashes of their bit patterns (mean and
rstd as the bit patterns themselves).
"""
import json
import numpy as np
import torch

torch.set_num_threads(2)


def lcg_values(seed, n):
    state = seed
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        state = (state * 1103515245 + 12345) % 2**31
        out[i] = state >> 7
    return out


def make(spec, shape, dtype):
    """spec = [seed, spread, offset]; values u·(spread/2^24) + offset in dtype."""
    seed, spread, offset = spec
    n = int(np.prod(shape))
    np_dtype = np.float32 if dtype == "float32" else np.float64
    u = lcg_values(seed, n).astype(np_dtype)
    v = u * np_dtype(spread / 2**24) + np_dtype(offset)
    return torch.from_numpy(v.astype(np_dtype)).reshape(shape)


def fnv(t):
    data = t.detach().contiguous().numpy().tobytes()
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) % 2**64
    return format(h, "016x")


def bits(t):
    width = np.uint32 if t.dtype == torch.float32 else np.uint64
    return [int(b) for b in t.detach().contiguous().numpy().view(width).reshape(-1)]


cases = []


def case(dtype, leading, normalized, x_spec, weight=True, bias=True, seed=1, x_values=None):
    shape = leading + normalized
    x = (make(x_spec, shape, dtype) if x_values is None else x_values.reshape(shape)).requires_grad_()
    w = make([seed + 11, 2.0, -1.0], normalized, dtype).requires_grad_() if weight else None
    b = make([seed + 23, 2.0, -1.0], normalized, dtype).requires_grad_() if bias else None
    g_spec = [seed + 37, 4.0, -2.0]
    g = make(g_spec, shape, dtype)
    y, mean, rstd = torch.native_layer_norm(x, normalized, w, b, 1e-5)
    y.backward(g)
    cases.append({
        "dtype": dtype, "leading": leading, "normalized": normalized,
        "input": x_spec, "input_values": None if x_values is None else [float(v) for v in x.detach().reshape(-1)], "weight": [seed + 11, 2.0, -1.0] if weight else None,
        "bias": [seed + 23, 2.0, -1.0] if bias else None, "grad": g_spec,
        "mean": bits(mean), "rstd": bits(rstd), "output": fnv(y), "output_head": [float(v) for v in y.detach().reshape(-1)[:4]],
        "input_grad": fnv(x.grad), "weight_grad": fnv(w.grad) if weight else None,
        "bias_grad": fnv(b.grad) if bias else None,
    })


spreads = [[3, 4.0, -2.0], [5, 10.0, 100.0], [7, 0.02, 3.0]]
lengths = [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 200, 250,
           255, 256, 257, 300, 511, 512, 513, 1000, 1023, 1024, 1025, 2048, 2049, 4096, 4097, 5000, 10000]
for n in lengths:
    for k, spec in enumerate(spreads):
        case("float32", [3], [n], spec, seed=n + k)
for n in [3, 8, 17, 100, 1000]:
    case("float32", [5], [n], spreads[0], weight=False, bias=False, seed=n)
    case("float32", [4], [n], spreads[1], weight=True, bias=False, seed=n)
    case("float32", [2], [n], spreads[0], weight=False, bias=True, seed=n)
    case("float32", [1], [n], spreads[2], seed=n)
    case("float32", [9], [n], spreads[0], seed=n)
case("float32", [2, 3], [4, 5], spreads[0])
case("float32", [], [6, 7], spreads[1])
case("float32", [7, 2], [33], spreads[0])
for n in [1, 3, 4, 5, 16, 17, 100, 129, 1000, 5000]:
    case("float64", [3], [n], spreads[0], seed=n)
    case("float64", [2], [n], spreads[1], weight=False, bias=False, seed=n)

# A row on which merging the cascade's lanes as fma(δ, δc·m0, m2 + m2ₐ) is one
# bit off where fma(δc, δ·m0, m2 + m2ₐ) is not (found among 20,000 random rows).
torch.manual_seed(11)
for n in range(1, 301):
    for kind in range(3):
        rows = torch.randn(4, n) if kind != 1 else torch.rand(4, n) * 10 + 100
        if kind == 2:
            rows = rows * 0.01 + 3
        torch.randn(n), torch.randn(n)
        if n == 300 and kind == 1:
            case("float32", [1], [300], None, x_values=rows[1:2].clone(), seed=300)

print("{\"cases\": [\n" + ",\n".join(json.dumps(c) for c in cases) + "\n]}")
