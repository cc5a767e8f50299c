import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class ControlFlowTests: InterpreterTestCase {
    func test_if_elif_else() {
        assertOutput("""
        for x in [-1, 0, 1, 5]:
            if x < 0:
                print("neg")
            elif x == 0:
                print("zero")
            elif x < 3:
                print("small")
            else:
                print("big")

        """, "neg\nzero\nsmall\nbig\n")
    }

    func test_while_else_break() {
        assertOutput("""
        n = 0
        while n < 5:
            n += 1
            if n == 3:
                continue
            print(n)
        else:
            print("done", n)
        while True:
            n -= 1
            if n < 2:
                break
        else:
            print("never")
        print("n =", n)

        """, "1\n2\n4\n5\ndone 5\nn = 1\n")
    }

    func test_for_else() {
        assertOutput("""
        for i in range(3):
            if i == 5:
                break
        else:
            print("no break", i)
        for i in range(3):
            if i == 1:
                print("break at", i)
                break
        else:
            print("never")
        for i in []:
            pass
        else:
            print("empty else")

        """, "no break 2\nbreak at 1\nempty else\n")
    }

    func test_nested_loops() {
        assertOutput("""
        for i in range(3):
            for j in range(3):
                if j > i:
                    break
                print(i, j, end="; ")
        print()

        """, "0 0; 1 0; 1 1; 2 0; 2 1; 2 2; \n")
    }

    func test_loop_variable_after() {
        assertOutput("""
        for i in range(4):
            pass
        print(i)
        for k, v in {"a": 1}.items():
            pass
        print(k, v)

        """, "3\na 1\n")
    }

    func test_pass_and_semicolons() {
        assertOutput("""
        x = 1; y = 2; z = x + y
        if z: pass
        print(x, y, z)

        """, "1 2 3\n")
    }

    func test_del_statement() {
        assertError("""
        a = 1
        b = [1, 2, 3]
        c = {"k": 1}
        del b[0], c["k"]
        print(b, c)
        del a
        print("a" in dir() if False else "deleted")
        print(a)

        """, "NameError: name 'a' is not defined", output: "[2, 3] {}\ndeleted\n", at: (8, 7))
    }

    func test_assert_ok_and_fail() {
        assertError("""
        assert 1 + 1 == 2
        assert True, "never"
        x = 5
        assert x > 10, f"x too small: {x}"

        """, "AssertionError: x too small: 5", output: "", at: (4, 8))
    }

    func test_global_nonlocal() {
        assertOutput("""
        count = 0
        def inc():
            global count
            count += 1
        inc(); inc()
        print(count)
        def outer():
            total = 0
            def add(v):
                nonlocal total
                total += v
                return total
            add(3); add(4)
            return total, add
        t, add = outer()
        print(t, add(10), add(1))

        """, "2\n7 17 18\n")
    }

    func test_closures_counter() {
        assertOutput("""
        def make_counter():
            n = 0
            def counter():
                nonlocal n
                n += 1
                return n
            return counter
        c1 = make_counter(); c2 = make_counter()
        print(c1(), c1(), c1(), c2())
        def adders():
            return [lambda x, i=i: x + i for i in range(3)]
        print([f(10) for f in adders()])
        def late():
            fs = []
            for i in range(3):
                fs.append(lambda: i)
            return [f() for f in fs]
        print(late())

        """, "1 2 3 1\n[10, 11, 12]\n[2, 2, 2]\n")
    }

    func test_unbound_local() {
        assertError("""
        x = 1
        def f():
            print(x)
            x = 2
        f()

        """, "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value", output: "", at: (3, 11))
    }

    func test_name_error() {
        assertError("""
        print(undefined_name)

        """, "NameError: name 'undefined_name' is not defined", output: "", at: (1, 7))
    }

    func test_free_var_unbound() {
        assertError("""
        def outer():
            def inner():
                return v
            r = inner()
            v = 1
            return r
        outer()

        """, "NameError: cannot access free variable 'v' where it is not associated with a value in enclosing scope", output: "", at: (3, 16))
    }

    func test_with_statement_user() {
        assertError("""
        class CM:
            def __init__(self, name):
                self.name = name
            def __enter__(self):
                print("enter", self.name)
                return self
            def __exit__(self, et, ev, tb):
                print("exit", self.name, et.__name__ if et else None, ev)
                return self.name == "swallow"
        with CM("a") as a, CM("b") as b:
            print("body", a.name, b.name)
        with CM("swallow"):
            raise ValueError("boom")
        print("after")
        with CM("c"):
            raise KeyError("k")

        """, "KeyError: 'k'", output: "enter a\nenter b\nbody a b\nexit b None None\nexit a None None\nenter swallow\nexit swallow ValueError boom\nafter\nenter c\nexit c KeyError 'k'\n", at: (16, 5))
    }

    func test_with_not_cm() {
        assertError("""
        with 5:
            pass

        """, "TypeError: 'int' object does not support the context manager protocol", output: "", at: (1, 1))
    }

    func test_return_from_loop_in_finally() {
        assertOutput("""
        def f():
            for i in range(3):
                try:
                    if i == 1:
                        return "ret"
                finally:
                    print("finally", i)
        print(f())
        def g():
            try:
                return 1
            finally:
                return 2
        print(g())
        def h():
            while True:
                try:
                    break
                finally:
                    print("h finally")
            return "h"
        print(h())

        """, "finally 0\nfinally 1\nret\n2\nh finally\nh\n")
    }

    func test_recursion_limit() {
        assertError("""
        def f(n):
            return f(n + 1)
        f(0)

        """, "RecursionError: maximum recursion depth exceeded", output: "")
    }

    func test_deep_recursion_ok() {
        assertOutput("""
        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)
        print(depth(900))

        """, "900\n")
    }

    func test_main_guard() {
        assertOutput("""
        if __name__ == "__main__":
            print("main")

        """, "main\n")
    }

    func test_star_args_unpack() {
        assertOutput("""
        def f(*args, **kwargs):
            return args, kwargs
        print(f(1, *[2, 3], *(4,), a=1, **{"b": 2}, c=3))
        print(*[1, 2, 3], sep="-")
        print(*"abc")
        first, *_ = "xyz"
        print(first, _)

        """, "((1, 2, 3, 4), {'a': 1, 'b': 2, 'c': 3})\n1-2-3\na b c\nx ['y', 'z']\n")
    }

}
