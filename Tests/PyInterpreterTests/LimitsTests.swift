import XCTest
@testable import PyInterpreter

/// Hostile cells end with a clear error instead of a crash, a hang or an out-of-memory kill.
final class LimitsTests: InterpreterTestCase {
    func testTimeLimitEndsInfiniteLoopsAndCannotBeCaught() {
        var limits = Limits()
        limits.timeoutSeconds = 0.3
        session.limits = limits
        assertError("while True:\n    pass", "TimeoutError: cell exceeded its time limit of 0.3 s", at: (1, 1))
        assertError("""
        while True:
            try:
                while True:
                    pass
            except Exception:
                print("caught")
            except:
                print("caught bare")
            finally:
                pass
        """, "TimeoutError: cell exceeded its time limit of 0.3 s", output: "")
        assertError("def f():\n    return sum(range(10**12))\nf()", "TimeoutError: cell exceeded its time limit of 0.3 s")
        assertError("x = [i for i in range(10**12)]", "TimeoutError: cell exceeded its time limit of 0.3 s")
        // The next cell gets a fresh budget.
        assertOutput("print('alive')", "alive\n")
    }

    func testRecursionLimitWithoutStackOverflow() {
        assertError("def f(n):\n    return f(n + 1)\nf(0)", "RecursionError: maximum recursion depth exceeded", at: (2, 12))
        let deep = run("""
        class Node:
            def __init__(self, child):
                self.child = child
            def __repr__(self):
                return f"Node({self.child!r})"
        n = None
        for i in range(5000):
            n = Node(n)
        print(n)
        """)
        XCTAssertEqual(deep.error?.type, "RecursionError")
        XCTAssertTrue(deep.error?.message.hasPrefix("maximum recursion depth exceeded") ?? false)
        assertError("x = []\nfor i in range(100000):\n    x = [x]\nprint(x)", "RecursionError: maximum recursion depth exceeded while getting the repr of an object")
        assertError("x = []\ny = []\nfor i in range(100000):\n    x = [x]\n    y = [y]\nprint(x == y)", "RecursionError: maximum recursion depth exceeded in comparison")
        assertOutput("x = []\nfor i in range(100000):\n    x = [x]\nprint(x == x[:])", "True\n")
        assertError("d = {}\nfor i in range(100000):\n    d = {'k': d}\nprint(str(d))", "RecursionError: maximum recursion depth exceeded while getting the repr of an object")
        assertOutput("def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\nprint(depth(990))", "990\n")
    }

    func testSizeLimits() {
        var limits = Limits()
        limits.maxContainerSize = 10_000
        session.limits = limits
        assertError("x = [0] * 20000", "MemoryError: container of 20000 items exceeds the limit of 10000")
        assertError("x = 'ab' * 10**9", "MemoryError: string of 2000000000 items exceeds the limit of 10000")
        assertError("x = []\nwhile True:\n    x.extend(range(100))", "MemoryError: container of 10100 items exceeds the limit of 10000")
        assertError("x = list(range(10**9))", "MemoryError: container of 1000000000 items exceeds the limit of 10000")
        assertError("x = 'a' * 9000\ny = x + x", "MemoryError: string of 18000 items exceeds the limit of 10000")
        assertError("x = ''.join(['abc'] * 5000)", "MemoryError: container of 15000 items exceeds the limit of 10000".replacingOccurrences(of: "container", with: "string"))
        assertError("while True:\n    print('x' * 1000)", "MemoryError: cell output exceeds 10000 bytes")
    }

    func testHugeIntegersFailFast() {
        assertError("x = 10 ** 10 ** 10", "MemoryError: integer result too large (more than 4000000 bits)")
        assertError("x = 1 << (1 << 40)", "MemoryError: integer result too large (more than 4000000 bits)")
        assertError("x = (2 ** 3000000) * (2 ** 3000000)", "MemoryError: integer result too large (more than 4000000 bits)")
    }

    func testHugeInputsEndInBoundedTime() {
        let longString = "x = '" + String(repeating: "a", count: 10_000_000) + "'\nprint(len(x))"
        assertOutput(longString, "10000000\n")
        let longSum = "x = " + Array(repeating: "1", count: 1_000_000).joined(separator: "+")
        assertError(longSum, "RecursionError: maximum recursion depth exceeded during compilation")
        let parens = String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000)
        assertError(parens, "SyntaxError: too many nested parentheses", at: (1, 201))
        let brackets = "x = " + String(repeating: "[", count: 100_000)
        assertError(brackets, "SyntaxError: too many nested parentheses")
        let manyLines = (0..<20_000).map { "v\($0) = \($0)" }.joined(separator: "\n") + "\nprint(v19999)"
        assertOutput(manyLines, "19999\n")
        let badLine = String(repeating: "@", count: 1_000_000)
        XCTAssertNotNil(run(badLine).error)
    }

    func testManyCells() {
        for i in 0..<5000 {
            let r = session.run(CellSource(code: "c\(i % 7) = \(i)", firstLine: i * 3 + 1))
            XCTAssertNil(r.error)
        }
        assertOutput("print(c0 + c6)", "\(4998 + 4997)\n")
    }
}
