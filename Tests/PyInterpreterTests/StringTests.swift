import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class StringTests: InterpreterTestCase {
    func test_repr_and_str() {
        assertOutput("""
        print(repr("it's"), repr('say "hi"'), repr('both \\' and "'), repr("tab\\tnew\\nline\\\\"), repr("\\x00\\x7f\\u00e9\\u200b"), str("x"))
        print(["a", 'b"', "c'"], ("é", "日本"), {"k": "v"})

        """, "\"it's\" 'say \"hi\"' 'both \\' and \"' 'tab\\tnew\\nline\\\\' '\\x00\\x7fé\\u200b' x\n['a', 'b\"', \"c'\"] ('é', '日本') {'k': 'v'}\n")
    }

    func test_escapes() {
        assertOutput("""
        s = "a\\tb\\nc\\\\d\\x41\\u0042\\N{BULLET}" if False else "a\\tb\\nc\\\\d\\x41\\u0042"
        print(s, len(s), r"raw\\n", len(r"\\n"), "\\101\\60", 'it\\'s', "q\\"q")
        print(\"\"\"tri
        ple\"\"\", '''x'y''', "con" "cat" 'en' "ation")

        """, "a\tb\nc\\dAB 9 raw\\n 2 A0 it's q\"q\ntri\nple x'y concatenation\n")
    }

    func test_indexing_slicing() {
        assertOutput("""
        s = "hello world"
        print(s[0], s[-1], s[1:4], s[:3], s[6:], s[::2], s[::-1], s[-5:-1], s[100:], s[3:1], s[1:8:3])
        print("héllo"[1], "héllo"[1:3], len("héllo"), "日本語"[::-1])

        """, "h d ell hel world hlowrd dlrow olleh worl   eoo\né él 5 語本日\n")
    }

    func test_str_methods_case() {
        assertOutput("""
        s = "Hello, World"
        print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize(), "ß".upper(), "HELLO".casefold())
        print(s.isupper(), "ABC".isupper(), "abc".islower(), "Hello World".istitle(), "123".isdigit(), "12a".isdigit(), "abc".isalpha(), "a1".isalnum(), "  ".isspace(), "".isspace(), "x_1".isidentifier(), "1x".isidentifier())

        """, "HELLO, WORLD hello, world hELLO, wORLD Hello, World Hello world SS hello\nFalse True True True True False True True True False True False\n")
    }

    func test_str_methods_strip_split() {
        assertOutput("""
        print("  a b  ".strip(), "xxaxx".strip("x"), "  a ".lstrip(), "  a ".rstrip() + "|", "abcba".strip("ab"))
        print("a,b,,c".split(","), " a  b c ".split(), "a b c".split(None, 1), "a,b,c".rsplit(",", 1), "".split(), "".split(","), "a\\nb\\r\\nc\\n".splitlines(), "x".split("x"))
        print("k=v=w".partition("="), "k=v=w".rpartition("="), "abc".partition("z"), "line1\\nline2".splitlines(True))

        """, "a b a a    a| c\n['a', 'b', '', 'c'] ['a', 'b', 'c'] ['a', 'b c'] ['a,b', 'c'] [] [''] ['a', 'b', 'c'] ['', '']\n('k', '=', 'v=w') ('k=v', '=', 'w') ('abc', '', '') ['line1\\n', 'line2']\n")
    }

    func test_str_methods_search() {
        assertOutput("""
        s = "banana"
        print(s.find("an"), s.rfind("an"), s.find("x"), s.index("n"), s.rindex("n"), s.count("a"), s.count("an"), s.count(""), s.find("a", 2), s.find("a", 2, 3))
        print(s.startswith("ba"), s.endswith("na"), s.startswith(("x", "b")), s.startswith("an", 1), s.replace("a", "o"), s.replace("a", "o", 2), s.replace("", "-"))
        print("a".join(["x", "y", "z"]), ", ".join(str(i) for i in range(3)), "".join([]), "-".join("abc"))

        """, "1 3 -1 2 4 3 2 7 3 -1\nTrue True True True bonono bonona -b-a-n-a-n-a-\nxayaz 0, 1, 2  a-b-c\n")
    }

    func test_str_methods_pad() {
        assertOutput("""
        print("ab".center(7, "*"), "ab".center(6), "abc".center(6, "-"), "ab".ljust(5, ".") + "|", "ab".rjust(5), "42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
        print("tab\\there".expandtabs(4), "abc".removeprefix("a"), "abc".removesuffix("c"), "abc".removeprefix("x"))

        """, "***ab**   ab   -abc-- ab...|    ab 00042 -0042 +007 abc\ntab here bc ab abc\n")
    }

    func test_str_ops() {
        assertOutput("""
        print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -1, "a" + "b", "ab" < "b", "a" in "abc", "" in "abc", "abc" == "abc", "x" != "y")
        print(list("abc"), sorted("cba"), max("hello"), min("hello"), "".join(reversed("abc")), ord("a"), chr(97), chr(0x263A), ord("€"))

        """, "ababab ababab   ab True True True True True\n['a', 'b', 'c'] ['a', 'b', 'c'] o e cba 97 a ☺ 8364\n")
    }

    func test_fstrings_basic() {
        assertOutput("""
        name = "world"
        x = 3.14159
        n = 42
        print(f"hello {name}!", f"{x:.2f}", f"{n:5d}|", f"{n:<5}|", f"{n:^7}|", f"{n:>5}|", f"{n:05d}", f"{x:10.3f}|", f"{{braces}}", f"{n!r} {name!r} {name!s}")
        print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b} {255:08b}", f"{1234567:,}", f"{1234567.891:,.2f}", f"{0.25:%}", f"{0.256:.1%}", f"{1e-5:e}", f"{12345.678:.3e}", f"{-n:+d} {n:+d} {n: d}")

        """, "hello world! 3.14    42| 42   |   42   |    42| 00042      3.142| {braces} 42 'world' world\n2a 2A 52 101010 0x2a 0b101010 11111111 1,234,567 1,234,567.89 25.000000% 25.6% 1.000000e-05 1.235e+04 -42 +42  42\n")
    }

    func test_fstrings_nested_spec() {
        assertOutput("""
        width = 8
        prec = 3
        v = 2.718281828
        print(f"{v:{width}.{prec}f}|", f"{v:>{width}}|", f"{'left':<{width}}|", f"{'mid':*^{width}}")

        """, "   2.718| 2.718281828| left    | **mid***\n")
    }

    func test_fstrings_debug() {
        assertOutput("""
        a = 5
        b = "x"
        print(f"{a=}", f"{a = }", f"{b=}", f"{a*2=}", f"{a=:4d}", f"{b=!s}")

        """, "a=5 a = 5 b='x' a*2=10 a=   5 b=x\n")
    }

    func test_fstrings_expressions() {
        assertOutput("""
        items = [1, 2, 3]
        d = {"k": 7}
        print(f"{len(items)} {items[0] + items[-1]} {d['k']} {[i * 2 for i in items]} {'yes' if items else 'no'} {sum(x for x in items)}")
        print(f"{items}", f"{(1, 2)}", f"{None}", f"{True}", f"{3.0}", f"{1e20}", f"{'quoted'}", f'{"dq"}')

        """, "3 4 7 [2, 4, 6] yes 6\n[1, 2, 3] (1, 2) None True 3.0 1e+20 quoted dq\n")
    }

    func test_format_general() {
        assertOutput("""
        print(format(3.14159, ".3g"), format(1234567.0, "g"), format(0.00001234, "g"), format(1e20, "g"), format(100.0, ".0f"), format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))
        print(format(1.0, ".3"), format(1234.5, ".3"), format(1.5, ""), format(1.5, "10"), format(5, ""), format("s", "3"), format(True, ""), format(True, ">5"), format(-0.0, ".1f"), format(float("inf"), ".2f"), format(float("nan"), "F"))
        print(format(12.0, "g"), format(123456789.0, ".4g"), format(1.23e-10, ".2g"), format(0.1, ".20f"), format(255, "c") if False else "", format(65, "c"))

        """, "3.14 1.23457e+06 1.234e-05 1e+20 100 2 4 0.12 0.38\n1.0 1.23e+03 1.5        1.5 5 s   True     1 -0.0 inf NAN\n12 1.235e+08 1.2e-10 0.10000000000000000555  A\n")
    }

    func test_str_format_method() {
        assertOutput("""
        print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("a", "b"), "{name} is {age}".format(name="Al", age=3), "{:>6.2f}|".format(3.14159), "{0[1]} {1[k]}".format([5, 6], {"k": 9}))
        print("{!r:>8}".format("x"), "{:{w}}|".format(5, w=4), "{{}}".format(), "{0:,}".format(10**9))

        """, "1 + 2 = 3 aba Al is 3   3.14| 6 9\n     'x'    5| {} 1,000,000,000\n")
    }

    func test_percent_format() {
        assertOutput("""
        print("%d items" % 5, "%s and %s" % ("a", "b"), "%5.2f|" % 3.14159, "%-5d|" % 3, "%05d" % 42, "%x %X %o" % (255, 255, 8), "%e" % 12345.678, "%g" % 0.0001, "%r" % "q", "%%", "%c" % 65, "%(a)s-%(b)d" % {"a": "x", "b": 2})
        print("%s" % [1, 2], "%s" % (1,), "%.3s" % "abcdef", "%+d" % 5, "% d" % 5, "%3s|%-3s|" % ("a", "b"), "%d" % 3.99, "%i" % True, "%.1f%%" % 99.5)

        """, "5 items a and b  3.14| 3    | 00042 ff FF 10 1.234568e+04 0.0001 'q' %% A x-2\n[1, 2] 1 abc +5  5   a|b  | 3 1 99.5%\n")
    }

    func test_percent_not_enough() {
        assertError("""
        print("%s %s" % ("a",))

        """, "TypeError: not enough arguments for format string", output: "", at: (1, 7))
    }

    func test_percent_too_many() {
        assertError("""
        print("%s" % ("a", "b"))

        """, "TypeError: not all arguments converted during string formatting", output: "", at: (1, 7))
    }

    func test_percent_bad_type() {
        assertError("""
        print("%d" % "x")

        """, "TypeError: %d format: a real number is required, not str", output: "", at: (1, 7))
    }

    func test_str_index_error() {
        assertError("""
        print("abc"[10])

        """, "IndexError: string index out of range", output: "", at: (1, 7))
    }

    func test_str_item_assign() {
        assertError("""
        s = "abc"
        s[0] = "x"

        """, "TypeError: 'str' object does not support item assignment", output: "", at: (2, 1))
    }

    func test_str_bad_index_type() {
        assertError("""
        print("abc"["a"])

        """, "TypeError: string indices must be integers, not 'str'", output: "", at: (1, 7))
    }

    func test_join_non_str() {
        assertError("""
        print(", ".join([1, 2]))

        """, "TypeError: sequence item 0: expected str instance, int found", output: "", at: (1, 7))
    }

    func test_split_empty_sep() {
        assertError("""
        print("abc".split(""))

        """, "ValueError: empty separator", output: "", at: (1, 7))
    }

    func test_index_not_found() {
        assertError("""
        print("abc".index("z"))

        """, "ValueError: substring not found", output: "", at: (1, 7))
    }

    func test_format_bad_code() {
        assertError("""
        print(format(1.5, "d"))

        """, "ValueError: Unknown format code 'd' for object of type 'float'", output: "", at: (1, 7))
    }

    func test_str_methods_misc() {
        assertOutput("""
        print("a-b_c d".replace("-", " ").split(), "Hello".count("l"), "x".isascii(), "日本".isascii(), "ABC".lower().upper(), "hello"[::-1].upper())
        print(str(12), str(1.0), str(None), str([1, "a"]), str((1,)), str({1: "a"}), str(True), str(-0.0), str(1e100), repr(1e-7))

        """, "['a', 'b_c', 'd'] 2 True False ABC OLLEH\n12 1.0 None [1, 'a'] (1,) {1: 'a'} True -0.0 1e+100 1e-07\n")
    }

    func test_str_compare_sort() {
        assertOutput("""
        words = ["banana", "Apple", "cherry", "apple"]
        print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, reverse=True), max(words, key=len))

        """, "['Apple', 'apple', 'banana', 'cherry'] ['Apple', 'apple', 'banana', 'cherry'] ['Apple', 'apple', 'banana', 'cherry'] ['cherry', 'banana', 'apple', 'Apple'] banana\n")
    }

}
