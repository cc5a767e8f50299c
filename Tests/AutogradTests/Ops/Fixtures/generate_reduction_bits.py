"""Produces reduction_bits.json: reductions, softmax and cumsum of float32 and
float64 tensors (also through transposed, permuted and strided views) as real
PyTorch computes them, to the last bit.

Run with a PyTorch installation: python generate_reduction_bits.py > reduction_bits.json
Each case: input dtype/shape/values, a view applied first, an op, the exact output.
Gradients (softmax_grad…) use the backward seed w[i] = ((7 i) mod 11 − 5) / 4.
"""
import json
import numpy as np
import torch

torch.manual_seed(7)

VIEWS = {
    "none": lambda x: x,
    "t": lambda x: x.t(),
    "permute201": lambda x: x.permute(2, 0, 1),
    "permute120": lambda x: x.permute(1, 2, 0),
    "step2": lambda x: x[:, ::2],
    "col0": lambda x: x[:, 0],
    "rows2": lambda x: x[::2],
}


def op(spec):
    name, *args = spec.split(":")
    dims = [int(d) for d in args[0].split(",")] if args and args[0] else None
    if name == "sum":
        return lambda x: x.sum() if dims is None else x.sum(dims)
    if name == "mean":
        return lambda x: x.mean() if dims is None else x.mean(dims)
    if name == "var":
        return lambda x: x.var() if dims is None else x.var(dims)
    if name == "std":
        return lambda x: x.std() if dims is None else x.std(dims)
    if name.startswith("norm"):
        p = float(name[4:])
        return lambda x: torch.linalg.vector_norm(x, p) if dims is None else torch.linalg.vector_norm(x, p, dims)
    if name == "logsumexp":
        return lambda x: x.logsumexp(dims)
    if name == "softmax":
        return lambda x: x.softmax(dims[0])
    if name == "log_softmax":
        return lambda x: x.log_softmax(dims[0])
    if name in ("softmax_grad", "log_softmax_grad"):
        def grad(x):
            x = x.detach().requires_grad_()
            y = x.softmax(dims[0]) if name == "softmax_grad" else x.log_softmax(dims[0])
            seed = torch.tensor([((7 * i) % 11 - 5) / 4 for i in range(y.numel())], dtype=y.dtype).reshape(y.shape)
            y.backward(seed)
            return x.grad
        return grad
    if name == "sigmoid":
        return lambda x: x.sigmoid()
    if name == "sigmoid_grad":
        def grad(x):
            x = x.detach().requires_grad_()
            y = x.sigmoid()
            seed = torch.tensor([((7 * i) % 11 - 5) / 4 for i in range(y.numel())], dtype=y.dtype).reshape(y.shape)
            y.backward(seed)
            return x.grad
        return grad
    if name == "cumsum":
        return lambda x: x.cumsum(dims[0])
    if name == "prod":
        return lambda x: x.prod() if dims is None else x.prod(dims[0])
    raise ValueError(spec)


def exact(t):
    """Values as short decimal strings that round back to the same bits (float32 or float64)."""
    def one(v):
        if v != v or v in (float("inf"), float("-inf")):
            return str(v)  # "nan", "inf", "-inf": JSON has no literal for them
        return v if t.dtype != torch.float32 else float(str(np.float32(v)))
    return [one(v) for v in t.flatten().tolist()]


INPUTS = []
CASES = []
_input_index = {}


def case(shape, view, spec, dtype=torch.float32, scale=1.0):
    key = (tuple(shape), dtype, scale)
    if key not in _input_index:
        x = (torch.randn(*shape, dtype=torch.float64) * scale).to(dtype)
        _input_index[key] = len(INPUTS)
        INPUTS.append({"dtype": str(dtype).replace("torch.", ""), "shape": list(shape), "values": exact(x), "tensor": x})
    index = _input_index[key]
    out = op(spec)(VIEWS[view](INPUTS[index]["tensor"]))
    CASES.append({"input": index, "view": view, "op": spec, "expected": exact(out), "expected_shape": list(out.shape)})


for n in [1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 257, 1000, 4099]:
    for spec in ["sum", "mean", "var", "std", "norm2", "norm1", "norm3", "norminf", "logsumexp:0"]:
        case([n], "none", spec)
    case([n], "none", "sigmoid", scale=3.0)
    case([n], "none", "sigmoid_grad", scale=3.0)
    case([n], "none", "norm2", torch.float64)
    case([n], "none", "sum", torch.float64)
for shape in [[37, 21], [5, 100], [64, 10], [3, 300]]:
    for view in ["none", "t"]:
        for spec in ["sum", "sum:0", "sum:1", "mean:0", "mean:1", "var:0", "std:1", "norm2:0", "norm2:1",
                     "logsumexp:1", "softmax:0", "softmax:1", "log_softmax:0", "log_softmax:1",
                     "softmax_grad:1", "log_softmax_grad:1", "log_softmax_grad:0", "cumsum:1", "cumsum:0"]:
            case(shape, view, spec)
    case(shape, "step2", "sum:1")
    case(shape, "step2", "mean")
    for spec in ["sum", "mean", "var", "std", "norm2", "sum:0"]:
        case(shape, "col0", spec)
    for spec in ["sum:0", "sum:1", "mean:0", "norm2:1", "norm2:0", "var:1", "sum"]:
        case(shape, "rows2", spec)
    case(shape, "none", "sum:1", torch.float64)
    case(shape, "t", "norm2:1", torch.float64)
    case(shape, "none", "var:1", torch.float64)
for view in ["none", "permute201", "permute120"]:
    for spec in ["sum", "sum:0", "sum:2", "sum:0,2", "sum:1,2", "mean:0,1", "var:0,2", "norm2:1,2", "logsumexp:0,2"]:
        case([6, 20, 9], view, spec)
case([40010], "none", "sigmoid")  # two thread ranges, each with a scalar tail
for spec in ["prod", "prod:1"]:
    case([4, 6], "none", spec, scale=0.9)

for entry in INPUTS:
    del entry["tensor"]
print(json.dumps({"torch": torch.__version__, "inputs": INPUTS, "cases": CASES}))
