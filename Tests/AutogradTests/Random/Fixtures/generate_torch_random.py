"""Regenerates the PyTorch RNG fixtures of TorchRandomTests.

Run with the reference PyTorch (CPU, x86-64 with AVX2):
    ~/torch-venv/bin/python generate_torch_random.py

Every fixture line is one operation on the global generator in the op
language that TorchRandomTests interprets, followed by what real PyTorch
produced, as raw bit patterns (floats) or two's-complement words (ints).
"""
import struct
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

HERE = __file__.rsplit("/", 1)[0]


def f32_bits(values):
    return [struct.unpack("<I", struct.pack("<f", v))[0] for v in values]


def f64_bits(values):
    return [struct.unpack("<Q", struct.pack("<d", v))[0] for v in values]


def int_words(values):
    return [v & 0xFFFFFFFFFFFFFFFF for v in values]


def tensor_words(t):
    t = t.detach().flatten()
    if t.dtype == torch.float32:
        return f32_bits(t.tolist())
    if t.dtype == torch.float64:
        return f64_bits(t.tolist())
    return int_words(t.tolist())


DTYPES = {"f32": torch.float32, "f64": torch.float64, "i64": torch.int64}
saved_state = []


def run(op):
    """Performs one op line (without results) and returns its output words."""
    w = op.split()
    name, args = w[0], w[1:]
    if name == "seed":
        torch.manual_seed(int(args[0]))
        return []
    if name == "initial_seed":
        return [torch.initial_seed()]
    if name == "save":
        saved_state.append(torch.get_rng_state())
        return []
    if name == "restore":
        torch.set_rng_state(saved_state.pop())
        return []
    if name == "rand":
        return tensor_words(torch.rand(int(args[1]), dtype=DTYPES[args[0]]))
    if name == "uniform":
        t = torch.empty(int(args[1]), dtype=DTYPES[args[0]])
        return tensor_words(t.uniform_(float(args[2]), float(args[3])))
    if name == "randn":
        return tensor_words(torch.randn(int(args[1]), dtype=DTYPES[args[0]]))
    if name == "normal":
        t = torch.empty(int(args[1]), dtype=DTYPES[args[0]])
        return tensor_words(t.normal_(float(args[2]), float(args[3])))
    if name == "normal_strided":
        # Every second element of a buffer: not contiguous, so the scalar path.
        t = torch.empty(int(args[1]), 2, dtype=DTYPES[args[0]])[:, 0]
        assert t.numel() == 1 or not t.is_contiguous()
        return tensor_words(t.normal_(float(args[2]), float(args[3])))
    if name == "randint":
        return tensor_words(torch.randint(int(args[0]), int(args[1]), (int(args[2]),)))
    if name == "random_full":
        return tensor_words(torch.empty(int(args[1]), dtype=DTYPES[args[0]]).random_())
    if name == "randperm":
        return tensor_words(torch.randperm(int(args[0])))
    if name == "bernoulli_scalar":
        return tensor_words(torch.empty(int(args[0])).bernoulli_(float(args[1])).long())
    if name == "bernoulli_probs":
        n = int(args[1])
        probs = torch.tensor([(i + 0.5) / n for i in range(n)], dtype=DTYPES[args[0]])
        return tensor_words(torch.bernoulli(probs).long())
    if name == "dropout":
        n = int(args[0])
        x = torch.tensor([(i + 1) * 0.25 for i in range(n)])
        return tensor_words(F.dropout(x, float(args[1]), training=True))
    if name == "dataloader":
        n, shuffle = int(args[0]), args[1] == "1"
        it = iter(DataLoader(list(range(n)), batch_size=n, shuffle=shuffle))
        order = next(it).tolist()
        list(it)
        return int_words([it._base_seed] + order)
    if name == "linear":
        layer = torch.nn.Linear(int(args[0]), int(args[1]))
        return tensor_words(layer.weight) + tensor_words(layer.bias)
    if name == "conv2d":
        layer = torch.nn.Conv2d(int(args[0]), int(args[1]), int(args[2]))
        return tensor_words(layer.weight) + tensor_words(layer.bias)
    if name == "xavier_uniform":
        return tensor_words(torch.nn.init.xavier_uniform_(torch.empty(int(args[0]), int(args[1]))))
    if name == "xavier_normal":
        return tensor_words(torch.nn.init.xavier_normal_(torch.empty(int(args[0]), int(args[1]))))
    if name == "kaiming_normal":
        return tensor_words(torch.nn.init.kaiming_normal_(torch.empty(int(args[0]), int(args[1])), nonlinearity="relu"))
    raise ValueError(op)


def fnv1a32(words):
    h = 0x811C9DC5
    for word in words:
        for byte in word.to_bytes(8, "little"):
            h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


SEEDS = list(range(20)) + [2**31 - 1, 2**32 + 5, 987654321, 123456789012, 2**64 - 1, 2**63 + 12345]
SIZES = [1, 2, 3, 9, 15, 16, 17, 31, 32, 33, 100, 1000]
CHAIN_KINDS = [
    "rand f32", "rand f64",
    "uniform f32 {} -0.37 2.5", "uniform f64 {} -0.37 2.5",
    "randn f32", "randn f64",
    "normal f32 {} 0.3 1.7", "normal f64 {} 0.3 1.7",
    "normal_strided f32 {} 0.3 1.7", "normal_strided f64 {} -2.5 0.1",
    "randint -5 7 {}", "randint 0 1099511627776 {}",
    "randint -9223372036854775808 9223372036854775807 {}",
    "randperm {}", "random_full i64 {}", "random_full f32 {}", "random_full f64 {}",
    "bernoulli_scalar {} 0.3", "bernoulli_probs f32 {}", "bernoulli_probs f64 {}",
    "dropout {} 0.3",
]


def chain_op(kind, n):
    return kind.format(n) if "{}" in kind else f"{kind} {n}"


def write_chains():
    """For each seed and op kind: every size twice in a row, one digest each."""
    with open(f"{HERE}/torch_random_chains.txt", "w") as out:
        out.write("# kind | seed | size=fnv1a32 of the output words, each size twice in a row\n")
        for kind in CHAIN_KINDS:
            for seed in SEEDS:
                torch.manual_seed(seed)
                cells = []
                for n in SIZES:
                    for _ in range(2):
                        cells.append(f"{n}={fnv1a32(run(chain_op(kind, n))):08x}")
                out.write(f"{kind} | {seed} | {' '.join(cells)}\n")
        # Long runs: many blocks, many twists.
        for kind, n in [("randn f32", 100000), ("randn f64", 20000), ("normal f32 {} -1.5 3.25", 50000)]:
            for seed in [0, 7, 31337]:
                torch.manual_seed(seed)
                out.write(f"{kind} | {seed} | {n}={fnv1a32(run(chain_op(kind, n))):08x}\n")


SCENARIOS = """
# §3.7 reference outputs
seed 0
rand f32 3
seed 0
randn f32 3
seed 0
randn f32 6
seed 0
randn f32 16
seed 0
randint 0 10 5
seed 0
randperm 5
seed 0
rand f64 4
seed 0
randn f64 3
seed 42
rand f32 2
# randn(17) shares only element 0 with randn(16)
seed 0
randn f32 17
# the cache: randn(1), randn(1), randn(2) == randn(4); shared across dtypes
seed 0
randn f32 1
randn f32 1
randn f32 2
seed 0
randn f32 3
randn f32 1
randn f64 1
randn f32 3
randn f64 2
randn f32 16
randn f32 1
rand f32 2
randn f32 1
seed 5
randn f32 3
normal f64 5 10.0 0.5
randn f32 20
randn f32 1
randn f64 17
randn f32 1
# seeding clears the cache
seed 0
randn f32 1
seed 0
randn f32 2
# save / restore includes the cache and the seed
seed 7
randn f32 1
save
randn f32 3
seed 8
restore
initial_seed
randn f32 3
# only the low 32 bits seed the engine; initial_seed keeps all 64
seed 4294967301
initial_seed
rand f32 4
seed 5
rand f32 4
seed 18446744073709551615
initial_seed
rand f32 4
# default initialisation, in construction order
seed 0
linear 4 2
seed 0
linear 10 20
linear 3 1
seed 3
conv2d 3 6 5
conv2d 1 2 3
# nn.init on (out, in) weights
seed 0
xavier_uniform 20 10
xavier_normal 3 4
xavier_normal 8 8
kaiming_normal 20 10
kaiming_normal 2 3
# dropout, bernoulli, DataLoader epochs
seed 0
dropout 10 0.3
dropout 20 0.5
dropout 4 0.0
dropout 4 1.0
rand f32 1
seed 0
dataloader 10 1
dataloader 10 1
dataloader 10 0
rand f32 2
seed 11
dataloader 100 1
randn f32 2
"""

SCENARIO_SEEDS_FOR_INIT = [1, 2, 19, 2**31 - 1, 123456789012]


def write_scenarios():
    lines = SCENARIOS.strip().splitlines()
    for seed in SCENARIO_SEEDS_FOR_INIT:
        lines += [f"seed {seed}", "linear 10 20", "conv2d 3 6 5", "dataloader 37 1", "dropout 33 0.3"]
    with open(f"{HERE}/torch_random_scenarios.txt", "w") as out:
        out.write("# op -> output words (hex) as real PyTorch produced them\n")
        for line in lines:
            if line.startswith("#"):
                out.write(line + "\n")
                continue
            words = run(line)
            out.write(f"{line} -> {' '.join(f'{w:x}' for w in words)}\n".replace(" -> \n", " ->\n"))


if __name__ == "__main__":
    write_scenarios()
    write_chains()
