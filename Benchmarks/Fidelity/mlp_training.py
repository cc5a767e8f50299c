"""The fidelity workloads of Benchmarks/README.md in real PyTorch: seeded MLPs
built from tensor ops, trained with hand-written SGD (`p -= lr * p.grad` under
no_grad), printing the loss of every step and the final weights as a notebook
would. `fidelity-mlp` prints the same text from Litgrad; compare_fidelity.py
diffs the two.

    python mlp_training.py CONFIG FIRST_SEED COUNT
"""
import sys
import torch
import torch.nn.functional as F

# name: (samples, inputs, hidden, outputs, loss, layer form, lr, steps, activation)
CONFIGS = {
    "reg": (100, 3, 16, 1, "mse", "mm", 0.05, 50, "relu"),
    "cls": (64, 4, 16, 3, "ce", "addmm", 0.1, 50, "relu"),
    "wide": (128, 20, 64, 10, "ce", "addmm", 0.05, 50, "relu"),
    "sig": (64, 2, 8, 1, "mse", "mm", 0.5, 50, "sigmoid"),
}


def linear(x, w, b, form):
    return torch.addmm(b, x, w.t()) if form == "addmm" else x.mm(w.t()) + b


def run(config, seed):
    n, d_in, hidden, d_out, loss_kind, form, lr, steps, activation = CONFIGS[config]
    torch.manual_seed(seed)
    x = torch.randn(n, d_in)
    if loss_kind == "mse":
        # (sin, exp, tanh… are MKL VML calls in PyTorch: kept out of the data on purpose)
        y = x.pow(2).sum(1, keepdim=True) * 0.5 + 0.1 * torch.randn(n, 1)
    else:
        y = torch.randint(0, d_out, (n,))
    w1 = (torch.randn(hidden, d_in) * 0.5).requires_grad_()
    b1 = torch.zeros(hidden, requires_grad=True)
    w2 = (torch.randn(d_out, hidden) * 0.3).requires_grad_()
    b2 = torch.zeros(d_out, requires_grad=True)
    lines = []
    exact = []
    for step in range(steps):
        h = linear(x, w1, b1, form)
        h = h.relu() if activation == "relu" else h.sigmoid()
        out = linear(h, w2, b2, form)
        loss = F.mse_loss(out, y) if loss_kind == "mse" else F.cross_entropy(out, y)
        loss.backward()
        with torch.no_grad():
            for p in (w1, b1, w2, b2):
                p -= lr * p.grad
                p.grad = None
        lines.append(f"{step} {loss.item():.4f}")
        exact.append(f"{loss.item():.9g}")
    lines.append(repr(w2))
    lines.append(repr(b2))
    # Exact bits too, to measure drift below printing precision.
    lines.append("lossbits " + " ".join(exact))
    lines.append("bits " + " ".join(f"{v:.9g}" for v in torch.cat([w1.flatten(), w2.flatten()]).tolist()))
    return lines


if __name__ == "__main__":
    config, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for seed in range(first, first + count):
        print(f"== {config} seed {seed}")
        print("\n".join(run(config, seed)))
