"""Regenerates the CPython formatting fixtures of PyLib's tests.

Run with CPython 3.11:  python3 generate_format_fixtures.py
Floats are written with float.hex() so they read back exactly.
"""
import json
import math
import random
import struct

HERE = __file__.rsplit("/", 1)[0]
rng = random.Random(20241121)


def outcome(thunk):
    try:
        return "=" + thunk()
    except Exception as e:  # the fixture records the exception as text
        return f"!{type(e).__name__}: {e}"


def bits_to_float(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


SPECIAL_FLOATS = [
    0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 3.0, -4800.0, 0.1, 0.2, 0.3, 1.1, 1 / 3, 2 / 3,
    0.0001, 0.00011, 0.00009999, 1e-5, 2.5e-7, 1e16, 1e15, 9999999999999998.0, 1e16 - 2, 1e17,
    123456789012345680.0, 5e-324, 1e-323, 2.2250738585072014e-308, 1.7976931348623157e308,
    0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 100.0, 1e22, 1e23, 12345.678, 1234567.0, 0.05, 0.15, 0.25, 0.35,
    2.675, 1.005, 9.995, 99.5, 999999.5, 0.000123456, 1e100, 1.5e300, -1e-300, 4.35, 8.875, 123.0,
    2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 0.1 + 0.2, 3.14159265358979, 2.718281828459045, 1e-7, 7e-10,
]


def random_floats(n, kinds=4):
    out = []
    for _ in range(n):
        kind = rng.randrange(4 - kinds, 4)
        if kind == 0:  # any finite bit pattern
            while True:
                x = bits_to_float(rng.getrandbits(64))
                if math.isfinite(x):
                    break
        elif kind == 1:  # human-sized decimals
            x = round(rng.uniform(-1, 1) * 10 ** rng.randrange(-8, 18), rng.randrange(0, 8))
        elif kind == 2:  # float32 values, as tensors produce
            x = struct.unpack("<f", struct.pack("<f", rng.gauss(0, 10 ** rng.randrange(-3, 6))))[0]
        else:  # halfway-looking values
            x = (rng.randrange(-100000, 100000) + 0.5) / 10 ** rng.randrange(0, 6)
        out.append(x)
    return out


def write_repr():
    values = SPECIAL_FLOATS + random_floats(1500)
    with open(f"{HERE}/float_repr.txt", "w") as out:
        out.write("# float.hex() repr(x)\n")
        for x in values:
            out.write(f"{x.hex()} {x!r}\n")


def random_spec(for_type):
    parts = []
    if rng.random() < 0.3:
        fill = rng.choice(["", "", "*", "0", " ", "é", "_"])
        parts.append(fill + rng.choice("<>^="))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.1:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.25:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randrange(0, 25)))
    if rng.random() < 0.2:
        parts.append(rng.choice([",", "_"]))
    if rng.random() < 0.5:
        parts.append("." + str(rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 10, 17, 20, 30])))
    if rng.random() < 0.8:
        types = {"float": "eEfFgGn%", "int": "bcdoxXneEfFgG%", "str": "s"}[for_type]
        parts.append(rng.choice(types + ("sdxcr" if rng.random() < 0.1 else "")))
    return "".join(parts)


CURATED_SPECS = [
    "", "f", ".2f", ".0f", "#.0f", "e", ".3e", "E", "g", ".3g", "#g", "#.3g", "G", "%", ".1%", "n", ".3",
    ".0", ".1", ".17", ".20", "10", "<10", "^10", "=+10", "010.2f", "+", " ", "z", "z.1f", ",", "_", ",.2f",
    "020,.2f", "_.3e", "*^15.4g", ">+12.5", "#", "#.0", "10.3n", "d", "x", ".", "5.2fx", ",_",
]
INT_SPECS = ["", "d", "b", "o", "x", "X", "#b", "#o", "#x", "#X", "_b", "_x", "#_x", ",", "_", "08,", "09,", "+d", " d",
             "c", "5c", "05c", "+c", "#c", "n", ",n", ".2", "z", "zd", "#010x", "=+8", "e", ".2f", "%", "g", "s", "r"]
STR_SPECS = ["", "s", "5", "<5", ">5", "^5", "^6", "*^7", ".2", "^7.2", "05", "<05", "=5", "+", "#", "z", "d", ",", "_s", ".0"]


def write_format_spec():
    cases = []
    floats = SPECIAL_FLOATS + random_floats(15, kinds=3)
    for x in floats:
        for spec in CURATED_SPECS:
            cases.append(["float", x.hex(), spec, outcome(lambda: format(x, spec))])
    for x in floats + random_floats(50, kinds=3):
        for _ in range(10):
            spec = random_spec("float")
            cases.append(["float", x.hex(), spec, outcome(lambda: format(x, spec))])
    ints = [0, 1, -1, 7, 65, 255, -255, 1000, 1234, -1234567, 10 ** 6, 2 ** 31, -2 ** 63, 2 ** 64, 10 ** 30, -10 ** 25,
            2 ** 70, 0x10FFFF, 0x110000, 2 ** 63, 10 ** 400, 9007199254740993]
    for n in ints:
        for spec in INT_SPECS:
            cases.append(["int", str(n), spec, outcome(lambda: format(n, spec))])
        for _ in range(15):
            spec = random_spec("int")
            cases.append(["int", str(n), spec, outcome(lambda: format(n, spec))])
    strings = ["", "a", "abc", "héllo", "日本語", "e\u0301", "😀x", "tab\there"]
    for s in strings:
        for spec in STR_SPECS:
            cases.append(["str", s, spec, outcome(lambda: format(s, spec))])
        for _ in range(20):
            spec = random_spec("str")
            cases.append(["str", s, spec, outcome(lambda: format(s, spec))])
    with open(f"{HERE}/format_spec.json", "w") as out:
        out.write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n]\n")


if __name__ == "__main__":
    write_repr()
    write_format_spec()
