import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class FunctionTests: InterpreterTestCase {
    func test_defaults_keywords() {
        assertOutput("""
        def f(a, b=2, *args, c, d=4, **kw):
            return (a, b, args, c, d, kw)
        print(f(1, c=3))
        print(f(1, 5, 6, 7, c=3, e=9))
        print(f(a=1, c=0, d=1, z=2))
        def g(x, /, y, *, z):
            return x + y + z
        print(g(1, 2, z=3), g(1, y=2, z=3))

        """, "(1, 2, (), 3, 4, {})\n(1, 5, (6, 7), 3, 4, {'e': 9})\n(1, 2, (), 0, 1, {'z': 2})\n6 6\n")
    }

    func test_mutable_default() {
        assertOutput("""
        def append_to(x, acc=[]):
            acc.append(x)
            return acc
        print(append_to(1), append_to(2))

        """, "[1, 2] [1, 2]\n")
    }

    func test_missing_arg() {
        assertError("""
        def f(a, b):
            return a + b
        f(1)

        """, "TypeError: f() missing 1 required positional argument: 'b'", output: "", at: (3, 1))
    }

    func test_missing_two_args() {
        assertError("""
        def f(a, b, c):
            pass
        f()

        """, "TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'", output: "", at: (3, 1))
    }

    func test_missing_kwonly() {
        assertError("""
        def f(a, *, key):
            pass
        f(1)

        """, "TypeError: f() missing 1 required keyword-only argument: 'key'", output: "", at: (3, 1))
    }

    func test_too_many_args() {
        assertError("""
        def f(a, b):
            pass
        f(1, 2, 3)

        """, "TypeError: f() takes 2 positional arguments but 3 were given", output: "", at: (3, 1))
    }

    func test_too_many_with_defaults() {
        assertError("""
        def f(a, b=1):
            pass
        f(1, 2, 3)

        """, "TypeError: f() takes from 1 to 2 positional arguments but 3 were given", output: "", at: (3, 1))
    }

    func test_unexpected_kw() {
        assertError("""
        def f(a):
            pass
        f(a=1, b=2)

        """, "TypeError: f() got an unexpected keyword argument 'b'", output: "", at: (3, 1))
    }

    func test_multiple_values() {
        assertError("""
        def f(a, b):
            pass
        f(1, a=2)

        """, "TypeError: f() got multiple values for argument 'a'", output: "", at: (3, 1))
    }

    func test_method_missing_arg() {
        assertError("""
        class A:
            def m(self, x):
                return x
        A().m()

        """, "TypeError: A.m() missing 1 required positional argument: 'x'", output: "", at: (4, 1))
    }

    func test_not_callable() {
        assertError("""
        x = 5
        x()

        """, "TypeError: 'int' object is not callable", output: "", at: (2, 1))
    }

    func test_lambda_and_higher_order() {
        assertOutput("""
        square = lambda x: x * x
        compose = lambda f, g: lambda x: f(g(x))
        inc = lambda x: x + 1
        print(square(5), compose(square, inc)(3), (lambda *a, **k: (a, k))(1, b=2), (lambda: "no args")())
        print(sorted([(1, 'b'), (2, 'a')], key=lambda t: t[1]), list(map(lambda x: x ** 2, range(4))))

        """, "25 16 ((1,), {'b': 2}) no args\n[(2, 'a'), (1, 'b')] [0, 1, 4, 9]\n")
    }

    func test_recursion_and_memo() {
        assertOutput("""
        def fact(n):
            return 1 if n <= 1 else n * fact(n - 1)
        memo = {}
        def fib(n):
            if n in memo:
                return memo[n]
            r = n if n < 2 else fib(n - 1) + fib(n - 2)
            memo[n] = r
            return r
        print(fact(20), fact(30), fib(90))

        """, "2432902008176640000 265252859812191058636308480000000 2880067194370816120\n")
    }

    func test_decorators() {
        assertOutput("""
        def log(fn):
            def wrapper(*args, **kwargs):
                print("calling", fn.__name__, args)
                return fn(*args, **kwargs)
            return wrapper
        def times(n):
            def deco(fn):
                def w(x):
                    return fn(x) * n
                return w
            return deco
        @log
        @times(3)
        def add1(x):
            return x + 1
        print(add1(4))

        """, "calling w (4,)\n15\n")
    }

    func test_function_attributes() {
        assertOutput("""
        def documented(a, b=1):
            "doc"
            return a
        print(documented.__name__, documented(7), type(documented).__name__, callable(documented), callable(5))
        documented.tag = "x"
        print(documented.tag)

        """, "documented 7 function True False\nx\n")
    }

    func test_nested_scopes() {
        assertOutput("""
        x = "global"
        def outer():
            x = "enclosing"
            def inner():
                return x
            return inner()
        def shadow():
            x = "local"
            return x
        print(outer(), shadow(), x)
        def counter_list():
            items = []
            def add(v):
                items.append(v)
                return len(items)
            return add
        a = counter_list()
        print(a(1), a(2))

        """, "enclosing local global\n1 2\n")
    }

    func test_generator_expression_lazy() {
        assertOutput("""
        def noisy(n):
            for i in range(n):
                print("yield", i)
            return n
        g = (x * 2 for x in [1, 2, 3])
        print(type(g).__name__)
        print(next(g))
        print(list(g))

        """, "generator\n2\n[4, 6]\n")
    }

    func test_return_none_and_multiple() {
        assertOutput("""
        def nothing():
            pass
        def pair():
            return 1, 2
        print(nothing(), pair(), type(pair()).__name__)
        a, b = pair()
        print(a + b)

        """, "None (1, 2) tuple\n3\n")
    }

    func test_kwargs_unpack_errors() {
        assertError("""
        def f(**kw):
            return kw
        print(f(**{"a": 1}), f(**dict(b=2)))
        f(**{1: 2})

        """, "TypeError: keywords must be strings", output: "{'a': 1} {'b': 2}\n", at: (4, 1))
    }

}
