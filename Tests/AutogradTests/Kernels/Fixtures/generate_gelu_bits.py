"""Produces gelu_bits.json: float32 torch.erf, F.gelu (approximate 'none' and
'tanh') and its backward (gelu_backward) from real PyTorch on CPU (2 threads),
bit for bit, for GeluBitsTests.

Run with a PyTorch installation:
    python generate_gelu_bits.py > gelu_bits.json

`inputs` are 400 hand-picked and random float32 values (hex bit patterns):
extremes, infinities, NaN, subnormals, the oneDNN and SLEEF interval edges.
Each case applies the op to a layout built from them (see `cases`) and stores
the result bits. The `large` cases (70,000 elements, split across threads) use
splitmix64 values that GeluBitsTests regenerates and store FNV-1a hashes.
"""
import json
import struct
import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(2)


def hexes(t):
    a = t.detach().contiguous().numpy().astype(np.float32).ravel()
    return "".join(f"{v:08x}" for v in a.view(np.uint32))


def splitmix(seed, n):
    state = seed & (2**64 - 1)
    out = []
    for _ in range(n):
        state = (state + 0x9E3779B97F4A7C15) & (2**64 - 1)
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & (2**64 - 1)
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & (2**64 - 1)
        out.append(z ^ (z >> 31))
    return out


def large_values(seed, n, kind):
    """'bits': any float32 bit pattern; 'normal': (u − ½)·2^(k−4), k ∈ 0…7."""
    words = splitmix(seed, n)
    if kind == "bits":
        return np.array([w >> 32 for w in words], dtype=np.uint32).view(np.float32)
    return np.array([((w >> 40) / 2**24 - 0.5) * 2.0 ** (((w >> 8) & 7) - 4) for w in words], dtype=np.float32)


def fnv(t):
    a = t.detach().contiguous().numpy().astype(np.float32).ravel().copy()
    bits = a.view(np.uint32)
    bits[np.isnan(a)] = 0x7FC00000
    h = 0xCBF29CE484222325
    for byte in bits.astype("<u4").tobytes():
        h = ((h ^ byte) * 0x100000001B3) & (2**64 - 1)
    return f"{h:016x}"


rng = np.random.default_rng(7)
special = [0.0, -0.0, np.inf, -np.inf, np.nan, 1e-45, -1e-45, 1e-38, -1e-38, 3.4028235e38, -3.4028235e38,
           1e-30, -1e-20, 1e-8, -1e-6, 1e-4, -0.009, 0.01, 0.5, -0.5, 1, -1, 2, -2, 3, -3, 4, -4, 5.5, -5.5,
           5.54, -5.54, 5.55, -5.55, 8.6, -8.6, 8.7, -8.7, 9, -9, 10, -10, 13, -13, 20, -20, 88, -88, 100, -100]
parts = [np.array(special, dtype=np.float32)]
for scale in [1e-3, 0.1, 1, 3, 8]:
    parts.append((rng.standard_normal(50) * scale).astype(np.float32))
parts.append(rng.uniform(-6, 6, 50).astype(np.float32))
parts.append(rng.integers(0, 2**32, 50, dtype=np.uint64).astype(np.uint32).view(np.float32))
inputs = np.concatenate(parts)[:400]
dys = (rng.standard_normal(800)).astype(np.float32)
x = torch.from_numpy(inputs.copy())
dy = torch.from_numpy(dys[:400].copy())

cases = []


def add(name, approximate, xt, g=None):
    """Forward on xt; backward with gradient g (xt's shape) unless None."""
    case = {"name": name, "approximate": approximate, "output": hexes(F.gelu(xt, approximate=approximate))}
    if g is not None:
        case["grad"] = hexes(torch.ops.aten.gelu_backward(g, xt, approximate=approximate))
    cases.append(case)


for approximate in ["none", "tanh"]:
    add("contiguous", approximate, x, dy)
    buffer = torch.stack([x, x], 1).reshape(-1)
    add("stride2", approximate, buffer[::2], dy)
    for n in range(1, 41):
        add(f"prefix{n}", approximate, x[n:2 * n], dy[:n])
    grid = x[:360].reshape(8, 45)
    add("rows", approximate, grid, torch.from_numpy(dys[400:408].copy()).reshape(8, 1).expand(8, 45))
    add("scalarGrad", approximate, grid, torch.tensor(0.75).expand(8, 45))
    add("transposed", approximate, x[:360].reshape(45, 8).t(), None)
    add("columns", approximate, x[:360].reshape(8, 45)[:, 3:43], dy[:320].reshape(8, 40))
    add("columns24", approximate, x[:360].reshape(12, 30)[:, 3:27], dy[:288].reshape(12, 24))

large = []
for seed, kind in [(11, "bits"), (12, "normal")]:
    xl = torch.from_numpy(large_values(seed, 70000, kind))
    gl = torch.from_numpy(large_values(seed + 100, 70000, "normal"))
    for approximate in ["none", "tanh"]:
        large.append({"seed": seed, "kind": kind, "approximate": approximate,
                      "output": fnv(F.gelu(xl, approximate=approximate)),
                      "grad": fnv(torch.ops.aten.gelu_backward(gl, xl, approximate=approximate))})

print(json.dumps({"torch": torch.__version__, "cpu_capability": torch.backends.cpu.get_cpu_capability(),
                  "inputs": hexes(x), "dy": hexes(dy), "rowGrad": hexes(torch.from_numpy(dys[400:408].copy())),
                  "erf": hexes(torch.erf(x)), "cases": cases, "large": large}, indent=0))
