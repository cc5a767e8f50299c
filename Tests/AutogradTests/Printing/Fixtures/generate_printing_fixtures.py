"""Regenerates printing_cases.json from real PyTorch (run with ~/torch-venv/bin/python).

Each case records a tensor's shape, dtype and exact elements, the suffix facts
(grad_fn name, requires_grad, Parameter), the sequence of set_printoptions calls
applied from the defaults, and the repr PyTorch printed.
"""
import json
import math
import os
import struct

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240607)
cases = []
DTYPES = {
    torch.float32: "float32",
    torch.float64: "float64",
    torch.int64: "int64",
    torch.int32: "int32",
    torch.bool: "bool",
}


def encode_elements(t):
    flat = t.detach().reshape(-1)
    if t.dtype == torch.float32:
        return [struct.pack(">f", v).hex() for v in flat.numpy().tolist()]
    if t.dtype == torch.float64:
        return [struct.pack(">d", v).hex() for v in flat.numpy().tolist()]
    if t.dtype == torch.bool:
        return ["1" if v else "0" for v in flat.tolist()]
    return [str(v) for v in flat.tolist()]


def option_json(call):
    out = dict(call)
    if "threshold" in out and out["threshold"] == math.inf:
        out["threshold"] = "inf"
    return out


def add(name, make, calls=(), default_dtype=torch.float32):
    """make() builds the tensor under the given options and default dtype."""
    torch.set_default_dtype(default_dtype)
    torch.set_printoptions(profile="default")
    for call in calls:
        torch.set_printoptions(**call)
    try:
        t = make()
        expected = repr(t)
    finally:
        torch.set_printoptions(profile="default")
        torch.set_default_dtype(torch.float32)
    is_param = isinstance(t, torch.nn.Parameter)
    cases.append({
        "name": name,
        "shape": list(t.shape),
        "dtype": DTYPES[t.dtype],
        "defaultFloat": DTYPES[default_dtype],
        "elements": encode_elements(t),
        "gradFn": type(t.grad_fn).__name__ if t.grad_fn is not None else None,
        "requiresGrad": bool(t.requires_grad),
        "isParameter": is_param,
        "optionCalls": [option_json(c) for c in calls],
        "expected": expected,
    })


nan, inf = float("nan"), float("inf")

# --- Examples of torch-fidelity.md section 1 -------------------------------------------
spec_examples = [
    lambda: torch.tensor([1., 2., 3.]),
    lambda: torch.tensor(8.),
    lambda: torch.tensor([1.5, 2.25]),
    lambda: torch.tensor([0.1, 0.2, 0.3]),
    lambda: torch.tensor([1e-5, 1.0]),
    lambda: torch.tensor([1e-4, 1.0]),
    lambda: torch.tensor([0.00012345]),
    lambda: torch.tensor(0.000012345),
    lambda: torch.tensor([1.0, 1000.0]),
    lambda: torch.tensor([1.0, 1001.0]),
    lambda: torch.tensor([1.5, 1001.0]),
    lambda: torch.tensor([100., 100000.]),
    lambda: torch.tensor([1., 100000.]),
    lambda: torch.tensor([1e8]),
    lambda: torch.tensor([1e9]),
    lambda: torch.tensor([123456789.]),
    lambda: torch.tensor([12345678.]),
    lambda: torch.tensor(1.5e8),
    lambda: torch.tensor(123456.7),
    lambda: torch.tensor(1234.5678),
    lambda: torch.tensor([1234.5678, 0.5]),
    lambda: torch.tensor([-1.5, 22.25, -333.125]),
    lambda: torch.tensor([-1e-10, 1.]),
    lambda: torch.tensor([123.456, -0.001]),
    lambda: torch.tensor([1.5, nan]),
    lambda: torch.tensor([inf, 2.5]),
    lambda: torch.tensor([0., -0., 1.]),
    lambda: torch.tensor([0., -0., 1.5]),
    lambda: torch.tensor(-4800.),
    lambda: torch.tensor([0.03125, 1.0]),
    lambda: torch.tensor([2. ** -20, 1.0]),
    lambda: torch.tensor(2. ** 24 + 1),
    lambda: torch.tensor([1., 2.], dtype=torch.float64),
    lambda: torch.tensor(2.5, dtype=torch.float64),
    lambda: torch.tensor([1e200, 1e-200], dtype=torch.float64),
    lambda: torch.tensor(5),
    lambda: torch.tensor([1, 2], dtype=torch.int32),
    lambda: torch.linspace(-1, 1, 11),
    lambda: torch.tensor([0., 0.]),
    lambda: torch.tensor([nan]),
    lambda: torch.tensor([nan, inf]),
    lambda: torch.tensor([0., nan]),
    lambda: torch.tensor(-0.),
    lambda: torch.tensor([0., -0.]),
    lambda: torch.tensor([nan, 1.]),
    lambda: torch.tensor([inf, -inf, 1.]),
    lambda: torch.tensor([1, -20, 300]),
    lambda: torch.tensor([[1, -2], [30, 4]]),
    lambda: torch.tensor([True, False]),
    lambda: torch.tensor(True),
    lambda: torch.arange(30.) / 7,
    lambda: torch.arange(30),
    lambda: torch.arange(30.),
    lambda: (torch.manual_seed(0), torch.rand(1, 10))[1],
    lambda: (torch.manual_seed(0), torch.rand(1, 1, 10))[1],
    lambda: torch.arange(20.).reshape(2, 10) / 3,
    lambda: torch.tensor([[1., -2.], [3., 4.5]]),
    lambda: torch.arange(24.).reshape(2, 3, 4),
    lambda: torch.arange(48.).reshape(2, 2, 3, 4),
    lambda: torch.tensor([[True, False], [False, True]]),
    lambda: torch.arange(1000),
    lambda: torch.arange(1001),
    lambda: (torch.manual_seed(0), torch.randn(2000))[1],
    lambda: torch.arange(1200) > 600,
    lambda: torch.arange(1005.).reshape(1005, 1),
    lambda: torch.arange(2000.).reshape(40, 50),
    lambda: torch.arange(3000).reshape(10, 10, 30),
    lambda: torch.tensor([]),
    lambda: torch.zeros(0, 3),
    lambda: torch.zeros(2, 0),
    lambda: torch.zeros(2, 0, 3),
    lambda: torch.tensor([], dtype=torch.int64),
    lambda: torch.zeros(0, 3, dtype=torch.long),
    lambda: torch.zeros(0, dtype=torch.bool),
    lambda: torch.zeros(0, requires_grad=True),
    lambda: torch.zeros(0, 3, dtype=torch.float64, requires_grad=True),
    lambda: torch.randperm(0),
    lambda: torch.zeros(0, dtype=torch.int32),
    lambda: torch.nn.Parameter(torch.tensor([1., 2.])),
    lambda: torch.nn.Parameter(torch.tensor(2.)),
    lambda: torch.nn.Parameter(torch.tensor([1., 2.]), requires_grad=False),
    lambda: torch.ones(2, 2, requires_grad=True) + 2,
]
for i, make in enumerate(spec_examples):
    add(f"spec example {i}", make)


def seeded(make):
    def run():
        torch.manual_seed(0)
        return make()
    return run


suffix_examples = [
    lambda: torch.rand(6).requires_grad_(),
    lambda: torch.rand(6).requires_grad_() * 2,
    lambda: torch.rand(6).requires_grad_().double(),
    lambda: (torch.rand(6), torch.rand(7).requires_grad_().double())[1],
    lambda: (torch.rand(10), torch.rand(10).requires_grad_())[1],
    lambda: torch.rand(2, 8, requires_grad=True),
    lambda: torch.randn(3, 3, dtype=torch.float64, requires_grad=True),
    lambda: torch.randn(3, 3, dtype=torch.float64, requires_grad=True).sum(),
    lambda: torch.tensor(33.2, requires_grad=True),
    lambda: torch.rand(5, requires_grad=True).mean(),
    lambda: torch.rand(4, 4, dtype=torch.float64, requires_grad=True) @ torch.rand(4, 1, dtype=torch.float64),
    lambda: torch.rand(3, 20, requires_grad=True).exp(),
    lambda: torch.randint(0, 100, (7,), dtype=torch.int32),
    lambda: torch.randint(0, 10 ** 6, (9,), dtype=torch.int32),
]
for i, make in enumerate(suffix_examples):
    add(f"suffix example {i}", seeded(make))

# --- Random tensors ---------------------------------------------------------------------


def random_shape():
    rank = int(rng.choice([0, 1, 1, 1, 2, 2, 2, 3, 3, 4]))
    limits = {0: 1, 1: 40, 2: 12, 3: 6, 4: 4}
    return tuple(int(rng.integers(1, limits[rank] + 1)) for _ in range(rank))


def random_floats(n):
    kind = rng.choice(["unit", "normal", "tiny", "huge", "mixed", "ints", "negints",
                       "halves", "big", "wide", "near1e-4", "near1e8", "specials"])
    if kind == "unit":
        x = rng.random(n)
    elif kind == "normal":
        x = rng.standard_normal(n) * rng.choice([0.1, 1, 10, 100])
    elif kind == "tiny":
        x = rng.standard_normal(n) * 10.0 ** rng.integers(-12, -4)
    elif kind == "huge":
        x = rng.standard_normal(n) * 10.0 ** rng.integers(8, 30)
    elif kind == "mixed":
        x = np.sign(rng.standard_normal(n)) * 10.0 ** rng.uniform(-8, 8, n)
    elif kind == "ints":
        x = rng.integers(0, 10 ** int(rng.integers(1, 9)), n).astype(np.float64)
    elif kind == "negints":
        x = rng.integers(-1000, 1000, n).astype(np.float64)
    elif kind == "halves":
        x = rng.integers(-40, 40, n) / 8.0
    elif kind == "big":
        x = rng.standard_normal(n) * 1e5
    elif kind == "wide":
        x = rng.uniform(-1, 1, n) * 10.0 ** rng.integers(0, 4, n)
    elif kind == "near1e-4":
        x = rng.choice([1e-4, 1.0001e-4, 9.9e-5, 0.5, 0.1], n)
    elif kind == "near1e8":
        x = rng.choice([1e8, 99999999., 1.00000001e8, 3.0, 12345678.9], n)
    else:
        x = rng.choice([0.0, -0.0, nan, inf, -inf, 1.0, -2.5, 1e-3], n)
    if kind != "specials" and rng.random() < 0.25:
        mask = rng.random(n) < 0.2
        x = np.where(mask, rng.choice([0.0, -0.0, nan, inf, -inf], n), x)
    return x


def random_tensor(dtype, shape):
    n = int(np.prod(shape)) if shape else 1
    if dtype in (torch.float32, torch.float64):
        data = random_floats(n)
        return torch.tensor(data, dtype=dtype).reshape(shape)
    if dtype == torch.bool:
        return torch.tensor(rng.random(n) < 0.5).reshape(shape)
    if dtype == torch.int32:
        bound = int(10 ** rng.integers(1, 10))
        return torch.tensor(rng.integers(-bound, bound, n, dtype=np.int64), dtype=torch.int32).reshape(shape)
    bound = int(rng.choice([10, 1000, 10 ** 6, 10 ** 12, 2 ** 62]))
    values = rng.integers(-bound, bound, n, dtype=np.int64)
    if rng.random() < 0.1:
        values[0] = np.iinfo(np.int64).min
    return torch.tensor(values, dtype=torch.int64).reshape(shape)


def decorate(t):
    """Randomly gives a float tensor a grad_fn, requires_grad or Parameter status."""
    if not t.dtype.is_floating_point:
        return t
    choice = rng.random()
    if choice < 0.15:
        return t.clone().requires_grad_()
    if choice < 0.3:
        return t.clone().requires_grad_() * 1  # MulBackward0, same values
    if choice < 0.38:
        return t.clone().requires_grad_().view(t.shape)  # ViewBackward0
    if choice < 0.45:
        return torch.nn.Parameter(t.clone())
    return t


dtype_pool = [torch.float32] * 6 + [torch.float64] * 2 + [torch.int64, torch.int32, torch.bool]
for i in range(420):
    dtype = dtype_pool[int(rng.integers(len(dtype_pool)))]
    shape = random_shape()
    base = random_tensor(dtype, shape)
    add(f"random {i}", lambda base=base: decorate(base))

# --- Summarised tensors -----------------------------------------------------------------
summarised = [
    lambda: torch.randn(1001),
    lambda: torch.randn(2000) * 1e-3,
    lambda: torch.randn(40, 50),
    lambda: torch.randn(3, 400),
    lambda: torch.randn(10, 10, 30),
    lambda: torch.randn(10, 10, 30) * 1e6,
    lambda: torch.arange(2000.).reshape(40, 50) / 3,
    lambda: torch.randint(-5, 5, (3, 400)),
    lambda: torch.randint(-10 ** 9, 10 ** 9, (2, 3, 200), dtype=torch.int32),
    lambda: torch.randn(1001, dtype=torch.float64),
    lambda: torch.randn(2, 3, 13, 13),
    lambda: torch.randn(7, 7, 7, 7) > 0,
    lambda: torch.randn(1001, requires_grad=True),
    lambda: torch.randn(40, 50, requires_grad=True) * 2,
    lambda: torch.tensor([1e-8] * 3 + [5.0] * 1000 + [2.0] * 3),  # the hidden tiny values don't count
    lambda: torch.tensor([7.0] * 3 + [nan, 1e-9] * 500 + [0.5] * 3),
    lambda: torch.arange(6 * 200.).reshape(6, 200),
    lambda: torch.arange(7 * 150.).reshape(7, 150),
]
for i, make in enumerate(summarised):
    add(f"summarised {i}", seeded(make))

# --- Print options ----------------------------------------------------------------------
option_sets = [
    [dict(precision=2)],
    [dict(precision=0)],
    [dict(precision=8)],
    [dict(sci_mode=False)],
    [dict(sci_mode=True)],
    [dict(linewidth=120)],
    [dict(linewidth=40)],
    [dict(linewidth=10)],
    [dict(profile="short")],
    [dict(profile="full")],
    [dict(threshold=5)],
    [dict(threshold=5, edgeitems=1)],
    [dict(edgeitems=1, threshold=20)],
    [dict(edgeitems=0)],
    [dict(edgeitems=0, threshold=5)],
    [dict(sci_mode=False), dict(precision=2)],  # the second call resets sci_mode
    [dict(profile="short", precision=6)],
    [dict(profile="full"), dict(profile="default")],
    [dict(precision=2), dict(linewidth=60, sci_mode=False)],
]
option_tensors = [
    lambda: torch.randn(12),
    lambda: torch.randn(3, 5) * 100,
    lambda: torch.tensor([1e-5, 1.0, 3.5]),
    lambda: torch.tensor([1e10, 1.0]),
    lambda: torch.arange(25.),
    lambda: torch.randn(2, 3, 4, requires_grad=True) * 3,
    lambda: torch.randint(0, 1000, (30,)),
    lambda: torch.randn(1500),
    lambda: torch.tensor(3.14159),
    lambda: torch.tensor([0., nan, 2.]),
    lambda: torch.zeros(0, 2),
]
for s, calls in enumerate(option_sets):
    for j, make in enumerate(option_tensors):
        add(f"options {s} tensor {j}", seeded(make), calls=calls)

# --- Default dtype float64 --------------------------------------------------------------
for j, make in enumerate([
    lambda: torch.tensor([1.5, 2.0]),
    lambda: torch.tensor([1.5, 2.0], dtype=torch.float32),
    lambda: torch.randn(3, 4, requires_grad=True),
    lambda: torch.tensor([]),
    lambda: torch.tensor([], dtype=torch.float32),
    lambda: torch.tensor([1, 2]),
]):
    add(f"default float64 {j}", seeded(make), default_dtype=torch.float64)

# --- torch.Size and named tuples ---------------------------------------------------------
sizes = [{"shape": list(s), "expected": repr(torch.Size(s))} for s in [(), (5,), (2, 3), (1, 1, 1, 7)]]
return_types = []
torch.manual_seed(0)
for make in [
    lambda: torch.arange(30.).reshape(3, 10).div(7).max(dim=1),
    lambda: torch.randn(3, 12).min(dim=1),
    lambda: torch.sort(torch.tensor([3., 1., 2.])),
    lambda: torch.randn(4, 4).topk(2),
]:
    result = make()
    return_types.append({
        "name": type(result).__name__,
        "fields": [{"name": f, "repr": repr(getattr(result, f))} for f in result.__match_args__],
        "expected": repr(result),
    })

with open(os.path.join(HERE, "printing_cases.json"), "w") as f:
    json.dump({"cases": cases, "sizes": sizes, "returnTypes": return_types}, f, separators=(",", ":"))
print(len(cases), "cases")
