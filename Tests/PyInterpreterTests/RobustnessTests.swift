import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class RobustnessTests: InterpreterTestCase {
    func test_extreme_ranges() {
        assertOutput("""
        r = range(-2**62, 2**62 - 1)
        print(r[0], r[-1], 5 in r, r[2**62], range(0, 10**18, 7)[-1], list(range(2**63 - 3, 2**63 - 1)), range(5)[::-1], list(range(10)[::-2**63 + 1]))

        """, "-4611686018427387904 4611686018427387902 True 0 999999999999999999 [9223372036854775805, 9223372036854775806] range(4, -1, -1) [9]\n")
    }

    func test_range_too_long() {
        assertError("""
        r = range(-2**63, 2**63 - 1, 1)
        print(len(r))

        """, "OverflowError: Python int too large to convert to C ssize_t", output: "", at: (1, 5))
        // CPython creates this range and fails at len(); here a range's length must fit in Int, so creating it fails.
    }

    func test_extreme_slices() {
        assertOutput("""
        a = list(range(6))
        print(a[::-2**63 + 1], a[-2**63:2**63], a[2**63:], a[:-2**63], "abc"[::-(2**62)], a[1:-1:2**62])

        """, "[5] [0, 1, 2, 3, 4, 5] [] [] c [1]\n")
    }

    func test_extreme_indices() {
        assertError("""
        a = [1, 2]
        a[2**63]

        """, "IndexError: cannot fit 'int' into an index-sized integer", output: "", at: (2, 1))
    }

    func test_big_round() {
        assertOutput("""
        print(round(123456789, -500), round(1.5, -2**62), round(2.5, 2**62), round(-1, 10**6))

        """, "0 0.0 2.5 -1\n")
    }

    func test_shift_and_pow_edges() {
        assertOutput("""
        print(1 << 0, -1 >> 100, (-2**63) // -1, (-2**63) % -1, abs(-2**63), -(-2**63), ~(-2**63), 0 ** 0, (-1) ** (2**64), 1 ** (2**100), 2 ** -2**3)

        """, "1 -1 9223372036854775808 0 9223372036854775808 9223372036854775808 9223372036854775807 1 1 1 0.00390625\n")
    }

    func test_format_extremes() {
        assertOutput("""
        print(f"{'x':>20}", f"{12:{'='}>10}", "{:,}".format(-2**70), format(2**80, "x"), format(-0.0, "+.2f"), format(1e300, ".3e"))

        """, "                   x ========12 -1,180,591,620,717,411,303,424 100000000000000000000 -0.00 1.000e+300\n")
    }

}
