import XCTest
@testable import PyInterpreter

/// Sizes, bounds and integer edge cases a cell can type end in Python
/// exceptions, never a trap: each line names the exception (or the value).
final class NumpyHostileInputTests: InterpreterTestCase {
    func testHugeAndNegativeSizesRaise() {
        assertOutput("""
        import numpy as np
        tries = [
            lambda: np.arange(1e18), lambda: np.linspace(0, 1, 10**12), lambda: np.random.rand(2**40, 2**40),
            lambda: np.random.permutation(-3), lambda: np.random.choice(10**15), lambda: np.ones(4).reshape(2**40, 2**40),
            lambda: np.zeros((2**40, 2**40)), lambda: np.eye(10**9), lambda: np.ones(3).reshape(-2, 3),
            lambda: np.zeros(-1), lambda: np.full((2**62, 4), 1.0), lambda: np.random.randint(0, 2, size=(2**40, 2**40)),
        ]
        for t in tries:
            try:
                t()
                print("no error")
            except (MemoryError, ValueError) as e:
                print(type(e).__name__)
        """, """
        MemoryError
        MemoryError
        MemoryError
        ValueError
        MemoryError
        MemoryError
        MemoryError
        MemoryError
        ValueError
        ValueError
        MemoryError
        MemoryError

        """)
    }

    func testIntegerEdgesWrapOrRaise() {
        assertOutput("""
        import numpy as np
        print(int(np.float64(1e30)), int(np.float32(1e30)), int(np.array(1e20)))
        print(abs(np.int64(-2**63)), np.int64(-2**63) // -1, np.int64(-2**63) % -1, np.int64(2**62) * 4)
        for t in [lambda: int(np.float64("nan")), lambda: np.int64(float("nan")), lambda: np.int64(1e300), lambda: np.random.seed(2**40)]:
            try:
                t()
            except (ValueError, OverflowError) as e:
                print(type(e).__name__, e)
        """, """
        1000000000000000019884624838656 1000000015047466219876688855040 100000000000000000000
        -9223372036854775808 -9223372036854775808 0 0
        ValueError cannot convert float NaN to integer
        ValueError cannot convert float NaN to integer
        OverflowError Python int too large to convert to C long
        ValueError Seed must be between 0 and 2**32 - 1

        """)
    }
}
