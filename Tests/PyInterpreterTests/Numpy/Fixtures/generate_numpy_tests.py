#!/usr/bin/env python3
"""Writes NumpyModuleTests.swift and NumpyRandomTests.swift: each case's
expected output is what real NumPy 2 prints for it. Maintainers run this
with NumPy installed; the tests themselves never need Python.

    python Tests/PyInterpreterTests/Numpy/Fixtures/generate_numpy_tests.py
"""
import contextlib
import io
import os
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))

MODULE_CASES = {
    "Promotion": """
        import numpy as np
        i = np.array([1, 2, 3])
        f = np.array([0.5, 1.5, 2.5])
        s = np.array([1, 2], dtype=np.float32)
        print(repr(i + 1), repr(i * 1.5), repr(i / 2), repr(i // 2), repr(i % 2), repr(i ** 2))
        print(repr(f + i), repr(s + 1.5), repr(s * np.array([2, 3])), repr(s + np.array([1., 2.])))
        print((i > 1).dtype, repr(np.array([True, False]) + 1), repr(2 ** i), repr(1 - f))
        print(repr(np.array(2.5) + 1), repr(np.array([[1, 2]]) @ np.array([[3], [4]])))
    """,
    "Broadcasting": """
        import numpy as np
        a = np.arange(6).reshape(2, 3)
        b = np.array([10., 20., 30.])
        print(a + b)
        print(a * np.array([[1], [2]]))
        print(a - a.mean(axis=0))
        print(a @ b, b @ a.T, np.dot(b, b))
    """,
    "IndexingAndAssignment": """
        import numpy as np
        a = np.arange(12).reshape(3, 4).astype(np.float64)
        print(a[1], a[:, 2], a[1:, ::2], a[-1, -1], a[[0, 2]], a[None].shape)
        a[0] = 7
        a[1, 1:3] = [-1, -2]
        a[a > 9] = 0
        print(a)
        m = a < 0
        print(m, m.sum(), a[m])
        b = a.copy(); b[0, 0] = 100
        print(a[0, 0], b[0, 0])
    """,
    "BasicIndexingGivesViews": """
        import numpy as np
        a = np.arange(12.).reshape(3, 4)
        r = a[1]
        r[0] = 100
        c = a[:, 2]
        c *= -1
        print(a, c)
        for row in a:
            row -= row.mean()
        a[0][1] = 7
        b = a[[0, 1]]
        b[0, 0] = 999
        m = a[a > 0]
        m[0] = 555
        print(a, b, m)
        s = a[1:, ::2]
        print(s, s.shape, s.sum(), s.T, s.reshape(4), s + 1, repr(s))
        s[...] = 0
        print(a)
    """,
    "ReshapeAndTransposeGiveViews": """
        import numpy as np
        a = np.arange(6.)
        b = a.reshape(2, 3)
        b[0, 0] = 10
        t = b.T
        t[2, 1] = -5
        r = b.ravel()
        r[1] = 7
        print(a, b, t, r, t.shape, repr(t), t.sum(axis=0), t @ b, t.copy().flatten(), t + 1, t[0])
    """,
    "InPlaceUpdates": """
        import numpy as np
        w = np.ones((2, 2))
        v = w
        w -= 0.25 * np.array([[1., 2.], [3., 4.]])
        w *= 2
        w /= 4
        print(v, v is w)
        c = np.zeros(3, dtype=np.int64)
        c += 2
        print(c, c.dtype)
    """,
    "Reductions": """
        import numpy as np
        np.random.seed(7)
        a = np.random.randn(4, 5)
        print(a.sum(), a.mean(), a.std(), a.var(), a.max(), a.min())
        print(a.sum(axis=0), a.mean(axis=1), a.max(axis=1), a.argmax(axis=0), a.argmin())
        print(a.sum(axis=(0, 1)), a.mean(axis=-1, keepdims=True).shape, a.std(axis=0, ddof=1))
        i = np.arange(10)
        print(repr(i.sum()), repr(i.mean()), repr(i.max()), repr(i.argmax()), i.var())
        print(repr(np.sum(a)), np.mean(a, axis=0).shape, np.max(i), np.argmax(a))
        b = np.random.randn(300)
        print(repr(b.sum()), repr(b.mean()), repr(b.std()))
    """,
    "Creation": """
        import numpy as np
        print(repr(np.zeros(3)), repr(np.ones((2, 2), dtype=np.int64)), repr(np.full((2,), 3.5)))
        print(repr(np.arange(4)), repr(np.arange(1, 2, 0.25)), repr(np.linspace(0, 1, 4)))
        print(np.eye(2), repr(np.zeros_like(np.arange(3))), repr(np.ones_like(np.zeros(2))))
        print(repr(np.array([[1, 2], [3, 4]])), repr(np.array([1.5, 2])), repr(np.asarray([True, False])))
        print(repr(np.array([1, 2], dtype=float)), np.array([1, 2], dtype="float32").dtype)
        a = np.arange(3)
        print(a[:, np.newaxis].shape, a[np.newaxis].shape, np.newaxis, np.inf, -np.inf < 0, np.isnan if False else np.nan != np.nan)
    """,
    "Ufuncs": """
        import numpy as np
        x = np.array([-2., -0.5, 0., 1., 3.])
        print(np.exp(x), np.tanh(x), np.abs(x), np.square(x))
        print(np.sqrt(np.abs(x)), np.log(np.abs(x) + 1), np.sin(x), np.cos(x))
        print(np.maximum(x, 0), np.minimum(x, 0.5), np.clip(x, -1, 1), x.clip(0, 2))
        print(np.where(x > 0, x, 0.01 * x), np.round(x / 3, 3), (x / 3).round(2))
        print(np.allclose(x, x + 1e-9), np.allclose(x, x + 1e-3), np.isclose(x, 0))
        print(np.exp(np.arange(3)), np.outer([1, 2], [3, 4, 5]))
    """,
    "Joining": """
        import numpy as np
        a = np.array([[1, 2], [3, 4]])
        b = np.array([[5., 6.]])
        print(np.concatenate([a, b]), np.concatenate([a, a], axis=1))
        print(np.stack([a, a]).shape, np.stack([np.arange(2), np.arange(2)], axis=1))
        print(np.vstack([np.arange(3), np.arange(3)]), np.hstack([np.arange(2), np.arange(3)]))
    """,
    "ArrayProtocol": """
        import numpy as np
        a = np.array([[1.5, 2.5], [3.5, 4.5]])
        print(len(a), a.shape, a.ndim, a.size, a.dtype, a.T, a.reshape(4), a.flatten())
        print(a.tolist(), a[0, 1].item(), float(a[1, 1]), int(np.array([7])[0]), a.astype(np.int64))
        for row in a:
            print(row, row.sum())
        print(-a, abs(-a), a.dot(a), np.pi, np.e)
        print(a.dtype == np.float64, np.arange(2).dtype == np.int64, a.astype(np.float32).dtype.name)
    """,
    "Scalars": """
        import numpy as np
        a = np.array([1.25, 2.5])
        i = np.array([4, 5])
        m = a.mean()
        print(m, repr(m), [m, a[0]], i[1], repr(i[1]), [i.sum(), i.argmax()])
        print(m + 1, repr(m * 2), repr(i[0] + 1), repr(i[0] / 2), repr(i[0] * 0.5), f"{m:.3f}", f"{i[0]:02d}")
        print(["x", "y"][i.argmin()], list(range(i[0])), {i[0]: "four"}[4], m > 1, i[0] == 4)
        f = np.array([0.1, 0.2], dtype=np.float32)
        print(f.sum(), repr(f.sum()), repr(f[0] * 2), repr(f.mean()))
        x = np.float64(1.5)
        print(x, repr(x), repr(np.float32(0.1)), repr(np.int64(7)), np.int64(2.9), repr(np.float64(3)), np.float64(2) * np.arange(3))
        print(repr(x + 1), repr(np.float32(0.1) + 1), [np.float64(0.25), np.int64(3)], np.float64(), repr(np.float64(np.float32(0.1))))
        print(isinstance(np.arange(3), np.ndarray), type(np.arange(3)).__name__, type(x).__name__)
    """,
    "TorchInterop": """
        import numpy as np
        import torch
        a = np.array([[1., 2.], [3., 4.]])
        t = torch.from_numpy(a)
        print(t, t.dtype)
        a[0, 0] = 10
        print(t[0, 0].item())
        print(torch.tensor(a).dtype, torch.as_tensor(np.arange(3)), torch.tensor(np.float32(1.5) if False else a.astype(np.float32)))
        print(t.numpy().sum(), (t * 2).numpy())
    """,
    "ShapeLogicAndNorm": """
        import numpy as np
        np.random.seed(2)
        a = np.random.randn(3, 4)
        print(np.transpose(a).shape, np.reshape(a, (2, 6)).shape, np.squeeze(np.ones((1, 3, 1))).shape, np.expand_dims(np.arange(3), -1).shape)
        print(np.sign(a), np.any(a > 2), np.all(a > -3), (a > 0).any(axis=0), a.all(axis=1), np.ones((1, 2)).squeeze())
        print(np.linalg.norm(a, axis=1), np.linalg.norm(a, axis=0, keepdims=True), np.linalg.norm(np.arange(4)))
        print("%.10f" % np.linalg.norm(a), f"{np.linalg.norm(a - 1) / np.linalg.norm(a + 1):e}")
    """,
    "BoolScalarsAndNonzero": """
        import numpy as np
        a = np.arange(3.)
        i = np.arange(3)
        print(a == 1, repr(a[0] == 0.0), [a[1] > 0, i[2] == 2, np.float32(1) < 2], repr(np.any(a > 1)), repr((a > 1)[2]))
        t = a[1] > 0
        print(t + 1, repr(t + 1), repr(t * 2.5), ~t, t & False, int(t), not t, {t: "yes"}[True], np.bool_(0), repr(np.bool_(3)))
        correct = 0
        for p, q in zip(np.array([1, 2, 3]), np.array([1, 0, 3])):
            correct += p == q
        print(correct, repr(correct))
        print(np.where(a > 0), np.nonzero(np.array([[0, 1], [2, 0]])), np.array([True, False]).dtype == np.bool_)
    """,
    "NumpyBridgeSharesMemory": """
        import torch
        import numpy as np
        a = torch.ones(5)
        b = a.numpy()
        a.add_(1)
        print(a, b)
        a = np.ones(5)
        b = torch.from_numpy(a)
        np.add(a, 1, out=a)
        print(a, b)
        t = torch.arange(6.).reshape(2, 3)
        t.numpy()[0, 0] = 42
        print(t, repr(torch.tensor(3.5).numpy()))
        x = np.zeros(3)
        np.exp(x, out=x)
        print(x)
    """,
    "PrintOptions": """
        import numpy as np
        a = np.array([1/3, 2e-6, 10.5])
        np.set_printoptions(precision=3)
        print(a, repr(a), np.float64(1/3), np.array([1/3]), np.array([1e-10, 1.]), np.float32(1/3), np.array([1/3], dtype=np.float32))
        np.set_printoptions(suppress=True)
        print(a, np.array([1e-10, 1.]), np.array([1e9, 1.]), np.array([[0.5, -1e-7], [123.456789, 2]]))
        np.set_printoptions(precision=4, suppress=True)
        np.random.seed(0)
        print(np.random.randn(3, 3) * 1e-3, np.arange(3) / 7)
        np.set_printoptions(precision=8, suppress=False)
        print(a)
    """,
    "ScalarsWithBuiltins": """
        import numpy as np
        import math
        a = np.array([0.125, 2.5, -1.75])
        m = a.mean()
        l = [a[0], a[1], a[2]]
        print(round(m, 3), repr(round(m, 3)), round(a[1]), abs(a[2]), max(l), min(l), sum(l), sorted(l), math.exp(m), math.sqrt(a[1]))
        print("%.3f %s %r" % (m, m, m), "{:.2f}".format(m), str(m), float(m), m.item(), int(a[1]), m.round(2))
        i = np.arange(4)
        print(sum(i), max(i), round(i[2]), "%d" % i[3], math.factorial(i[3]), [0, 1, 2][i[1]], "ab" * i[2])
    """,
    "CopyAndClipOut": """
        import numpy as np
        g = np.array([[-7., 0.5], [9., -1.]])
        c = np.copy(g)
        np.clip(g, -5, 5, out=g)
        print(g, c, np.copy([1, 2]), repr(np.copy(np.float64(2.5))))
    """,
    "TorchWithNumpyValues": """
        import numpy as np
        import torch
        a = np.ones(2)
        t = torch.ones(2)
        print(t * np.float64(2), np.float64(2) * t, t * np.float32(3))
        print(torch.tensor([np.float64(1.0), 2.0]), torch.tensor(np.float32(2)), torch.tensor(np.int64(3)), torch.tensor([a[0], a[1]]))
        print(torch.from_numpy(a).float(), torch.tensor(a, dtype=torch.float32), torch.as_tensor(a).dtype)
        print(torch.from_numpy(np.arange(3)), torch.from_numpy(np.array([True, False])), torch.from_numpy(np.ones(2, dtype=np.float32)))
        print(torch.zeros(int(np.int64(3))), torch.arange(np.int64(3)), torch.arange(torch.tensor(3)), np.arange(np.arange(5)[3]))
    """,
    "Errors": """
        import numpy as np
        attempts = [
            lambda: np.ones(3) + np.ones(2),
            lambda: np.ones((2, 3)) @ np.ones((2, 3)),
            lambda: bool(np.ones(2)),
            lambda: np.ones(3)[5],
            lambda: np.ones(3).sum(axis=2),
            lambda: np.ones(3).reshape(2, 2),
            lambda: np.ones(3).reshape(4, -1),
            lambda: np.where(np.ones(2) > 0, np.ones(3), 0),
            lambda: np.random.seed(-1),
            lambda: np.arange(3) ** -1,
        ]
        for attempt in attempts:
            try:
                attempt()
            except Exception as e:
                print(type(e).__name__ + ":", e)
        c = np.zeros(2, dtype=np.int64)
        try:
            c += 1.5
        except TypeError as e:
            print(type(e).__name__ + ":", e)
        try:
            np.ones(2).max(axis=1)
        except IndexError as e:
            print("an IndexError too:", type(e).__name__)
    """,
}

RANDOM_CASES = {
    "Seeds": """
        import numpy as np
        for s in [0, 1, 42, 1234, 2**32 - 1]:
            np.random.seed(s)
            print(np.random.rand(3), np.random.random(), np.random.random((2,)))
    """,
    "GaussCachesSecondValue": """
        import numpy as np
        np.random.seed(0)
        print(np.random.randn(), np.random.randn(3), np.random.randn(2, 2))
        print(np.random.normal(1.0, 0.1, size=3), np.random.normal())
        np.random.seed(0)
        print(np.random.randn(5))
        print(repr(np.random.randn(1000).sum()))
    """,
    "ChoiceWithProbabilities": """
        import numpy as np
        np.random.seed(3)
        p = np.array([0.1, 0.2, 0.3, 0.4])
        print(np.random.choice(4, p=p), np.random.choice(4, 10, p=p), np.random.choice([1.5, 2.5], size=(2, 3), p=[0.5, 0.5]))
        x = np.random.randn(27)
        q = np.exp(x) / np.sum(np.exp(x))
        print([int(np.random.choice(range(27), p=q.ravel())) for _ in range(15)])
        print(np.random.choice(np.arange(4) * 10, p=[0, 0, 1, 0]), np.random.rand(), np.array(range(3)))
        for bad in [[0.5, 0.6], [-0.1, 1.1], [0.5, 0.5, 0.0]]:
            try:
                np.random.choice(2, p=bad)
            except ValueError as e:
                print(e)
    """,
    "Uniform": """
        import numpy as np
        np.random.seed(5)
        print(np.random.uniform(-1, 1, size=4), np.random.uniform(), np.random.uniform(2, 3, (2, 2)))
    """,
    "Randint": """
        import numpy as np
        for s in [0, 3, 99]:
            np.random.seed(s)
            print(np.random.randint(10), np.random.randint(0, 5, size=8), np.random.randint(-3, 3, (2, 3)))
            print(np.random.randint(1, 2, 3), np.random.randint(0, 2**32, size=2), np.random.randint(0, 2**40, size=3))
            print(np.random.randint(100, size=5), np.random.randint(-2**50, 2**50, size=2))
    """,
    "ShufflePermutationChoice": """
        import numpy as np
        for s in [0, 11]:
            np.random.seed(s)
            print(np.random.permutation(10), np.random.permutation(np.array([1.5, 2.5, 3.5])))
            l = list(range(8)); np.random.shuffle(l); print(l)
            a = np.arange(12).reshape(4, 3); np.random.shuffle(a); print(a)
            print(np.random.choice(5), np.random.choice(10, 4), np.random.choice([1.5, 2.5, 7.0], size=(2, 2)))
            print(np.random.choice(10, 3, replace=False), np.random.choice(np.array([3, 4, 5]), 2, replace=False))
            print(repr(np.random.choice(np.array([3, 4, 5]))))
    """,
}


def run(code):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<case>", "exec"), {"__name__": "__main__"})
    return out.getvalue()


def swift_string(text):
    # Multi-line Swift literal: escape backslashes and keep indentation of 8.
    body = text.replace("\\", "\\\\")
    return '"""\n' + "".join("        " + line + "\n" if line else "\n" for line in body.split("\n")) + '        """'


def write(name, doc, cases):
    lines = ["import XCTest", "@testable import PyInterpreter", "",
             f"/// {doc}", f"/// Generated by Fixtures/generate_numpy_tests.py from real NumPy 2; do not edit by hand.",
             f"final class {name}: InterpreterTestCase {{"]
    for case, code in cases.items():
        code = textwrap.dedent(code).strip("\n")
        lines += [f"    func test{case}() {{",
                  f"        assertOutput({swift_string(code)}, {swift_string(run(code))})",
                  "    }", ""]
    lines[-1] = "}"
    with open(os.path.join(HERE, "..", f"{name}.swift"), "w") as f:
        f.write("\n".join(lines) + "\n")


write("NumpyModuleTests", "`numpy` arrays: NumPy 2 promotion, broadcasting, indexing, reductions, creation, ufuncs, scalars and torch interop.", MODULE_CASES)
write("NumpyRandomTests", "`numpy.random`'s legacy RandomState streams, bit for bit.", RANDOM_CASES)
