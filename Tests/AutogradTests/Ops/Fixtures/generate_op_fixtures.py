"""Produces op_cases.json: forward values, grad_fn names and gradients of the
ops in OpFixtureTests.swift, computed by real PyTorch.

Run with a PyTorch installation: python generate_op_fixtures.py > op_cases.json
Each case names an op that the Swift test table implements the same way.
Inputs are float32 unless stated; the backward seed is w[i] = ((7 i) mod 11 − 5) / 4.
"""
import json
import torch
import torch.nn.functional as F

torch.manual_seed(0)

def randn(*s, rg=True):
    return torch.randn(*s).requires_grad_(rg)

def pos(*s):
    return (torch.rand(*s) * 1.5 + 0.5).requires_grad_(True)

def ints(values):
    return torch.tensor(values)

def ties():
    return torch.tensor([[1., 3., 3.], [2., 2., 0.5]], requires_grad=True)

CASES = {
    # indexing
    "index_int": ([randn(3, 4)], lambda a: a[1]),
    "index_slice_step": ([randn(5, 4)], lambda a: a[1::2]),
    "index_neg_int_col": ([randn(3, 4)], lambda a: a[:, -1]),
    "index_none_ellipsis": ([randn(3, 4)], lambda a: a[..., None, 1:3]),
    "index_list": ([randn(4, 3)], lambda a: a[torch.tensor([0, 2, 2])]),
    "index_two_lists": ([randn(4, 3)], lambda a: a[torch.tensor([0, 3]), torch.tensor([1, 2])]),
    "index_list_after_slice": ([randn(4, 3, 2)], lambda a: a[1:, torch.tensor([0, 2])]),
    "index_separated_lists": ([randn(2, 3, 4)], lambda a: a[torch.tensor([0, 1]), :, torch.tensor([1, 3])]),
    "index_mask": ([randn(3, 4)], lambda a: a[a > 0]),
    "index_row_mask": ([randn(3, 4)], lambda a: a[torch.tensor([True, False, True])]),
    "index_int_then_list": ([randn(3, 4)], lambda a: a[1, torch.tensor([3, 0])]),
    "setitem_row_tensor": ([randn(3, 4), randn(4)], lambda a, v: assign(a * 1, (1,), v)),
    "setitem_list_scalar": ([randn(3, 4)], lambda a: assign(a * 1, (torch.tensor([0, 2]),), 5.0)),
    "setitem_mask_scalar": ([randn(3, 4)], lambda a: assign(a * 1, (a > 0,), 0.0)),
    "setitem_two_lists_tensor": ([randn(3, 4), randn(2)], lambda a, v: assign(a * 1, (torch.tensor([0, 2]), torch.tensor([1, 3])), v)),
    "setitem_column_scalar": ([randn(3, 4)], lambda a: assign(a * 1, (slice(None), 2), -1.0)),
    "setitem_all": ([randn(3, 4)], lambda a: assign(a * 1, (Ellipsis,), 2.0)),
    "gather": ([randn(3, 4)], lambda a: torch.gather(a, 1, torch.tensor([[0, 0], [3, 1], [2, 2]]))),
    "scatter_src": ([randn(3, 4), randn(3, 1)], lambda a, s: a.scatter(1, torch.tensor([[1], [0], [3]]), s)),
    "scatter_value": ([randn(3, 4)], lambda a: a.scatter(0, torch.tensor([[2, 1, 0, 0]]), 7.0)),
    "scatter_add": ([randn(3, 4), randn(3, 2)], lambda a, s: a.scatter_add(1, torch.tensor([[1, 1], [0, 3], [2, 2]]), s)),
    "index_select": ([randn(3, 4)], lambda a: a.index_select(1, torch.tensor([3, 0, 3]))),
    "masked_fill": ([randn(3, 4)], lambda a: a.masked_fill(a < 0, 0.5)),
    "masked_select": ([randn(3, 4)], lambda a: a.masked_select(a > 0.2)),
    # joining and shapes
    "cat0": ([randn(2, 3), randn(1, 3)], lambda a, b: torch.cat([a, b])),
    "cat1": ([randn(2, 3), randn(2, 2)], lambda a, b: torch.cat([a, b], dim=1)),
    "stack1": ([randn(2, 3), randn(2, 3)], lambda a, b: torch.stack([a, b], dim=1)),
    "split_piece": ([randn(5, 2)], lambda a: a.split(2)[2]),
    "chunk_piece": ([randn(2, 5)], lambda a: a.chunk(2, 1)[1]),
    "unbind_piece": ([randn(3, 2)], lambda a: a.unbind(1)[1]),
    "narrow": ([randn(3, 4)], lambda a: a.narrow(1, 1, 2)),
    "flatten": ([randn(2, 3, 2)], lambda a: a.flatten(1)),
    "unflatten": ([randn(2, 6)], lambda a: a.unflatten(1, (3, 2))),
    "squeeze_dims": ([randn(2, 1, 3, 1)], lambda a: a.squeeze((1, 3))),
    "repeat": ([randn(2, 3)], lambda a: a.repeat(2, 1, 2)),
    "expand_as": ([randn(3, 1)], lambda a: a.expand_as(torch.ones(2, 3, 4))),
    "flip": ([randn(2, 3)], lambda a: a.flip(1)),
    "T": ([randn(2, 3)], lambda a: a.T),
    # reductions
    "max_all_ties": ([ties()], lambda a: a.max()),
    "min_all": ([randn(3, 4)], lambda a: a.min()),
    "max_dim": ([randn(3, 4)], lambda a: a.max(1).values),
    "max_dim_keepdim_ties": ([ties()], lambda a: a.max(1, keepdim=True)[0]),
    "min_dim0": ([randn(3, 4)], lambda a: a.min(0).values),
    "amax_ties": ([ties()], lambda a: a.amax(1)),
    "amin_all": ([randn(3, 4)], lambda a: a.amin()),
    "softmax1": ([randn(3, 4)], lambda a: a.softmax(1)),
    "softmax0": ([randn(3, 4)], lambda a: F.softmax(a, dim=0)),
    "log_softmax1": ([randn(3, 4)], lambda a: F.log_softmax(a, dim=1)),
    "log_softmax_big": ([randn(2, 3) * 50], lambda a: F.log_softmax(a, dim=-1)),
    "logsumexp": ([randn(3, 4)], lambda a: a.logsumexp(1)),
    "var": ([randn(3, 4)], lambda a: a.var()),
    "std_dim": ([randn(3, 4)], lambda a: a.std(1)),
    "var_biased": ([randn(3, 4)], lambda a: a.var(0, unbiased=False)),
    "norm": ([randn(3, 4)], lambda a: a.norm()),
    "norm1_dim": ([randn(3, 4)], lambda a: a.norm(1, dim=1)),
    "norm_inf": ([randn(3, 4)], lambda a: torch.linalg.vector_norm(a, float('inf'))),
    "prod": ([pos(2, 3)], lambda a: a.prod()),
    "prod_dim": ([pos(2, 3)], lambda a: a.prod(1)),
    "cumsum": ([randn(3, 4)], lambda a: a.cumsum(1)),
    "sum_dims": ([randn(2, 3, 4)], lambda a: a.sum((0, 2))),
    "mean_keepdim": ([randn(2, 3, 4)], lambda a: a.mean(1, keepdim=True)),
    # elementwise
    "clamp": ([randn(3, 4)], lambda a: a.clamp(-0.5, 0.5)),
    "clamp_min": ([randn(3, 4)], lambda a: a.clamp(min=0)),
    "clamp_min_method": ([randn(3, 4)], lambda a: a.clamp_min(0.1)),
    "clamp_max_method": ([randn(3, 4)], lambda a: a.clamp_max(0.1)),
    "maximum": ([randn(3, 4), randn(4)], lambda a, b: torch.maximum(a, b)),
    "minimum": ([randn(3, 4), randn(3, 4)], lambda a, b: torch.minimum(a, b)),
    "gelu": ([randn(3, 4)], lambda a: F.gelu(a)),
    "gelu_tanh": ([randn(3, 4)], lambda a: F.gelu(a, approximate='tanh')),
    "elu": ([randn(3, 4)], lambda a: F.elu(a)),
    "softplus": ([randn(3, 4)], lambda a: F.softplus(a)),
    "silu": ([randn(3, 4)], lambda a: F.silu(a)),
    "leaky_relu": ([randn(3, 4)], lambda a: F.leaky_relu(a, 0.1)),
    "hardtanh": ([randn(3, 4)], lambda a: F.hardtanh(a)),
    "logsigmoid": ([randn(3, 4)], lambda a: F.logsigmoid(a)),
    "log2": ([pos(3, 4)], lambda a: a.log2()),
    "log10": ([pos(3, 4)], lambda a: a.log10()),
    "tan": ([randn(3, 4)], lambda a: a.tan()),
    "square": ([randn(3, 4)], lambda a: a.square()),
    "floor": ([randn(3, 4) * 3], lambda a: a.floor()),
    "round": ([torch.tensor([0.5, 1.5, 2.5, -0.5, -1.7, 3.2], requires_grad=True)], lambda a: a.round()),
    "frac": ([randn(3, 4) * 3], lambda a: a.frac()),
    "sigmoid": ([randn(3, 4)], lambda a: a.sigmoid()),
    "tanh": ([randn(3, 4)], lambda a: a.tanh()),
    "relu": ([randn(3, 4)], lambda a: a.relu()),
    "exp": ([randn(3, 4)], lambda a: a.exp()),
    "rsub": ([randn(3, 4)], lambda a: 1 - a),
    "rdiv": ([pos(3, 4)], lambda a: 2 / a),
    "pow_tensor": ([pos(3, 4), randn(3, 4)], lambda a, b: a ** b),
    "where": ([randn(3, 4), randn(3, 4)], lambda a, b: torch.where(a > b, a, b)),
    "to_double": ([randn(3, 4)], lambda a: a.double()),
    # linear algebra
    "mm": ([randn(2, 3), randn(3, 4)], lambda a, b: a @ b),
    "vec_mat": ([randn(3), randn(3, 4)], lambda a, b: a @ b),
    "mat_vec": ([randn(2, 3), randn(3)], lambda a, b: a @ b),
    "dot": ([randn(3), randn(3)], lambda a, b: a @ b),
    "bmm3d2d": ([randn(2, 2, 3), randn(3, 4)], lambda a, b: a @ b),
    "addmm": ([randn(4), randn(2, 3), randn(3, 4)], lambda c, a, b: torch.addmm(c, a, b)),
    # convolution and pooling
    "conv2d": ([randn(2, 2, 5, 5), randn(3, 2, 3, 3), randn(3)], lambda x, w, b: F.conv2d(x, w, b)),
    "conv2d_stride_pad": ([randn(1, 2, 6, 5), randn(2, 2, 3, 2)], lambda x, w: F.conv2d(x, w, stride=2, padding=1)),
    "conv2d_same_dilation": ([randn(1, 1, 6, 6), randn(2, 1, 3, 3), randn(2)], lambda x, w, b: F.conv2d(x, w, b, padding='same', dilation=2)),
    "conv2d_same_even": ([randn(1, 1, 5, 5), randn(1, 1, 2, 2)], lambda x, w: F.conv2d(x, w, padding='same')),
    "conv2d_unbatched": ([randn(2, 4, 4), randn(1, 2, 3, 3)], lambda x, w: F.conv2d(x, w)),
    "max_pool2d": ([randn(2, 2, 4, 4)], lambda x: F.max_pool2d(x, 2)),
    "max_pool2d_overlap": ([randn(1, 1, 5, 5)], lambda x: F.max_pool2d(x, 3, stride=2, padding=1)),
    "max_pool2d_ceil": ([randn(1, 2, 5, 5)], lambda x: F.max_pool2d(x, 2, ceil_mode=True)),
    "avg_pool2d": ([randn(2, 1, 4, 4)], lambda x: F.avg_pool2d(x, 2)),
    "avg_pool2d_pad": ([randn(1, 1, 5, 5)], lambda x: F.avg_pool2d(x, 3, 2, 1)),
    "avg_pool2d_nopadcount": ([randn(1, 1, 5, 5)], lambda x: F.avg_pool2d(x, 3, 2, 1, count_include_pad=False)),
    "adaptive_avg_pool2d": ([randn(1, 2, 5, 5)], lambda x: F.adaptive_avg_pool2d(x, (2, 3))),
    "adaptive_avg_pool2d_1": ([randn(2, 2, 3, 3)], lambda x: F.adaptive_avg_pool2d(x, 1)),
    # cross-entropy from primitives
    "nll_via_gather": ([randn(4, 3)], lambda x: -F.log_softmax(x, 1).gather(1, torch.tensor([[0], [2], [1], [2]])).mean()),
}

def assign(t, index, value):
    t[index] = value
    return t

def weights(n):
    return torch.tensor([((7 * i) % 11 - 5) / 4 for i in range(n)])

def encode(t):
    if t.dtype in (torch.float32, torch.float64):
        return [float(v) for v in t.detach().reshape(-1).tolist()]
    return [int(v) for v in t.reshape(-1).tolist()]

cases = []
for name, (inputs, fn) in CASES.items():
    leaves = [t.detach().clone().requires_grad_(t.requires_grad) for t in inputs]
    out = fn(*leaves)
    case = {
        "name": name,
        "inputs": [{"shape": list(t.shape), "values": encode(t), "requires_grad": t.requires_grad} for t in leaves],
        "shape": list(out.shape),
        "dtype": str(out.dtype).replace("torch.", ""),
        "values": encode(out),
        "grad_fn": type(out.grad_fn).__name__ if out.grad_fn is not None else None,
    }
    if out.requires_grad:
        out.backward(weights(out.numel()).reshape(out.shape).to(out.dtype))
        case["grads"] = [encode(t.grad) if t.grad is not None else None for t in leaves]
    cases.append(case)

print(json.dumps({"torch": torch.__version__, "cases": cases}, indent=0))
