import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class MiscTests: InterpreterTestCase {
    func test_slices_user_class() {
        assertOutput("""
        class Seq:
            def __getitem__(self, key):
                if isinstance(key, slice):
                    return ("slice", key.start, key.stop, key.step, key.indices(10))
                if isinstance(key, tuple):
                    return ("tuple", key)
                return ("index", key)
        s = Seq()
        print(s[1:5], s[::2], s[-3:], s[1, 2], s[:, 0], s[..., None], s[3], s[1:2, ::-1])
        print(slice(1, 10, 2), slice(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(5))

        """, "('slice', 1, 5, None, (1, 5, 1)) ('slice', None, None, 2, (0, 10, 2)) ('slice', -3, None, None, (7, 10, 1)) ('tuple', (1, 2)) ('tuple', (slice(None, None, None), 0)) ('tuple', (Ellipsis, None)) ('index', 3) ('tuple', (slice(1, 2, None), slice(None, None, -1)))\nslice(1, 10, 2) slice(None, 5, None) (3, -1, -1) (0, 5, 1)\n")
    }

    func test_numbers_print_repr() {
        assertOutput("""
        print(1e-4, 1e-5, 123456789012345680.0, 0.1 * 3, 1/7, 2 ** 0.5 * 2 ** 0.5, -1.5e-10, 3.0e10, float(10**16), 9.999999999999999e22)
        print(round(0.1 + 0.2, 10), 1.0 / 3 * 3, 5e-324, 1.7976931348623157e308, 0.5, 100.0 / 3)

        """, "0.0001 1e-05 1.2345678901234568e+17 0.30000000000000004 0.14285714285714285 2.0000000000000004 -1.5e-10 30000000000.0 1e+16 1e+23\n0.3 1.0 5e-324 1.7976931348623157e+308 0.5 33.333333333333336\n")
    }

    func test_string_multiline_and_escapes_output() {
        assertOutput("""
        text = \"\"\"Line one
            indented line
        Line three\\tafter tab\"\"\"
        print(text)
        print(text.splitlines()[1].strip(), repr(text[:9]))

        """, "Line one\n    indented line\nLine three\tafter tab\nindented line 'Line one\\n'\n")
    }

    func test_training_loop_style() {
        assertOutput("""
        losses = []
        w, b = 0.0, 0.0
        xs = [1.0, 2.0, 3.0, 4.0]
        ys = [3.0, 5.0, 7.0, 9.0]
        lr = 0.01
        for epoch in range(200):
            dw = db = 0.0
            for x, y in zip(xs, ys):
                pred = w * x + b
                err = pred - y
                dw += 2 * err * x / len(xs)
                db += 2 * err / len(xs)
            w -= lr * dw
            b -= lr * db
            if epoch % 50 == 0:
                loss = sum((w * x + b - y) ** 2 for x, y in zip(xs, ys)) / len(xs)
                losses.append(round(loss, 4))
                print(f"epoch {epoch:3d}: w={w:.4f} b={b:.4f} loss={loss:.6f}")
        print(losses, f"{w:.3f}", f"{b:.3f}")

        """, "epoch   0: w=0.3500 b=0.1200 loss=28.453150\nepoch  50: w=2.0835 b=0.7540 loss=0.010104\nepoch 100: w=2.0720 b=0.7883 loss=0.007486\nepoch 150: w=2.0620 b=0.8178 loss=0.005547\n[28.4532, 0.0101, 0.0075, 0.0055] 2.054 0.843\n")
    }

    func test_micrograd_value_class() {
        assertOutput("""
        class Value:
            def __init__(self, data, _children=(), _op=''):
                self.data = data
                self.grad = 0.0
                self._backward = lambda: None
                self._prev = set(_children)
                self._op = _op
            def __add__(self, other):
                other = other if isinstance(other, Value) else Value(other)
                out = Value(self.data + other.data, (self, other), '+')
                def _backward():
                    self.grad += out.grad
                    other.grad += out.grad
                out._backward = _backward
                return out
            def __mul__(self, other):
                other = other if isinstance(other, Value) else Value(other)
                out = Value(self.data * other.data, (self, other), '*')
                def _backward():
                    self.grad += other.data * out.grad
                    other.grad += self.data * out.grad
                out._backward = _backward
                return out
            def __pow__(self, other):
                out = Value(self.data ** other, (self,), f'**{other}')
                def _backward():
                    self.grad += (other * self.data ** (other - 1)) * out.grad
                out._backward = _backward
                return out
            def relu(self):
                out = Value(0 if self.data < 0 else self.data, (self,), 'ReLU')
                def _backward():
                    self.grad += (out.data > 0) * out.grad
                out._backward = _backward
                return out
            def backward(self):
                topo = []
                visited = set()
                def build_topo(v):
                    if v not in visited:
                        visited.add(v)
                        for child in v._prev:
                            build_topo(child)
                        topo.append(v)
                build_topo(self)
                self.grad = 1
                for v in reversed(topo):
                    v._backward()
            def __neg__(self): return self * -1
            def __radd__(self, other): return self + other
            def __sub__(self, other): return self + (-other)
            def __rsub__(self, other): return other + (-self)
            def __rmul__(self, other): return self * other
            def __truediv__(self, other): return self * other**-1
            def __rtruediv__(self, other): return other * self**-1
            def __repr__(self):
                return f"Value(data={self.data}, grad={self.grad})"
        a = Value(-4.0)
        b = Value(2.0)
        c = a + b
        d = a * b + b**3
        c += c + 1
        c += 1 + c + (-a)
        d += d * 2 + (b + a).relu()
        d += 3 * d + (b - a).relu()
        e = c - d
        f = e**2
        g = f / 2.0
        g += 10.0 / f
        print(f'{g.data:.4f}')
        g.backward()
        print(f'{a.grad:.4f}')
        print(f'{b.grad:.4f}')
        print(a.data, b.data)  # grads depend on set order (object addresses), so not printed in full

        """, "24.7041\n138.8338\n645.5773\n-4.0 2.0\n")
    }

    func test_dict_of_lists_and_sorting() {
        assertOutput("""
        scores = {"alice": [90, 85], "bob": [70, 95, 80], "carol": [88]}
        avg = {k: sum(v) / len(v) for k, v in scores.items()}
        print(avg)
        for name, a in sorted(avg.items(), key=lambda kv: kv[1], reverse=True):
            print(f"{name:<6}|{a:6.2f}|{'*' * int(a // 10)}")
        print(max(avg, key=avg.get), min(scores, key=lambda k: len(scores[k])))

        """, "{'alice': 87.5, 'bob': 81.66666666666667, 'carol': 88.0}\ncarol | 88.00|********\nalice | 87.50|********\nbob   | 81.67|********\ncarol carol\n")
    }

    func test_string_building() {
        assertOutput("""
        rows = []
        for i in range(1, 4):
            rows.append(" ".join(f"{i * j:3}" for j in range(1, 4)))
        print("\\n".join(rows))
        table = "| {:^5} | {:>6.2f} |"
        print(table.format("a", 3.14159), table.format("bcd", -2))
        print("%-8s|%8.3e|" % ("x", 12345.6789), "%5.1f%%" % 12.345)

        """, "  1   2   3\n  2   4   6\n  3   6   9\n|   a   |   3.14 | |  bcd  |  -2.00 |\nx       |1.235e+04|  12.3%\n")
    }

    func test_comprehension_scoping_class() {
        assertOutput("""
        class K:
            vals = [1, 2, 3]
            doubled = [v * 2 for v in vals]
        print(K.doubled)

        """, "[2, 4, 6]\n")
    }

    func test_truthiness() {
        assertOutput("""
        for v in [0, 1, 0.0, "", "a", [], [0], {}, {0: 0}, set(), None, (), (0,), range(0), range(1)]:
            print(repr(v), bool(v), "yes" if v else "no")

        """, "0 False no\n1 True yes\n0.0 False no\n'' False no\n'a' True yes\n[] False no\n[0] True yes\n{} False no\n{0: 0} True yes\nset() False no\nNone False no\n() False no\n(0,) True yes\nrange(0, 0) False no\nrange(0, 1) True yes\n")
    }

    func test_nested_functions_recursion() {
        assertOutput("""
        def outer(n):
            def helper(k):
                return 1 if k == 0 else k * helper(k - 1)
            return helper(n)
        print(outer(10))
        def make_multipliers():
            return {name: (lambda x, f=factor: x * f) for name, factor in [("double", 2), ("triple", 3)]}
        m = make_multipliers()
        print(m["double"](5), m["triple"](5))

        """, "3628800\n10 15\n")
    }

    func test_isinstance_bool_int() {
        assertOutput("""
        print(isinstance(True, int), type(True) is bool, True == 1, hash(True) == hash(1), {True: "a", 1: "b"}, 1 is True, [True, 1].count(1), True + 0.5)

        """, "True True True True {True: 'b'} False 2 1.5\n")
    }

}
