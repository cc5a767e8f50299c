#!/usr/bin/env python3
"""Generates a corpus of small lesson notebooks for the runner benchmark.

    ~/torch-venv/bin/python Benchmarks/runner/make_corpus.py OUT_DIR [--count N]

Writes OUT_DIR/md/lesson-NNNN.md (Litgrad notebooks) and OUT_DIR/ipynb/
lesson-NNNN.ipynb (the same cells, for `pytest --nbval`). Outputs come from
real PyTorch through tools/torch_reference.py, so the corpus is what a course
maintainer would commit. Each notebook draws three or four cells from four
kinds (tensor printing, a scalar autograd chain, a few nn.Linear + SGD steps,
f-string reports), with sizes and values varied by a per-notebook seed so no
two notebooks are the same program. Benchmark tooling only: tests and CI
never run it.
"""
import argparse
import json
import os
import random
import subprocess
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TORCH_REFERENCE = os.path.join(REPO, "tools", "torch_reference.py")


def tensor_printing(rng):
    rows, cols = rng.randint(2, 4), rng.randint(2, 5)
    seed = rng.randint(0, 9999)
    return ("Random tensors print with four decimals, aligned in columns.", f"""\
torch.manual_seed({seed})
x = torch.randn({rows}, {cols})
print(x)
print("column sums:", x.sum(dim=0))
print("shape:", x.shape, "dtype:", x.dtype)
r = torch.arange({rows * cols}).reshape({rows}, {cols})
print(r * 2 + 1)
""")


def scalar_chain(rng):
    w1, b1, w2 = rng.randint(1, 20), rng.randint(-3, 3), rng.randint(1, 30)
    x, label = rng.choice([1.0, 0.5, 2.0, -1.0]), rng.randint(100, 900)
    return ("A chain of scalars: forward pass, squared error, backward pass.", f"""\
x = torch.tensor({x})
w1 = torch.tensor({float(w1)}, requires_grad=True)
b1 = torch.tensor({float(b1)}, requires_grad=True)
w2 = torch.tensor({float(w2)}, requires_grad=True)
y = 2 * ((w1 * x + b1) * w2)
loss = (y - {float(label)}) ** 2
loss.backward()
print("y =", y)
print("loss =", loss)
print("grads:", w1.grad, b1.grad, w2.grad)
""")


def linear_sgd(rng):
    n_in, n_out = rng.randint(2, 5), rng.randint(1, 3)
    batch, steps = rng.randint(4, 8), rng.randint(3, 6)
    lr = rng.choice([0.01, 0.05, 0.1])
    seed = rng.randint(0, 9999)
    return ("A linear layer trained for a few steps of SGD.", f"""\
torch.manual_seed({seed})
model = nn.Linear({n_in}, {n_out})
opt = torch.optim.SGD(model.parameters(), lr={lr})
inputs = torch.randn({batch}, {n_in})
targets = torch.randn({batch}, {n_out})
loss_fn = nn.MSELoss()
for step in range({steps}):
    opt.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    opt.step()
    print(f"step {{step}}: loss = {{loss.item():.4f}}")
print(model.weight)
print(model.bias.grad)
""")


def fstring_report(rng):
    count = rng.randint(3, 6)
    scale = rng.choice([0.5, 1.5, 3.0])
    return ("Formatting numbers for a report with f-strings.", f"""\
values = [{scale} * k ** 2 - k for k in range({count})]
for i, v in enumerate(values):
    print(f"{{i:>3}} | {{v:8.3f}} | {{v:+.2e}}")
total = sum(values)
print(f"total = {{total:.2f}}, mean = {{total / len(values):.4f}}")
t = torch.tensor(values)
print(f"as a tensor: {{t}}")
print(f"{{'max':<6}}{{t.max().item():>10.3f}}")
""")


KINDS = [tensor_printing, scalar_chain, linear_sgd, fstring_report]


def notebook_text(index):
    rng = random.Random(index)
    kinds = rng.sample(KINDS, rng.randint(3, 4))
    parts = [f"---\ntitle: Generated lesson {index}\n---\n\n# Generated lesson {index}\n\n",
             "```python\nimport torch\nimport torch.nn as nn\n```\n"]
    for kind in kinds:
        prose, code = kind(rng)
        parts.append(f"\n{prose}\n\n```python\n{code}```\n")
    return "".join(parts)


def fill_outputs(paths):
    """Runs real PyTorch over the notebooks in batches (one process per batch)."""
    batch = 100
    for start in range(0, len(paths), batch):
        subprocess.run([sys.executable, TORCH_REFERENCE, *paths[start:start + batch]], check=True)


def cells_of(md_text):
    """(kind, text) pairs: "code" with its recorded output, or "markdown"."""
    lines = md_text.splitlines(keepends=True)
    cells, prose, i = [], [], 0
    if lines and lines[0].startswith("---"):
        i = lines.index("---\n", 1) + 1
    while i < len(lines):
        if lines[i].startswith("```python"):
            j = lines.index("```\n", i + 1)
            code = "".join(lines[i + 1:j])
            output = ""
            k = j + 1
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k < len(lines) and lines[k].startswith("```output"):
                end = lines.index("```\n", k + 1)
                output = "".join(lines[k + 1:end])
                j = end
            if "".join(prose).strip():
                cells.append(("markdown", "".join(prose).strip() + "\n", ""))
            prose = []
            cells.append(("code", code, output))
            i = j + 1
        else:
            prose.append(lines[i])
            i += 1
    if "".join(prose).strip():
        cells.append(("markdown", "".join(prose).strip() + "\n", ""))
    return cells


def ipynb_of(md_text):
    """An nbformat 4 notebook whose code cells carry the recorded outputs as
    executed cells (nbval skips comparing cells without an execution count)."""
    cells, executed = [], 0
    for number, (kind, text, output) in enumerate(cells_of(md_text)):
        cell_id = f"cell-{number}"
        if kind == "markdown":
            cells.append({"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": text})
            continue
        executed += 1
        outputs = [{"output_type": "stream", "name": "stdout", "text": output}] if output else []
        cells.append({"cell_type": "code", "id": cell_id, "execution_count": executed,
                      "metadata": {}, "outputs": outputs, "source": text.rstrip("\n")})
    return {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                        "language": "python"},
                         "language_info": {"name": "python"}}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    md_dir = os.path.join(args.out_dir, "md")
    nb_dir = os.path.join(args.out_dir, "ipynb")
    os.makedirs(md_dir, exist_ok=True)
    os.makedirs(nb_dir, exist_ok=True)
    paths = []
    for index in range(args.count):
        path = os.path.join(md_dir, f"lesson-{index:04d}.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(notebook_text(index))
        paths.append(path)
    fill_outputs(paths)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            notebook = ipynb_of(f.read())
        name = os.path.splitext(os.path.basename(path))[0] + ".ipynb"
        with open(os.path.join(nb_dir, name), "w", encoding="utf-8") as f:
            json.dump(notebook, f, indent=1)
    print(f"{args.count} notebooks in {md_dir} and {nb_dir}")


if __name__ == "__main__":
    main()
