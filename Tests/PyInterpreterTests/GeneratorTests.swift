import XCTest
@testable import PyInterpreter

/// Generator functions, with outputs recorded from CPython 3.11.
final class GeneratorTests: InterpreterTestCase {
    func testGeneratorsYieldLazilyAndCloseWhenLeft() {
        assertOutput("""
        def countdown(n):
            print("start", n)
            try:
                while n > 0:
                    yield n
                    n -= 1
            finally:
                print("cleanup")
            return "done"

        for v in countdown(3):
            print("got", v)
        g = countdown(2)
        print(next(g), next(g))
        print(next(g, "end"))
        print(list(countdown(2)), sum(countdown(4)))

        def pairs(xs):
            for i in range(0, len(xs), 2):
                yield xs[i], xs[i + 1:i + 2]
            yield from [("tail", None)]

        for a, b in pairs([1, 2, 3]):
            print(a, b)
        print(type(countdown(1)).__name__)

        def fib():
            a, b = 0, 1
            while True:
                yield a
                a, b = b, a + b
        f = fib()
        print([next(f) for _ in range(10)])
        for x in countdown(5):
            if x == 3:
                break
        print("after break")

        def bad():
            yield 1
            raise ValueError("boom")
        try:
            for v in bad():
                print(v)
        except ValueError as e:
            print("caught", e)
        z = zip(countdown(2), fib())
        print(list(z))
        print(dict((k, k * k) for k in countdown(2)))
        """, """
        start 3
        got 3
        got 2
        got 1
        cleanup
        start 2
        2 1
        cleanup
        end
        start 2
        cleanup
        start 4
        cleanup
        [2, 1] 10
        1 [2]
        3 []
        tail None
        generator
        [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
        start 5
        cleanup
        after break
        1
        caught boom
        start 2
        cleanup
        [(2, 0), (1, 1)]
        start 2
        cleanup
        {2: 4, 1: 1}

        """)
    }

    func testYieldOutsideAFunctionIsASyntaxError() {
        assertError("yield 1", "SyntaxError: 'yield' outside function")
    }

    func testAnErrorInTheBodyReachesTheCaller() {
        assertError("""
        def g():
            yield 1
            raise KeyError('k')
        print(list(g()))
        """, "KeyError: 'k'")
    }
}
