import XCTest
@testable import PyInterpreter

/// Hostile cells found by auditing: each once crashed, hung past its limit or
/// grew without bound. Expected outputs come from CPython 3.11.
final class HostileInputTests: InterpreterTestCase {
    /// C3 linearization was cubic in the depth of a class chain and ran
    /// without checking the clock: 10,000 nested subclasses overran a 5 s limit by 40 s.
    func testDeepClassChainsLinearizeQuickly() {
        assertOutput("""
        class O: pass
        class F(O): pass
        class E(O): pass
        class D(O): pass
        class C(D, F): pass
        class B(D, E): pass
        class A(B, C): pass
        print([k.__name__ for k in A.__mro__])
        class X: pass
        class Y(X): pass
        C0 = X
        for i in range(3000):
            class N(C0): pass
            C0 = N
        class M(C0, Y): pass
        print(len(M.__mro__), M.__mro__[-3].__name__, M.__mro__[-2].__name__)
        """, "['A', 'B', 'C', 'D', 'E', 'F', 'O', 'object']\n3004 Y X\n")
        let conflict = run("class X: pass\nclass Y(X): pass\nclass Z(X, Y): pass")
        XCTAssertEqual(conflict.error?.type, "TypeError")
    }
}

extension HostileInputTests {
    /// The clock was read every 4,096 ticks: when each tick copied a big dict,
    /// a 0.3 s limit let the loop run for seconds. Now checks adapt to what a
    /// tick costs, so the loop stops after far fewer than 4,096 rounds.
    func testTimeLimitHoldsWhenEachTickIsSlow() {
        var limits = Limits()
        limits.timeoutSeconds = 0.3
        session.limits = limits
        let r = run("""
        d = {i: i for i in range(200000)}
        n = 0
        while True:
            e = dict(d)
            n += 1
            print(n)
        """)
        XCTAssertEqual(r.error?.summary, "TimeoutError: cell exceeded its time limit of 0.3 s")
        let rounds = r.output.split(separator: "\n").count
        XCTAssertLessThan(rounds, 4096)
        assertOutput("print('alive')", "alive\n")
    }

    /// Steps that turn slow after a fast stretch (which taught the tick count
    /// to read the clock rarely) still stop at the deadline: the alarm forces
    /// the next check. Each slow round copies a big dict.
    func testTimeLimitHoldsAfterAFastStretch() {
        var limits = Limits()
        limits.timeoutSeconds = 0.5
        session.limits = limits
        let r = run("""
        d = {i: i for i in range(200000)}
        for i in range(300000):
            pass
        n = 0
        while True:
            e = dict(d)
            n += 1
            print(n)
        """)
        XCTAssertEqual(r.error?.summary, "TimeoutError: cell exceeded its time limit of 0.5 s")
        // Before the alarm, the first check came after thousands of slow rounds.
        XCTAssertLessThan(r.output.split(separator: "\n").count, 200)
        assertOutput("print('alive')", "alive\n")
    }

    /// A bomb of Python objects (not tensors, which are counted exactly) ends
    /// with an uncatchable MemoryError once the process's resident memory is
    /// past `maxMemoryBytes`; the session goes on afterwards.
    func testProcessMemoryLimitEndsTheCell() {
        var limits = Limits()
        limits.maxMemoryBytes = 1 << 20   // below any process's footprint: the first check trips
        session.limits = limits
        let r = run("x = []\ntry:\n    while True:\n        x.append([0] * 100)\nexcept MemoryError:\n    print('caught')")
        XCTAssertEqual(r.error?.type, "MemoryError")
        XCTAssertEqual(r.output, "")
        session.limits = Limits()
        assertOutput("x = None\nprint('alive')", "alive\n")
    }

    /// Limits that are not positive numbers end the cell at once instead of trapping.
    func testNonPositiveTimeLimitsEndTheCell() {
        for seconds in [0, -1, Double.nan, -Double.infinity] {
            var limits = Limits()
            limits.timeoutSeconds = seconds
            session.limits = limits
            XCTAssertEqual(run("while True:\n    pass").error?.type, "TimeoutError")
        }
        var limits = Limits()
        limits.timeoutSeconds = .infinity
        session.limits = limits
        assertOutput("print(sum(range(1000)))", "499500\n")
    }

    /// Each suspended generator holds a thread: 100,000 of them hung the
    /// process once thread creation failed. Dropped generators are now closed
    /// before another starts, and too many suspended at once is a MemoryError.
    func testSuspendedGeneratorsAreBounded() {
        var limits = Limits()
        limits.maxSuspendedGenerators = 50
        session.limits = limits
        assertOutput("""
        def g():
            try:
                yield 1
            finally:
                pass
        for i in range(1000):
            x = g()
            next(x)
        print('ok')
        """, "ok\n")
        assertError("""
        def g():
            yield 1
            yield 2
        gs = [g() for i in range(100)]
        for x in gs:
            next(x)
        """, "MemoryError: more than 50 generators are suspended at once", at: (6, 5))
        assertOutput("gs = None\nprint(next(g()))", "1\n")
    }
}

extension HostileInputTests {
    /// Dropping a list or dict nested millions deep recursed once per level
    /// in Swift's deinits and overflowed the cell thread's stack (SIGSEGV).
    func testDroppingDeeplyNestedContainersDoesNotOverflowTheStack() {
        assertOutput("""
        x = []
        for i in range(2000000):
            x = [x]
        x = None
        d = {}
        for i in range(1000000):
            d = {'k': d, 'l': [d, 1]}
        d = None
        print('ok')
        """, "ok\n")
        // Shared inner containers survive the teardown of the outer ones.
        assertOutput("""
        inner = [1, {'a': [2]}]
        outer = [[inner], {'k': inner}]
        outer = None
        print(inner)
        """, "[1, {'a': [2]}]\n")
    }
}

extension HostileInputTests {
    /// `random.choices(..., k=10**10)` trapped allocating 80 GB; `getrandbits(10**10)`
    /// built a 10^10-bit int; `plt.hist(bins=10**9)` was killed by the OOM killer.
    func testHugeCountsAreMemoryErrors() {
        assertError("import random\nx = random.choices([1], k=10**10)",
                    "MemoryError: container of 10000000000 items exceeds the limit of 50000000", at: (2, 5))
        assertError("import random\nx = random.getrandbits(10**10)",
                    "MemoryError: integer result too large (more than 4000000 bits)", at: (2, 5))
        assertError("import matplotlib.pyplot as plt\nplt.hist([1, 2, 3], bins=10**9)",
                    "MemoryError: list of bins of 1000000000 items exceeds the limit of 50000000", at: (2, 1))
    }

    /// After the time is up, `finally` blocks that call on (exponentially, here)
    /// are stopped at once instead of running another few thousand calls each.
    func testTimeoutStopsFinallyBlocksThatCallOn() {
        var limits = Limits()
        limits.timeoutSeconds = 0.3
        session.limits = limits
        let r = run("""
        def f():
            try:
                f()
            finally:
                f()
        f()
        """)
        XCTAssertNotNil(r.error)
        assertOutput("print('alive')", "alive\n")
    }
}
