"""Regenerates random_streams.txt: CPython 3.11 `random` results per op line.

Run:  python3 generate_random_fixtures.py
Each line is `op args -> result`; floats as float.hex(), lists comma-separated,
errors as !Type: message. `seed` lines start a new stream.
"""
import random

HERE = __file__.rsplit("/", 1)[0]
plan = random.Random(4242)
r = random.Random()


def fmt(v):
    if isinstance(v, float):
        return v.hex()
    if isinstance(v, list):
        return ",".join(fmt(x) for x in v)
    return str(v)


def num(text):
    return None if text == "None" else float(text) if "." in text or "e" in text else int(text)


def run(line):
    w = line.split()
    op, a = w[0], w[1:]
    if op == "seed":
        r.seed(int(a[0]) if a[0].lstrip("-").isdigit() else a[0])
        return ""
    if op == "random":
        return fmt(r.random())
    if op == "getrandbits":
        return fmt(r.getrandbits(int(a[0])))
    if op == "randbelow":
        return fmt(r._randbelow(int(a[0])))
    if op == "randrange":
        return fmt(r.randrange(*[int(x) for x in a[:2]], **({"step": int(a[2])} if len(a) > 2 else {})))
    if op == "randint":
        return fmt(r.randint(int(a[0]), int(a[1])))
    if op == "choice":
        return fmt(r.choice(range(int(a[0]))))
    if op == "shuffle":
        items = list(range(int(a[0])))
        r.shuffle(items)
        return fmt(items)
    if op == "sample":
        return fmt(r.sample(range(int(a[0])), int(a[1])))
    if op == "choices":
        return fmt(r.choices(range(int(a[0])), k=int(a[1])))
    if op == "wchoices":
        cum = [float(x) for x in a[0].split(",")]
        return fmt(r.choices(range(len(cum)), cum_weights=cum, k=int(a[1])))
    if op == "uniform":
        return fmt(r.uniform(float(a[0]), float(a[1])))
    if op == "triangular":
        return fmt(r.triangular(float(a[0]), float(a[1]), num(a[2])))
    if op in ("gauss", "normalvariate", "lognormvariate"):
        return fmt(getattr(r, op)(float(a[0]), float(a[1])))
    if op == "expovariate":
        return fmt(r.expovariate(float(a[0])))
    raise ValueError(line)


def outcome(line):
    try:
        return run(line)
    except Exception as e:
        return f"!{type(e).__name__}: {e}"


SEEDS = ["0", "1", "2", "42", "-5", "12345", "4294967295", "4294967296", "18446744073709551619",
         "12345678901234567890123456789", "10000000000000000000000000000000000000000", "hello", "é", "Litgrad"]


def random_op():
    kind = plan.choice(["random", "getrandbits", "randbelow", "randrange", "randint", "choice", "shuffle", "sample",
                        "choices", "wchoices", "uniform", "triangular", "gauss", "gauss", "normalvariate",
                        "expovariate", "lognormvariate"])
    if kind == "random":
        return "random"
    if kind == "getrandbits":
        return f"getrandbits {plan.choice([0, 1, 5, 31, 32, 33, 53, 63, 64, 65, 100, 128, 200])}"
    if kind == "randbelow":
        return f"randbelow {plan.choice([1, 2, 3, 10, 100, 2**31 + 1, 2**32, 2**40 + 7, 2**64 + 3, 10**30])}"
    if kind == "randrange":
        return "randrange " + plan.choice(["10", "1 7", "-5 5", "0 100 7", "10 0 -3", "5 5", "0", "3 1", "0 10 0",
                                           "0 18446744073709551616", "-1000000 1000000 3", "7 8"])
    if kind == "randint":
        return "randint " + plan.choice(["1 6", "0 1", "-10 10", "5 5", "5 3", "0 1000000000000"])
    if kind == "choice":
        return f"choice {plan.choice([0, 1, 2, 5, 26, 1000])}"
    if kind == "shuffle":
        return f"shuffle {plan.choice([0, 1, 2, 5, 10, 52])}"
    if kind == "sample":
        n = plan.choice([5, 10, 26, 40, 100, 1000, 100000])
        k = plan.choice([0, 1, 3, 5, 6, 10, 20, 200] + ([n, n + 1] if n <= 100 else [n + 1]))
        return f"sample {n} {k}"
    if kind == "choices":
        return f"choices {plan.choice([1, 3, 10])} {plan.choice([1, 5])}"
    if kind == "wchoices":
        return "wchoices " + plan.choice(["1.0,3.0,6.0", "0.5,0.5", "2.0", "0.0,0.0", "1.0,2.0,3.0,10.0"]) + f" {plan.choice([1, 4])}"
    if kind == "uniform":
        return "uniform " + plan.choice(["0.0 1.0", "-2.5 7.25", "10.0 1.0", "3.0 3.0"])
    if kind == "triangular":
        return "triangular " + plan.choice(["0.0 1.0 None", "1.0 5.0 2.0", "2.0 2.0 2.0", "5.0 1.0 4.0"])
    if kind in ("gauss", "normalvariate", "lognormvariate"):
        return f"{kind} " + plan.choice(["0.0 1.0", "10.0 2.5", "-1.0 0.1"])
    return "expovariate " + plan.choice(["1.0", "0.5", "20.0", "0.0", "-2.0"])


def main():
    lines = []
    for seed in SEEDS:
        lines.append(f"seed {seed}")
        lines += ["random"] * 3 + ["gauss 0.0 1.0", "seed " + seed, "gauss 0.0 1.0", "gauss 0.0 1.0"]
        lines += [random_op() for _ in range(40)]
    with open(f"{HERE}/random_streams.txt", "w") as out:
        out.write("# op args -> CPython 3.11 result (random.Random instance)\n")
        for line in lines:
            out.write(f"{line} -> {outcome(line)}\n")


if __name__ == "__main__":
    main()
