"""Regenerates round.txt and float_parse.json from CPython 3.11.

Run:  python3 generate_round_parse_fixtures.py
"""
import json
import math
import random
import struct

HERE = __file__.rsplit("/", 1)[0]
rng = random.Random(777)


def outcome(thunk):
    try:
        return "=" + thunk()
    except Exception as e:
        return f"!{type(e).__name__}: {e}"


def write_round():
    values = [0.5, 1.5, 2.5, -0.5, -2.5, 2.675, 1.005, 0.125, 0.375, 1234.5678, -1234.5678, 1e300, 1.7e308,
              -1.7e308, 5e-324, 0.0, -0.0, math.inf, -math.inf, math.nan, 123456789.987654321, 0.045, 0.055,
              1e-5, 9.995, 99.5, 999999.5, 5e22, 15.0, 25.0, 150.0, 250.0, 0.1 + 0.2]
    for _ in range(400):
        kind = rng.randrange(3)
        if kind == 0:
            x = (rng.randrange(-10 ** 6, 10 ** 6) + 0.5) / 10 ** rng.randrange(0, 6)
        elif kind == 1:
            x = rng.uniform(-1, 1) * 10 ** rng.randrange(-10, 20)
        else:
            while True:
                x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
                if math.isfinite(x):
                    break
        values.append(x)
    digits = [0, 1, 2, 3, 4, 6, 10, 17, 22, 300, 323, 324, -1, -2, -3, -5, -20, -300, -308, -309]
    with open(f"{HERE}/round.txt", "w") as out:
        out.write("# float.hex(x) ndigits -> float.hex(round(x, ndigits)) or !Error; ndigits 'int' is round(x)\n")
        for x in values:
            chosen = rng.sample(digits, 6)
            for n in chosen:
                result = outcome(lambda: round(x, n).hex())
                out.write(f"{x.hex()} {n} {result}\n")
            if not math.isfinite(x) or abs(x) < 1e30:
                out.write(f"{x.hex()} int {outcome(lambda: str(round(x)))}\n")


def write_parse():
    texts = ["1.5", "  2.5  ", "\t-3\n", "1_000.5", "1__000", "_1", "1_", "1_.5", "1._5", "1e1_0", "1e_10", "+.5", "-5.",
             ".", "e5", "1e", "1e+", "1e+5", "1E-5", "inf", "-Infinity", "+iNf", "nan", "-NaN", "infinit", "infinityy",
             "", "   ", "0x10", "1,5", "1.5.2", "١٢٣.٤", "1\u00a0", "\u20031.25\u2003", "1e400", "-1e400", "1e-400",
             "0.1", "123456789012345678901234567890", "4.9406564584124654e-324", "2.4703282292062328e-324",
             "2.4703282292062327e-324", "1.7976931348623158e308", "1.7976931348623159e308", "--1", "+-1", "1 2",
             "nan(1)", "infinity", "in f", "0", "-0", "00012", "1e0001", "\x1c5\x1f", "5\x00", "٣"]
    for _ in range(150):
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isfinite(x):
            texts.append(rng.choice([repr(x), f"{x:.25g}", f"{x:.5e}"]))
    rows = []
    for t in texts:
        rows.append([t, outcome(lambda: float(t).hex())])
    with open(f"{HERE}/float_parse.json", "w") as out:
        out.write("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n")


if __name__ == "__main__":
    write_round()
    write_parse()
