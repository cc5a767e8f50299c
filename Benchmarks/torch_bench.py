"""Times the workloads of litgrad-bench with real PyTorch (CPU) and, given
litgrad-bench's output file, prints the ratio litgrad / torch per workload.

    python torch_bench.py [litgrad-bench-output.txt] [--threads N]

PyTorch's own thread pool spins while waiting; on a loaded two-core machine
`--threads 1` gives steadier figures (Litgrad runs on one thread).
"""
import sys
import time
import torch
import torch.nn as nn
import torch.nn.functional as F


def measure(fn, iterations, repeats=5):
    for _ in range(max(1, iterations // 10)):
        fn()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(iterations):
            fn()
        best = min(best, (time.perf_counter() - start) / iterations)
    return best


def scalar_chain():
    w1 = torch.tensor(10.0, requires_grad=True)
    b1 = torch.tensor(1.0, requires_grad=True)
    w2 = torch.tensor(20.0, requires_grad=True)
    label = torch.tensor(500.0)
    opt = torch.optim.SGD([w1, b1, w2], lr=1e-6)

    def step():
        y = 2 * ((w1 * 1 + b1) * w2)
        loss = F.mse_loss(y, label)
        loss.backward()
        opt.step()
        opt.zero_grad()
    return step


def scalar_chain_tensor_ops():
    w1 = torch.tensor(10.0, requires_grad=True)
    b1 = torch.tensor(1.0, requires_grad=True)
    w2 = torch.tensor(20.0, requires_grad=True)

    def step():
        y = 2 * ((w1 * 1 + b1) * w2)
        loss = (y - 500) ** 2
        loss.backward()
        with torch.no_grad():
            for p in (w1, b1, w2):
                p -= 1e-6 * p.grad
                p.grad = None
    return step


def cross_entropy(logits, targets):
    return -F.log_softmax(logits, 1).gather(1, targets.unsqueeze(1)).mean()


def mlp_step():
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x = torch.randn(64, 784)
    y = torch.randint(0, 10, (64,))

    def step():
        loss = cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        opt.zero_grad()
    return step


def conv_step():
    weight = (torch.randn(8, 1, 3, 3) * 0.3).requires_grad_()
    bias = torch.zeros(8, requires_grad=True)
    linear = nn.Linear(8 * 13 * 13, 10)
    opt = torch.optim.SGD([weight, bias, *linear.parameters()], lr=0.01)
    x = torch.randn(32, 1, 28, 28)
    y = torch.randint(0, 10, (32,))

    def step():
        h = F.max_pool2d(F.relu(F.conv2d(x, weight, bias)), 2).flatten(1)
        loss = cross_entropy(linear(h), y)
        loss.backward()
        opt.step()
        opt.zero_grad()
    return step


def matmul():
    a, b = torch.randn(1024, 1024), torch.randn(1024, 1024)
    return lambda: a @ b


def main():
    args = sys.argv[1:]
    if "--threads" in args:
        i = args.index("--threads")
        torch.set_num_threads(int(args[i + 1]))
        del args[i:i + 2]
    results = {
        "scalar chain step": measure(scalar_chain(), 20000),
        "scalar chain (tensor ops)": measure(scalar_chain_tensor_ops(), 20000),
        "mlp 784-128-10 step (b64)": measure(mlp_step(), 200),
        "conv step (b32, 1x28x28)": measure(conv_step(), 50),
        "matmul 1024 (Tensor)": measure(matmul(), 10),
    }
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    for name, seconds in results.items():
        print(f"{name:30s}{seconds * 1e6:12.2f} µs/iter")
    if args:
        ours = {}
        for line in open(args[0], encoding="utf-8"):
            name, _, rest = line[:30].strip(), None, line[30:].split()
            if len(rest) == 2 and rest[1] in ("µs/iter", "ms/iter"):
                ours[name] = float(rest[0]) * (1e-6 if rest[1] == "µs/iter" else 1e-3)
        print("ratio litgrad/torch (below 1 is faster):")
        for name, seconds in results.items():
            if name in ours:
                print(f"  {name:30s}{ours[name] / seconds:8.2f}")


if __name__ == "__main__":
    main()
