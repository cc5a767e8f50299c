import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class BuiltinTests: InterpreterTestCase {
    func test_print_options() {
        assertOutput("""
        print("a", "b", sep="")
        print("a", "b", sep=", ", end="!\\n")
        print()
        print("x", end="")
        print("y")
        print(1, None, True, 2.5, [1], (1,), sep="|")
        print(sep="-")

        """, "ab\na, b!\n\nxy\n1|None|True|2.5|[1]|(1,)\n\n")
    }

    func test_print_bad_kw() {
        assertError("""
        print("x", foo=1)

        """, "TypeError: 'foo' is an invalid keyword argument for print()", output: "", at: (1, 1))
    }

    func test_print_bad_sep() {
        assertError("""
        print("x", sep=1)

        """, "TypeError: sep must be None or a string, not int", output: "", at: (1, 1))
    }

    func test_len_and_types() {
        assertOutput("""
        print(len("abc"), len([1]), len({}), len(range(5)), len((1, 2)), len({1, 2, 2}), len(""))
        print(type(1), type(1.0), type("s"), type(None), type([]), type(()), type({}), type(set()), type(len), type(range(1)), type(type), type(True))
        print(isinstance(True, int), isinstance(1, (str, int)), isinstance(1.0, int), isinstance("s", (list, (tuple, str))), issubclass(bool, int), type(1) == int)

        """, "3 1 0 5 2 2 0\n<class 'int'> <class 'float'> <class 'str'> <class 'NoneType'> <class 'list'> <class 'tuple'> <class 'dict'> <class 'set'> <class 'builtin_function_or_method'> <class 'range'> <class 'type'> <class 'bool'>\nTrue True False True True True\n")
    }

    func test_len_bad() {
        assertError("""
        len(5)

        """, "TypeError: object of type 'int' has no len()", output: "", at: (1, 1))
    }

    func test_min_max_sum() {
        assertOutput("""
        print(min([3, 1, 2]), max(3, 1, 2), min("b", "a"), max([1, 5, 3], key=lambda x: -x), min([], default="empty"), max([2, 2.0]), min([2.0, 2]))
        print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(10), 100), sum([]), sum([True, True]))

        """, "1 3 a 1 empty 2 2.0\n6 0.9999999999999999 [1, 2] 145 0 2\n")
    }

    func test_max_empty() {
        assertError("""
        max([])

        """, "ValueError: max() arg is an empty sequence", output: "", at: (1, 1))
    }

    func test_sum_strings() {
        assertError("""
        sum(["a", "b"], "")

        """, "TypeError: sum() can't sum strings [use ''.join(seq) instead]", output: "", at: (1, 1))
    }

    func test_abs_round_pow() {
        assertOutput("""
        print(abs(-3), abs(3.5), abs(-0.0), round(3.14159, 2), round(-3.5), round(4.5), round(2.567, 1), pow(2, 8), pow(2.0, 3), pow(-8, 1/3) if False else 0, pow(5, 3, 13))

        """, "3 3.5 0.0 3.14 -4 4 2.6 256 8.0 0 8\n")
    }

    func test_conversions() {
        assertOutput("""
        print(int(3.99), int(-3.99), int("-12"), int("0b101", 0), int("z", 36), float("1e-3"), float(2), str(3.0), bool([]), bool("0"), list((1, 2)), tuple([1]), set("aab") == {"a", "b"}, dict(x=1))
        print(int(" 7 "), float("  .5"), float("5."), float("-inf"), int(True), int(2**70 + 0.0), float(True))

        """, "3 -3 -12 5 35 0.001 2.0 3.0 False True [1, 2] (1,) True {'x': 1}\n7 0.5 5.0 -inf 1 1180591620717411303424 1.0\n")
    }

    func test_int_invalid() {
        assertError("""
        int("4.5")

        """, "ValueError: invalid literal for int() with base 10: '4.5'", output: "", at: (1, 1))
    }

    func test_float_invalid() {
        assertError("""
        float("abc")

        """, "ValueError: could not convert string to float: 'abc'", output: "", at: (1, 1))
    }

    func test_int_none() {
        assertError("""
        int(None)

        """, "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'", output: "", at: (1, 1))
    }

    func test_chr_ord_hex() {
        assertOutput("""
        print(chr(65), chr(8364), ord("A"), ord("€"), hex(0), hex(-1), oct(64), bin(0), bin(255), ascii("é"), repr("é"))

        """, "A € 65 8364 0x0 -0x1 0o100 0b0 0b11111111 '\\xe9' 'é'\n")
    }

    func test_any_all_filter_map() {
        assertOutput("""
        print(any([]), any([0, "", None]), any([0, 1]), all([1, "x"]), all([1, 0]), all(x > 0 for x in [1, 2]))
        print(list(filter(lambda x: x % 2, range(6))), list(map(abs, [-1, 2, -3])), list(filter(str.isdigit, ["1", "a", "22"])))

        """, "False False True True False True\n[1, 3, 5] [1, 2, 3] ['1', '22']\n")
    }

    func test_getattr_family() {
        assertError("""
        class O:
            pass
        o = O()
        setattr(o, "a", 1)
        print(getattr(o, "a"), hasattr(o, "a"), hasattr(o, "b"), getattr(o, "b", None))
        delattr(o, "a")
        print(hasattr(o, "a"))
        getattr(o, "a")

        """, "AttributeError: 'O' object has no attribute 'a'", output: "1 True False None\nFalse\n", at: (8, 1))
    }

    func test_callable_and_id() {
        assertOutput("""
        print(callable(len), callable(print), callable(lambda: 0), callable(int), callable("s"), id(o := object()) == id(o), hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))

        """, "True True True True False True True True True\n")
    }

    func test_sorted_reversed_enumerate() {
        assertOutput("""
        print(sorted([3, 1, 2]), sorted("bca", reverse=True), list(reversed(range(3))), list(reversed("ab")), list(enumerate(["a", "b"], start=10)), sorted({3: "a", 1: "b"}))

        """, "[1, 2, 3] ['c', 'b', 'a'] [2, 1, 0] ['b', 'a'] [(10, 'a'), (11, 'b')] [1, 3]\n")
    }

    func test_sorted_mixed_types() {
        assertError("""
        sorted([1, "a", 2])

        """, "TypeError: '<' not supported between instances of 'str' and 'int'", output: "", at: (1, 1))
    }

    func test_format_builtin() {
        assertOutput("""
        print(format(3.14159, ".2f"), format(42, "08b"), format("x", ">3"), format(1234567, ","), format(0.5, "%"), format(12, "#o"))

        """, "3.14 00101010   x 1,234,567 50.000000% 0o14\n")
    }

    func test_iter_non_iterable() {
        assertError("""
        for x in 5:
            pass

        """, "TypeError: 'int' object is not iterable", output: "", at: (1, 1))
    }

    func test_divmod_float_zero() {
        assertError("""
        divmod(1.0, 0)

        """, "ZeroDivisionError: float divmod()", output: "", at: (1, 1))
    }

    func test_pow_mod_zero() {
        assertError("""
        pow(2, 3, 0)

        """, "ValueError: pow() 3rd argument cannot be 0", output: "", at: (1, 1))
    }

    func test_chr_range() {
        assertError("""
        chr(-1)

        """, "ValueError: chr() arg not in range(0x110000)", output: "", at: (1, 1))
    }

    func test_ord_long() {
        assertError("""
        ord("ab")

        """, "TypeError: ord() expected a character, but string of length 2 found", output: "", at: (1, 1))
    }

    func test_isinstance_bad() {
        assertError("""
        isinstance(1, 2)

        """, "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union", output: "", at: (1, 1))
    }

    func test_range_float() {
        assertError("""
        range(1.5)

        """, "TypeError: 'float' object cannot be interpreted as an integer", output: "", at: (1, 1))
    }

    func test_object_and_super_misc() {
        assertOutput("""
        o = object()
        print(type(o).__name__, isinstance(o, object), object.__name__, o == o, o != object())

        """, "object True object True True\n")
    }

    func test_math_module() {
        assertOutput("""
        import math
        print(math.pi, math.e, math.tau, math.inf, math.nan, math.sqrt(16), math.sqrt(2), math.exp(1), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(8), math.log10(1000))
        print(math.sin(0), math.cos(0), math.tan(0), math.atan2(1, 1), math.floor(-2.5), math.ceil(-2.5), math.floor(3), math.ceil(2.1), type(math.floor(2.5)).__name__, math.fabs(-3), math.pow(2, 10), math.trunc(-3.7))
        print(math.isclose(0.1 + 0.2, 0.3), math.isnan(math.nan), math.isinf(-math.inf), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), sum([0.1] * 10), math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.gcd(12, 18), math.hypot(3, 4), math.tanh(0.5), math.erf(1))
        print(math.degrees(math.pi), math.radians(180), math.isqrt(17), math.lcm(4, 6), math.copysign(3, -0.0), math.fmod(-7, 3), math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4), math.expm1(1e-10), math.log1p(1e-10), math.isfinite(1.0))

        """, "3.141592653589793 2.718281828459045 6.283185307179586 inf nan 4.0 1.4142135623730951 2.718281828459045 1.0 3.0 2.0 3.0 3.0\n0.0 1.0 0.0 0.7853981633974483 -3 -2 3 3 int 3.0 1024.0 -3\nTrue True True 24 1.0 0.9999999999999999 3628800 10 20 6 5.0 0.46211715726000974 0.8427007929497149\n180.0 3.141592653589793 4 12 -3.0 -1.0 (0.5, 2.0) (0.5, 4) 8.0 1.00000000005e-10 9.999999999500001e-11 True\n")
    }

    func test_math_domain() {
        assertError("""
        import math
        math.sqrt(-1)

        """, "ValueError: math domain error", output: "", at: (2, 1))
    }

    func test_math_log_zero() {
        assertError("""
        import math
        math.log(0)

        """, "ValueError: math domain error", output: "", at: (2, 1))
    }

    func test_math_range() {
        assertError("""
        import math
        math.exp(1000)

        """, "OverflowError: math range error", output: "", at: (2, 1))
    }

    func test_math_factorial_negative() {
        assertError("""
        import math
        math.factorial(-1)

        """, "ValueError: factorial() not defined for negative values", output: "", at: (2, 1))
    }

    func test_from_math_import() {
        assertOutput("""
        from math import sqrt as s, pi
        from math import *
        print(s(9), pi, floor(2.7), cos(0))

        """, "3.0 3.141592653589793 2 1.0\n")
    }

    func test_import_nested_unknown() {
        assertError("""
        import math.foo

        """, "ModuleNotFoundError: No module named 'math.foo'; 'math' is not a package", output: "", at: (1, 1))
    }

    func test_from_import_missing() {
        assertError("""
        from math import foo

        """, "ImportError: cannot import name 'foo' from 'math' (unknown location)", output: "", at: (1, 1))
    }

}
