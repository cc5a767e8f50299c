import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class ArithmeticTests: InterpreterTestCase {
    func test_int_basics() {
        assertOutput("""
        print(1 + 2 * 3, (1 + 2) * 3, 2 ** 10, 2 ** 0.5, -2 ** 2, (-2) ** 2)
        print(7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3)
        print(7 / 2, -7 / 2, 1 / 3, 2 / 1, 10 / 5)
        print(2 ** -1, 2 ** -2, 0 ** 0, 10 ** 20, -(10 ** 20))

        """, "7 9 1024 1.4142135623730951 -4 4\n3 -4 -4 3 1 2 -2 -1\n3.5 -3.5 0.3333333333333333 2.0 2.0\n0.5 0.25 1 100000000000000000000 -100000000000000000000\n")
    }

    func test_bigints() {
        assertOutput("""
        a = 2 ** 100
        print(a, a * a, a // 3, a % 7, -a // 3, -a % 7, a - a, a + 1 - a)
        print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 2)
        print(3 ** 200 // 3 ** 199, (2 ** 64) >> 3, 1 << 70, (1 << 70) & 0xFF, ~(2**70))
        print(int("123456789012345678901234567890") * 2, abs(-(2**80)), hash(2**61 - 1))
        print(2**100 / 2**99, 10**30 / 10**10, float(2**70))

        """, "1267650600228229401496703205376 1606938044258990275541962092341162602522202993782792835301376 422550200076076467165567735125 2 -422550200076076467165567735126 5 0 1\n9223372036854775808 -9223372036854775809 18446744073709551614\n3 2305843009213693952 1180591620717411303424 0 -1180591620717411303425\n246913578024691357802469135780 1208925819614629174706176 0\n2.0 1e+20 1.1805916207174113e+21\n")
    }

    func test_float_ops() {
        assertOutput("""
        print(0.1 + 0.2, 1.5 * 2, 7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.0 % -2.5)
        print(1e16, 1e15, 1.5e-7, 0.0001, 0.00001, 123456789.123, 1/3, 2/3, 100.0, -0.0)
        print(float("inf"), float("-inf"), float("nan"), 1e308 * 10, -1e308 * 10)
        print(3.0 ** 2, 2.0 ** -1, 4 ** 0.5, 10.0 ** 15, 10.0 ** 16)
        print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(1234.5678, -2), round(5, -1), round(15, -1), round(25, -1))
        print(round(3.14159, 3), round(-0.5), round(1e20), round(7), type(round(2.5)), type(round(2.5, 1)))

        """, "0.30000000000000004 3.0 3.0 -4.0 1.5 0.5 -0.5\n1e+16 1000000000000000.0 1.5e-07 0.0001 1e-05 123456789.123 0.3333333333333333 0.6666666666666666 100.0 -0.0\ninf -inf nan inf -inf\n9.0 0.5 2.0 1000000000000000.0 1e+16\n2 4 -2 0 2 2.67 1200.0 0 20 20\n3.142 0 100000000000000000000 7 <class 'int'> <class 'float'>\n")
    }

    func test_mixed_numeric() {
        assertOutput("""
        print(1 + 2.0, 3 * 1.5, True + True, True * 3, False - 1, 5 / True, 2 ** True)
        print(1 == 1.0, 2**53 + 1 == 2.0**53, 1 < 1.5, 10**400 > 1e308, True == 1, 0.1 + 0.2 == 0.3)
        print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2), pow(2, 10), pow(2, 10, 7), pow(3, -1, 7))
        print(abs(-5), abs(-5.5), abs(True), max(1, 2.5, 2), min(3, 1.0, 1), int(7.9), int(-7.9), int("  42 "), int("ff", 16), int("0x1f", 0), int("1_000"))
        print(float("1.5"), float(" -2e3 "), float("1_0.5"), float(3), int(True), bool(0.0), bool(-1))

        """, "3.0 4.5 2 3 -1 5.0 2\nTrue False True True True False\n(3, 1) (-4, 1) (3.0, 1.5) (-4.0, 0.5) 1024 2 5\n5 5.5 1 2.5 1.0 7 -7 42 255 31 1000\n1.5 -2000.0 10.5 3.0 1 False True\n")
    }

    func test_bitwise() {
        assertOutput("""
        print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, 256 >> 3, -16 >> 2, True & False, True | False, True ^ True)
        print(hex(255), hex(-255), oct(8), bin(10), bin(-10), hex(2**70))

        """, "1 7 6 -6 16 32 -4 False True False\n0xff -0xff 0o10 0b1010 -0b1010 0x400000000000000000\n")
    }

    func test_comparisons_chained() {
        assertOutput("""
        x = 5
        print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 > 2, 3 > 2 > 1 > 0)
        print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", "Z" < "a", [1, [2]] == [1, [2]], (1, 2) == [1, 2])
        print(None is None, None == None, 1 is not None, [] is [], "a" in "cat", 3 in [1, 2, 3], 4 not in (1, 2))

        """, "True False True True True\nTrue True True True True False\nTrue True True False True True True\n")
    }

    func test_boolean_ops() {
        assertOutput("""
        print(0 or 5, 3 or 5, 0 and 5, 3 and 5, None or "x", "" or [] or 0, not 0, not [1])
        print(1 and 2 and 3, 1 and 0 and 3, 0 or 0 or 7, [] and 1)
        def f(v):
            print("f", v)
            return v
        r = f(0) and f(1)
        r = f(1) or f(2)
        print(r)

        """, "5 3 0 5 x 0 True False\n3 0 7 []\nf 0\nf 1\n1\n")
    }

    func test_zero_division_int() {
        assertError("""
        print(1 // 0)

        """, "ZeroDivisionError: integer division or modulo by zero", output: "", at: (1, 7))
    }

    func test_zero_division_mod() {
        assertError("""
        print(5 % 0)

        """, "ZeroDivisionError: integer modulo by zero", output: "", at: (1, 7))
    }

    func test_zero_division_true() {
        assertError("""
        x = 1
        y = 0
        print(x / y)

        """, "ZeroDivisionError: division by zero", output: "", at: (3, 7))
    }

    func test_zero_division_float() {
        assertError("""
        print(1.5 / 0)

        """, "ZeroDivisionError: float division by zero", output: "", at: (1, 7))
    }

    func test_zero_division_float_floor() {
        assertError("""
        print(1.5 // 0.0)

        """, "ZeroDivisionError: float floor division by zero", output: "", at: (1, 7))
    }

    func test_zero_division_float_mod() {
        assertError("""
        print(1.5 % 0)

        """, "ZeroDivisionError: float modulo", output: "", at: (1, 7))
    }

    func test_zero_negative_power() {
        assertError("""
        print(0 ** -1)

        """, "ZeroDivisionError: 0.0 cannot be raised to a negative power", output: "", at: (1, 7))
    }

    func test_float_overflow() {
        assertError("""
        print(2.0 ** 10000)

        """, "OverflowError: (34, 'Numerical result out of range')", output: "", at: (1, 7))
    }

    func test_int_to_float_overflow() {
        assertError("""
        print(float(10 ** 400))

        """, "OverflowError: int too large to convert to float", output: "", at: (1, 7))
    }

    func test_int_div_overflow() {
        assertError("""
        print(10 ** 400 / 3)

        """, "OverflowError: integer division result too large for a float", output: "", at: (1, 7))
    }

    func test_unsupported_add() {
        assertError("""
        print(1 + "a")

        """, "TypeError: unsupported operand type(s) for +: 'int' and 'str'", output: "", at: (1, 7))
    }

    func test_str_concat_int() {
        assertError("""
        print("a" + 1)

        """, "TypeError: can only concatenate str (not \"int\") to str", output: "", at: (1, 7))
    }

    func test_list_concat_tuple() {
        assertError("""
        print([1] + (2,))

        """, "TypeError: can only concatenate list (not \"tuple\") to list", output: "", at: (1, 7))
    }

    func test_bad_unary() {
        assertError("""
        print(-"abc")

        """, "TypeError: bad operand type for unary -: 'str'", output: "", at: (1, 7))
    }

    func test_seq_mul_float() {
        assertError("""
        print("ab" * 2.0)

        """, "TypeError: can't multiply sequence by non-int of type 'float'", output: "", at: (1, 7))
    }

    func test_compare_unsupported() {
        assertError("""
        print(1 < "a")

        """, "TypeError: '<' not supported between instances of 'int' and 'str'", output: "", at: (1, 7))
    }

    func test_conditional_expr() {
        assertOutput("""
        x = 3
        print("big" if x > 2 else "small", "a" if [] else "b", [i if i % 2 else -i for i in range(5)])

        """, "big b [0, 1, -2, 3, -4]\n")
    }

    func test_walrus() {
        assertOutput("""
        data = [1, 2, 3, 4]
        if (n := len(data)) > 3:
            print("long", n)
        print([y for x in data if (y := x * 2) > 4], n)

        """, "long 4\n[6, 8] 4\n")
    }

    func test_augmented() {
        assertOutput("""
        x = 10
        x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
        print(x)
        s = "ab"; s *= 3; s += "!"
        l = [1]; l2 = l; l += [2, 3]; l *= 2
        print(s, l, l2, l is l2)
        t = (1,); t2 = t; t += (2,)
        print(t, t2)
        f = 1.5; f /= 2; f -= 0.25
        print(f)

        """, "1\nababab! [1, 2, 3, 1, 2, 3] [1, 2, 3, 1, 2, 3] True\n(1, 2) (1,)\n0.5\n")
    }

    func test_int_str_limit() {
        assertError("""
        print(str(10 ** 5000)[:10])

        """, "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", output: "", at: (1, 7))
    }

    func test_int_parse_limit() {
        assertError("""
        int("1" * 5000)

        """, "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit", output: "", at: (1, 1))
    }

    func test_pow_big() {
        assertOutput("""
        print(len(str(3 ** 5000)), 7 ** 0, (-2) ** 63, (-2) ** 64)

        """, "2386 1 -9223372036854775808 18446744073709551616\n")
    }

}
