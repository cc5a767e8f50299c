"""Regenerates percent_format.json: `template % operand` cases run by CPython 3.11.

Run:  python3 generate_percent_fixtures.py
Arguments are encoded as typed strings the Swift test decodes:
  i:<int>  b:0|1  f:<float.hex()>  s:<text>  n:<int> (a Num object: __int__, __index__, __float__)
  g:<float.hex()> (an OnlyFloat object: __float__ only)  o:<type>|<str>|<repr> (anything else)
"""
import json
import math
import random

HERE = __file__.rsplit("/", 1)[0]
rng = random.Random(31337)


class Num:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return self.v

    def __index__(self):
        return self.v

    def __float__(self):
        return float(self.v)

    def __repr__(self):
        return f"Num({self.v})"


class OnlyFloat:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return self.v

    def __repr__(self):
        return f"OnlyFloat({self.v!r})"


def encode(v):
    if isinstance(v, bool):
        return f"b:{int(v)}"
    if isinstance(v, int):
        return f"i:{v}"
    if isinstance(v, float):
        return f"f:{v.hex()}"
    if isinstance(v, str):
        return f"s:{v}"
    if isinstance(v, Num):
        return f"n:{v.v}"
    if isinstance(v, OnlyFloat):
        return f"g:{v.v.hex()}"
    return f"o:{type(v).__name__}|{v}|{v!r}"


def outcome(thunk):
    try:
        return "=" + thunk()
    except Exception as e:
        return f"!{type(e).__name__}: {e}"


INTS = [0, 1, -1, 7, 42, -42, 255, -255, 65, 1000, 123456789, -2 ** 40, 2 ** 64, 10 ** 25, 0x10FFFF, 0x110000]
FLOATS = [0.0, -0.0, 1.5, -2.25, 0.1, 3.14159, 1e-5, 12345.678, 1e16, -1e22, 2.5, 0.5, 1e300, math.inf, -math.inf,
          math.nan, 123.456, 5e-324, 99.995, 1 / 3]
STRS = ["", "a", "abc", "it's", 'say "hi"', "both ' and \"", "tab\t", "nl\n", "é", "日本", "\x00\x7f", "\u2028", "😀"]
OTHERS = [None, [1, 2], (1, 2), {"a": 1}, Num(3), Num(-77), Num(255), OnlyFloat(2.5), OnlyFloat(-0.125), True, False]


def random_value(kind):
    if kind in "diuoxXc" and rng.random() < 0.8:
        return rng.choice(INTS + [True, Num(5)])
    if kind in "eEfFgG" and rng.random() < 0.8:
        return rng.choice(FLOATS + [3, -7, True, OnlyFloat(1.25), Num(2)])
    if kind == "c" and rng.random() < 0.5:
        return rng.choice(["x", "é", "😀", "ab", ""])
    return rng.choice(INTS + FLOATS + STRS + OTHERS)


def random_conversion(use_key):
    kind = rng.choice("ssrradiiuoxXeEfFgGcc%" + ("yz" if rng.random() < 0.1 else ""))
    spec = "%"
    key = None
    if use_key:
        key = rng.choice(["a", "b", "long_name", "x(y)"])
        spec += f"({key})"
    spec += "".join(rng.sample("-+ #0", rng.randrange(0, 3)))
    args = []
    if rng.random() < 0.4:
        if rng.random() < 0.15:
            spec += "*"
            args.append(rng.choice([5, -6, 0, 12, True, "x"]))
        else:
            spec += str(rng.randrange(0, 16))
    if rng.random() < 0.35:
        if rng.random() < 0.15:
            spec += ".*"
            args.append(rng.choice([2, -1, 0, 4]))
        else:
            spec += "." + str(rng.choice([0, 1, 2, 3, 5, 10, 17]))
    if rng.random() < 0.05:
        spec += rng.choice("hlL")
    spec += kind
    if kind != "%" or rng.random() < 0.3:
        args.append(random_value(kind))
    return spec, args, key


def random_case():
    mode = rng.choice(["tuple", "tuple", "tuple", "single", "dict"])
    text = []
    args = []
    keys = {}
    for _ in range(1 if mode == "single" else rng.randrange(1, 4)):
        text.append(rng.choice(["", "x=", " ", "|", "é:"]))
        spec, spec_args, key = random_conversion(mode == "dict" and rng.random() < 0.85)
        text.append(spec)
        if key is not None:
            keys[key] = spec_args[-1] if spec_args else rng.choice(INTS)
        else:
            args += spec_args
    if rng.random() < 0.1 and args:
        args.pop()
    if rng.random() < 0.1:
        args.append(rng.choice(INTS))
    if rng.random() < 0.05:
        text.append("%")
    template = "".join(text)
    if mode == "dict":
        return template, "dict", [], keys
    if mode == "single":
        return template, "single", args[:1] or [rng.choice(INTS)], {}
    return template, "tuple", args, {}


CURATED = [
    ("%s", "tuple", ["abc"]), ("%r", "tuple", ["a\n"]), ("%a", "tuple", ["é😀"]), ("%5s|%-5s|", "tuple", ["ab", "cd"]),
    ("%.2f", "tuple", [3.14159]), ("%10.3e", "tuple", [12345.678]), ("%g", "tuple", [1e16]), ("%G", "tuple", [1e-10]),
    ("%d", "tuple", [3.7]), ("%d", "tuple", [-3.7]), ("%d", "tuple", [math.inf]), ("%d", "tuple", [math.nan]),
    ("%d", "tuple", ["a"]), ("%x", "tuple", [3.0]), ("%f", "tuple", ["a"]), ("%c", "tuple", ["ab"]),
    ("%c", "tuple", [65.0]), ("%c", "tuple", [-1]), ("%s %s", "tuple", ["ab"]), ("%s", "tuple", [1, 2]),
    ("hello", "single", [5]), ("%s", "single", [None]), ("%d%%", "single", [50]), ("%5%", "tuple", []),
    ("%5%", "tuple", [1]), ("%", "tuple", []), ("abc%", "tuple", [1]), ("%y", "tuple", [1]), ("abc %y", "tuple", [1]),
    ("%é", "tuple", [1]), ("%*d|%-*d|", "tuple", [5, 3, 5, 3]), ("%*d", "tuple", [-5, 3]), ("%.*f", "tuple", [2, 3.14159]),
    ("%*d", "tuple", ["a", 3]), ("%*s", "tuple", [1.0, "abc"]), ("%.*s", "tuple", [-1, "abc"]), ("%ld %hd %Lf", "tuple", [5, 6, 1.5]),
    ("%05s|%05c|%-05d|", "tuple", ["ab", 65, 3]), ("%05f|%+05f", "tuple", [math.inf, math.nan]), ("%.5d|%#.5x|%#8.5o", "tuple", [-42, 255, 8]),
    ("%#08x|%#-8x|% d|%+d", "tuple", [255, 255, 5, True]), ("%0 5d|%- 5d|%+x|%#X|%#o", "tuple", [3, 3, 255, -255, -8]),
    ("%#x|%#.0o|%.0d|%.3d", "tuple", [0, 0, 0, True]), ("%+.3e|%+.3e", "tuple", [0.0, -0.0]), ("%#.0e|%.0e|%#g", "tuple", [5.0, 5.0, 1.0]),
    ("%.0f %.0f %.0f", "tuple", [0.5, 1.5, 2.5]), ("%.3s|%5.1s|", "tuple", [3.14159, "abc"]), ("%i", "tuple", [2 ** 70]),
    ("%f", "tuple", [2 ** 1100]), ("%e", "tuple", [10 ** 30]), ("%c%c%c", "tuple", [True, 0x10FFFF, "😀"]), ("%c", "tuple", [0x110000]),
    ("%s|%r|%a", "tuple", [Num(3), Num(3), OnlyFloat(0.5)]), ("%d|%x|%f|%c", "tuple", [Num(65), Num(255), Num(2), Num(66)]),
    ("%d", "tuple", [OnlyFloat(2.5)]), ("%f", "tuple", [OnlyFloat(2.5)]), ("%x", "tuple", [OnlyFloat(2.5)]), ("%f", "tuple", [None]),
    ("%s", "tuple", [[1, 2]]), ("%99999999999999999999d", "tuple", [1]), ("%.99999999999999999999d", "tuple", [1]),
    ("%.*s", "tuple", [2 ** 70, "abc"]), ("%*s", "tuple", [2 ** 70, "abc"]), ("%.100f", "tuple", [1.0]), ("%.50e", "tuple", [0.1]),
]
CURATED_DICT = [
    ("%(a)s", "tuple", [1], {}), ("%(a)s %s", "dict", [], {"a": 1}), ("%s %(a)s", "dict", [], {"a": 1}),
    ("%(a", "dict", [], {"a": 1}), ("hello", "dict", [], {"a": 1}), ("%(a)s %(b)s", "dict", [], {"a": 1}),
    ("%(a)d", "dict", [], {"a": "x"}), ("%(x(y))s", "dict", [], {"x(y)": 5}), ("%(a)*d", "dict", [], {"a": 1}),
    ("%(a)%", "dict", [], {"a": 1}), ("%(a)-6.2f|%(b)+05d", "dict", [], {"a": 3.14159, "b": 42}), ("%()s", "dict", [], {"": "empty"}),
]


def run(template, mode, args, keys):
    if mode == "tuple":
        return outcome(lambda: template % tuple(args))
    if mode == "single":
        return outcome(lambda: template % args[0])
    return outcome(lambda: template % keys)


def main():
    cases = []
    for template, mode, args in CURATED:
        cases.append((template, mode, args, {}))
    cases += CURATED_DICT
    for _ in range(1500):
        cases.append(random_case())
    rows = []
    for template, mode, args, keys in cases:
        row = {"template": template, "mode": mode, "args": [encode(a) for a in args]}
        if mode == "dict":
            row["keys"] = {k: encode(v) for k, v in keys.items()}
            row["dictRepr"] = repr(keys)
        row["expected"] = run(template, mode, args, keys)
        rows.append(row)
    with open(f"{HERE}/percent_format.json", "w") as out:
        out.write("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n")


if __name__ == "__main__":
    main()
