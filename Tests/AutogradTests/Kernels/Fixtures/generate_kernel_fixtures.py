"""Regenerates kernel_cases.json from real PyTorch (run with ~/torch-venv/bin/python).

Inputs are not stored: they come from a seeded splitmix64 stream that the Swift
tests reproduce (KernelFixtureData.swift), so only seeds, shapes and PyTorch's
results (as exact bit patterns) are committed.
"""
import json
import math
import os
import struct

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1
DEFAULT_THREADS = torch.get_num_threads()


def splitmix(seed, count):
    state = seed & MASK
    out = []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        out.append(z ^ (z >> 31))
    return out


def value(z, kind, dtype):
    if dtype == "float64":
        base = ((z >> 11) - (1 << 52)) / float(1 << 52)
    else:
        base = ((z >> 40) - (1 << 23)) / float(1 << 23)
    if kind == "normal":
        return base
    if kind == "positive":
        return (z >> 40) / float(1 << 24)
    if kind == "wide":
        return base * 2.0 ** (((z >> 8) & 31) - 16)
    if kind == "ints":
        return float(((z >> 40) % 7) - 3)
    if kind == "nan":
        return float("nan") if (z >> 8) % 13 == 0 else base
    raise ValueError(kind)


TORCH_DTYPES = {"float32": torch.float32, "float64": torch.float64}


def data(seed, shape, kind="normal", dtype="float32"):
    count = int(np.prod(shape)) if shape else 1
    values = [value(z, kind, dtype) for z in splitmix(seed, count)]
    return torch.tensor(values, dtype=TORCH_DTYPES[dtype]).reshape(shape)


def bits(t):
    flat = t.detach().reshape(-1)
    if flat.dtype == torch.float32:
        return "".join(struct.pack(">f", v).hex() for v in flat.tolist())
    return "".join(struct.pack(">d", v).hex() for v in flat.tolist())


rng = np.random.default_rng(7)
seed_counter = [1000]


def next_seed():
    seed_counter[0] += 1
    return seed_counter[0]


def random_shape(max_rank=4, max_numel=3000):
    while True:
        rank = int(rng.integers(1, max_rank + 1))
        shape = [int(rng.choice([1, 2, 3, 5, 7, 8, 9, 16, 17, 31, 33, 40, 64, 100])) for _ in range(rank)]
        if int(np.prod(shape)) <= max_numel:
            return shape


# --- Sums and means -----------------------------------------------------------------------
sums = []


def add_sum(count, kind, dtype, threads=DEFAULT_THREADS):
    seed = next_seed()
    torch.set_num_threads(threads)
    t = data(seed, [count], kind, dtype)
    sums.append({"seed": seed, "count": count, "kind": kind, "dtype": dtype, "threads": threads,
                 "sum": bits(t.sum()), "mean": bits(t.mean())})
    torch.set_num_threads(DEFAULT_THREADS)


kinds = ["normal", "positive", "wide"]
for n in range(1, 301):
    add_sum(n, kinds[n % 3], "float32")
for n in sorted(set(int(v) for v in rng.integers(301, 100001, 160))) + [32767, 32768, 32769, 65536, 65537, 100000]:
    add_sum(n, kinds[n % 3], "float32")
for threads in (1, 4, 8):
    for n in [40000, 70000, 100000, 131073]:
        add_sum(n, "normal", "float32", threads)
for n in list(range(1, 40)) + [int(v) for v in rng.integers(40, 100001, 40)]:
    add_sum(n, kinds[n % 3], "float64")

axis_sums = []
for i in range(220):
    dtype = "float64" if i % 6 == 0 else "float32"
    shape = random_shape(max_numel=40000 if i % 10 == 0 else 3000)
    dim = int(rng.integers(0, len(shape)))
    seed = next_seed()
    t = data(seed, shape, kinds[i % 3], dtype)
    axis_sums.append({"seed": seed, "shape": shape, "dim": dim, "kind": kinds[i % 3], "dtype": dtype,
                      "sum": bits(t.sum(dim)), "mean": bits(t.mean(dim))})

multi_sums = []
for i in range(150):
    dtype = "float64" if i % 5 == 0 else "float32"
    shape = random_shape(max_numel=20000 if i % 10 == 0 else 3000)
    if len(shape) < 2:
        shape = shape + [int(rng.choice([1, 3, 9, 17]))]
    count = int(rng.integers(1, len(shape) + 1))
    dims = sorted(int(d) for d in rng.choice(len(shape), count, replace=False))
    if i % 3 != 0:  # reduced dims split by kept ones: several reduced blocks
        sizes = [2, 3, 5, 7, 8, 9, 16, 17, 33]
        shape = [int(rng.choice(sizes)) for _ in range(int(rng.integers(3, 5)))]
        dims = [[0, 2], [1, 3], [0, 3], [0, 2, 3], [0, 1, 3], [0, 2]][i % 6]
        dims = [d for d in dims if d < len(shape)]
    seed = next_seed()
    t = data(seed, shape, kinds[i % 3], dtype)
    multi_sums.append({"seed": seed, "shape": shape, "dims": dims, "kind": kinds[i % 3], "dtype": dtype,
                       "sum": bits(t.sum(dims)), "mean": bits(t.mean(dims)),
                       "var": bits(t.var(dims)), "std": bits(t.std(dims, correction=0))})

# --- Softmax ------------------------------------------------------------------------------
softmax = []
for i in range(160):
    dtype = "float64" if i % 5 == 0 else "float32"
    shape = random_shape(max_rank=3, max_numel=800)
    dim = int(rng.integers(0, len(shape)))
    seed, grad_seed = next_seed(), next_seed()
    scale = float(rng.choice([1.0, 4.0, 20.0]))
    x = (data(seed, shape, "normal", dtype) * scale).requires_grad_()
    g = data(grad_seed, shape, "normal", dtype)
    y = F.softmax(x, dim)
    (gx,) = torch.autograd.grad(y, x, g)
    ly = F.log_softmax(x, dim)
    (lgx,) = torch.autograd.grad(ly, x, g)
    softmax.append({"seed": seed, "gradSeed": grad_seed, "scale": scale, "shape": shape, "dim": dim,
                    "dtype": dtype, "softmax": bits(y), "logSoftmax": bits(ly),
                    "softmaxGrad": bits(gx), "logSoftmaxGrad": bits(lgx)})

# --- Extrema, var/std, prod --------------------------------------------------------------
reductions = []
for i in range(120):
    dtype = "float64" if i % 4 == 0 else "float32"
    kind = ["normal", "ints", "nan", "wide"][i % 4]
    shape = random_shape(max_rank=3, max_numel=2000)
    dim = int(rng.integers(0, len(shape)))
    seed = next_seed()
    t = data(seed, shape, kind, dtype)
    mx, imx = t.max(dim)
    mn, imn = t.min(dim)
    entry = {"seed": seed, "shape": shape, "dim": dim, "kind": kind, "dtype": dtype,
             "max": bits(mx), "maxIndices": imx.reshape(-1).tolist(),
             "min": bits(mn), "minIndices": imn.reshape(-1).tolist(),
             "argmax": t.argmax(dim).reshape(-1).tolist(), "argmin": t.argmin(dim).reshape(-1).tolist(),
             "maxAll": bits(t.max()), "minAll": bits(t.min()),
             "argmaxAll": int(t.argmax()), "argminAll": int(t.argmin())}
    if kind != "nan":
        entry.update({
            "var": bits(t.var(dim)), "std": bits(t.std(dim)), "varPopulation": bits(t.var(dim, correction=0)),
            "varAll": bits(t.var()), "stdAll": bits(t.std()), "stdAllPopulation": bits(t.std(correction=0)),
            "prod": bits(t.prod(dim)), "prodAll": bits(t.prod())})
    reductions.append(entry)
for n in [40000, 70000]:  # var over everything splits into per-thread chunks
    seed = next_seed()
    t = data(seed, [n], "normal", "float32")
    reductions.append({"seed": seed, "shape": [n], "dim": 0, "kind": "normal", "dtype": "float32",
                       "varAll": bits(t.var()), "stdAll": bits(t.std())})

# --- GEMM -----------------------------------------------------------------------------------
gemm = []
for i in range(30):
    dtype = "float64" if i % 5 == 0 else "float32"
    m, k, n = (int(v) for v in rng.integers(1, 40, 3))
    batch = int(rng.integers(1, 4)) if i % 3 == 0 else 0
    ta, tb = bool(i % 2), bool((i // 2) % 2)
    sa, sb = next_seed(), next_seed()
    a_shape = ([batch] if batch else []) + ([k, m] if ta else [m, k])
    b_shape = ([batch] if batch else []) + ([n, k] if tb else [k, n])
    a, b = data(sa, a_shape, "normal", dtype), data(sb, b_shape, "normal", dtype)
    product = (a.transpose(-1, -2) if ta else a) @ (b.transpose(-1, -2) if tb else b)
    gemm.append({"seedA": sa, "seedB": sb, "m": m, "k": k, "n": n, "batch": batch, "transposeA": ta,
                 "transposeB": tb, "dtype": dtype, "product": bits(product)})

# --- Convolution ------------------------------------------------------------------------------
conv = []
for i in range(40):
    dtype = "float64" if i % 4 == 0 else "float32"
    batch, cin, cout = int(rng.integers(1, 4)), int(rng.integers(1, 5)), int(rng.integers(1, 5))
    kh, kw = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    stride = [int(rng.integers(1, 3)), int(rng.integers(1, 3))]
    padding = [int(rng.integers(0, 3)), int(rng.integers(0, 3))]
    dilation = [int(rng.integers(1, 3)), int(rng.integers(1, 3))]
    h = int(rng.integers(max(1, dilation[0] * (kh - 1) + 1 - 2 * padding[0]), 10))
    w = int(rng.integers(max(1, dilation[1] * (kw - 1) + 1 - 2 * padding[1]), 10))
    has_bias = i % 3 != 2
    seeds = [next_seed() for _ in range(4)]
    x = data(seeds[0], [batch, cin, h, w], "normal", dtype).requires_grad_()
    weight = data(seeds[1], [cout, cin, kh, kw], "normal", dtype).requires_grad_()
    bias = data(seeds[2], [cout], "normal", dtype).requires_grad_() if has_bias else None
    y = F.conv2d(x, weight, bias, stride, padding, dilation)
    g = data(seeds[3], list(y.shape), "normal", dtype)
    grads = torch.autograd.grad(y, [x, weight] + ([bias] if has_bias else []), g)
    conv.append({"seeds": seeds, "dtype": dtype, "input": [batch, cin, h, w], "weight": [cout, cin, kh, kw],
                 "bias": has_bias, "stride": stride, "padding": padding, "dilation": dilation,
                 "outputShape": list(y.shape), "output": bits(y), "gradInput": bits(grads[0]),
                 "gradWeight": bits(grads[1]), "gradBias": bits(grads[2]) if has_bias else None})

# --- Pooling ----------------------------------------------------------------------------------
pools = []
for i in range(60):
    dtype = "float64" if i % 5 == 0 else "float32"
    kind = ["normal", "ints", "nan"][i % 3] if i < 40 else "normal"
    batch, channels = int(rng.integers(1, 3)), int(rng.integers(1, 4))
    kh, kw = int(rng.integers(1, 4)), int(rng.integers(1, 4))
    stride = [int(rng.integers(1, 4)), int(rng.integers(1, 4))]
    dilation = [int(rng.integers(1, 3)), int(rng.integers(1, 3))]
    padding = [int(rng.integers(0, kh // 2 + 1)), int(rng.integers(0, kw // 2 + 1))]
    ceil_mode = bool(rng.integers(0, 2))
    h = int(rng.integers(max(1, dilation[0] * (kh - 1) + 1), 11))
    w = int(rng.integers(max(1, dilation[1] * (kw - 1) + 1), 11))
    seeds = [next_seed(), next_seed()]
    x = data(seeds[0], [batch, channels, h, w], kind, dtype).requires_grad_()
    values, indices = F.max_pool2d(x, [kh, kw], stride, padding, dilation, ceil_mode, return_indices=True)
    g = data(seeds[1], list(values.shape), "normal", dtype)
    (grad,) = torch.autograd.grad(values, x, g)
    entry = {"seeds": seeds, "kind": kind, "dtype": dtype, "input": [batch, channels, h, w],
             "kernel": [kh, kw], "stride": stride, "padding": padding, "dilation": dilation,
             "ceilMode": ceil_mode, "outputShape": list(values.shape), "maxValues": bits(values),
             "maxIndices": indices.reshape(-1).tolist(), "maxGrad": bits(grad)}
    if kind != "nan":
        include_pad = bool(i % 2)
        divisor = int(rng.integers(1, 9)) if i % 7 == 0 else None
        avg = F.avg_pool2d(x, [kh, kw], stride, padding, ceil_mode, include_pad, divisor)
        g2 = data(seeds[1], list(avg.shape), "normal", dtype)
        (agrad,) = torch.autograd.grad(avg, x, g2)
        entry.update({"countIncludePad": include_pad, "divisorOverride": divisor,
                      "avgShape": list(avg.shape), "avgValues": bits(avg), "avgGrad": bits(agrad)})
    pools.append(entry)


# --- Errors -----------------------------------------------------------------------------------
def outcome(call):
    try:
        result = call()
        return "OK " + repr(list(result.shape))
    except Exception as e:  # the message is what we want
        return f"{type(e).__name__}: {e}"


errors = []


def conv_error(input_shape, weight_shape, bias_shape=None, stride=(1, 1), padding=(0, 0), dilation=(1, 1)):
    call = lambda: F.conv2d(torch.ones(input_shape), torch.ones(weight_shape),
                            None if bias_shape is None else torch.ones(bias_shape),
                            list(stride), list(padding), list(dilation))
    errors.append({"op": "conv2d", "input": list(input_shape), "weight": list(weight_shape),
                   "bias": None if bias_shape is None else list(bias_shape), "stride": list(stride),
                   "padding": list(padding), "dilation": list(dilation), "expected": outcome(call)})


def pool_error(op, input_shape, kernel, stride=(), padding=(0,), dilation=(1,), ceil_mode=False, divisor=None):
    if op == "max_pool2d":
        call = lambda: F.max_pool2d(torch.ones(input_shape), list(kernel), list(stride), list(padding),
                                    list(dilation), ceil_mode)
    else:
        call = lambda: F.avg_pool2d(torch.ones(input_shape), list(kernel), list(stride), list(padding),
                                    ceil_mode, True, divisor)
    errors.append({"op": op, "input": list(input_shape), "kernel": list(kernel), "stride": list(stride),
                   "padding": list(padding), "dilation": list(dilation), "ceilMode": ceil_mode,
                   "divisorOverride": divisor, "expected": outcome(call)})


conv_error([1, 1, 32, 32], [6, 3, 5, 5])
conv_error([1, 3, 3, 3], [6, 3, 5, 5])
conv_error([1, 3, 4, 6], [6, 3, 3, 3], dilation=(2, 2))
conv_error([1, 3, 4, 6], [6, 3, 3, 3], padding=(1, 1), dilation=(3, 3))
conv_error([1, 3, 8, 2], [6, 3, 3, 3])
conv_error([2, 3], [6, 3, 3, 3])
conv_error([1, 3, 5, 5, 2], [6, 3, 3, 3])
conv_error([3, 5, 5], [6, 3, 3, 3])
conv_error([1, 32, 32], [6, 3, 5, 5])
conv_error([1, 3, 5, 5], [6, 3, 3])
conv_error([1, 3, 5, 5], [6, 3, 3, 3], stride=(0, 1))
conv_error([1, 3, 5, 5], [6, 3, 3, 3], stride=(-1, 1))
conv_error([1, 3, 5, 5], [6, 3, 3, 3], padding=(-1, 0))
conv_error([1, 3, 5, 5], [6, 3, 3, 3], dilation=(0, 0))
conv_error([1, 3, 5, 5], [6, 3, 3, 3], dilation=(1, 0))
conv_error([1, 3, 5, 5], [6, 3, 3, 3], stride=(0, 0), padding=(-1, -1))
conv_error([1, 3, 5, 5], [6, 3, 3, 3], stride=(0, 0), dilation=(0, 0))
conv_error([1, 3, 5, 5], [6, 3, 3, 3], padding=(-1, -1), dilation=(0, 0))
conv_error([1, 2, 5, 5], [6, 3, 3, 3], stride=(0, 0))
conv_error([1, 3, 5, 5], [6, 3, 3, 3], bias_shape=[5])
conv_error([1, 3, 5, 5], [6, 3, 3, 3], bias_shape=[2, 3])
conv_error([1, 2, 5, 5], [6, 3, 3, 3], bias_shape=[5])
conv_error([1, 3, 2, 2], [6, 3, 3, 3], bias_shape=[5])
conv_error([0, 3, 5, 5], [6, 3, 3, 3])
conv_error([1, 3, 5, 5], [0, 3, 3, 3])
conv_error([2, 3, 7, 9], [4, 3, 2, 3], bias_shape=[4], stride=(2, 3), padding=(1, 2), dilation=(2, 1))

for op in ("max_pool2d", "avg_pool2d"):
    pool_error(op, [1, 1, 1, 1], [2])
    pool_error(op, [1, 3, 1, 1], [2])
    pool_error(op, [2, 3, 3, 1], [2])
    pool_error(op, [3, 3, 1], [2])
    pool_error(op, [1, 1, 5, 5], [2], padding=[2])
    pool_error(op, [1, 1, 5, 5], [2, 3], padding=[0, 2])
    pool_error(op, [1, 1, 5, 5], [2, 3], padding=[2, 0])
    pool_error(op, [1, 1, 5, 5], [2, 3], padding=[2, 2])
    pool_error(op, [1, 1, 5, 5], [2], padding=[-1])
    pool_error(op, [1, 1, 5, 5], [2], stride=[0])
    pool_error(op, [1, 1, 5, 5], [2], stride=[-1])
    pool_error(op, [1, 1, 5, 5], [0])
    pool_error(op, [1, 1, 5, 5], [0], stride=[1])
    pool_error(op, [1, 1, 5, 5], [-1], stride=[1])
    pool_error(op, [5, 5], [2])
    pool_error(op, [5], [2])
    pool_error(op, [1, 1, 1, 5, 5], [2])
    pool_error(op, [1, 0, 5, 5], [2])
    pool_error(op, [0, 1, 5, 5], [2])
    pool_error(op, [0, 5, 5], [2])
    pool_error(op, [1, 1, 0, 5], [2])
    pool_error(op, [1, 1, 5, 5], [3], stride=[2], ceil_mode=True)
    pool_error(op, [1, 1, 4, 4], [3], stride=[2], padding=[1], ceil_mode=True)
    pool_error(op, [1, 1, 5, 5], [1, 2, 3])
    pool_error(op, [1, 1, 5, 5], [2], stride=[1, 2, 3])
    pool_error(op, [1, 1, 5, 5], [2], padding=[1, 1, 1])
pool_error("max_pool2d", [1, 1, 5, 5], [2], dilation=[0])
pool_error("max_pool2d", [1, 1, 5, 5], [3], padding=[2], dilation=[2])
pool_error("max_pool2d", [1, 1, 9, 9], [3], stride=[2], padding=[1], dilation=[2], ceil_mode=True)
pool_error("max_pool2d", [1, 1, 5, 5], [2], dilation=[1, 2, 3])
pool_error("avg_pool2d", [1, 1, 5, 5], [2], divisor=0)
pool_error("avg_pool2d", [1, 1, 5, 5], [2], divisor=3)

with open(os.path.join(HERE, "kernel_cases.json"), "w") as f:
    json.dump({"sums": sums, "axisSums": axis_sums, "multiSums": multi_sums, "softmax": softmax, "reductions": reductions,
               "gemm": gemm, "conv": conv, "pools": pools, "errors": errors}, f, separators=(",", ":"))
print(len(sums), "sums,", len(axis_sums), "axis sums,", len(softmax), "softmax,", len(reductions),
      "reductions,", len(gemm), "gemm,", len(conv), "conv,", len(pools), "pools,", len(errors), "errors")
