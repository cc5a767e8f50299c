import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class ContainerTests: InterpreterTestCase {
    func test_list_basics() {
        assertOutput("""
        l = [3, 1, 2]
        l.append(5); l.extend([7, 8]); l.insert(0, 9); l.insert(-1, 4); l.insert(100, 0)
        print(l, len(l), l.pop(), l.pop(0), l.pop(-2), l)
        l.remove(1); print(l, l.index(2), l.count(7), 7 in l, l.copy() == l, l.copy() is l)
        l.reverse(); print(l); l.sort(); print(l); l.sort(reverse=True); print(l); l.clear(); print(l)

        """, "[3, 1, 2, 5, 7, 8] 9 0 9 4 [3, 1, 2, 5, 7, 8]\n[3, 2, 5, 7, 8] 1 1 True True False\n[8, 7, 5, 2, 3]\n[2, 3, 5, 7, 8]\n[8, 7, 5, 3, 2]\n[]\n")
    }

    func test_list_slicing() {
        assertOutput("""
        a = list(range(10))
        print(a[2:5], a[:-3], a[::3], a[::-2], a[-3:], a[5:2:-1], a[1:9:2], a[100:], a[-100:2])
        b = a[:]
        b[2:5] = ["x"]; print(b)
        b[::2] = [0] * len(b[::2]); print(b)
        del b[1:3]; print(b)
        del b[::2]; print(b)
        b[1:1] = [7, 7]; print(b)
        c = [1, 2, 3]; c[-1] = 30; c[len(c):] = [4]; print(c)

        """, "[2, 3, 4] [0, 1, 2, 3, 4, 5, 6] [0, 3, 6, 9] [9, 7, 5, 3, 1] [7, 8, 9] [5, 4, 3] [1, 3, 5, 7] [] [0, 1]\n[0, 1, 'x', 5, 6, 7, 8, 9]\n[0, 1, 0, 5, 0, 7, 0, 9]\n[0, 5, 0, 7, 0, 9]\n[5, 7, 9]\n[5, 7, 7, 7, 9]\n[1, 2, 30, 4]\n")
    }

    func test_list_ops() {
        assertOutput("""
        print([1, 2] + [3], [0] * 3, 2 * [1, 2], [[0] * 2] * 2, [1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2, 3] > [1, 2], [] < [0])
        nested = [[1, 2], [3, [4, 5]]]
        print(nested[1][1][0], len(nested), [x for sub in nested for x in (sub if isinstance(sub, list) else [sub])])
        r = [1, 2]; r.append(r); print(r)
        m = [1]; n = [m, m]; m.append(2); print(n)

        """, "[1, 2, 3] [0, 0, 0] [1, 2, 1, 2] [[0, 0], [0, 0]] True True True True\n4 2 [1, 2, 3, [4, 5]]\n[1, 2, [...]]\n[[1, 2], [1, 2]]\n")
    }

    func test_list_sort_stable() {
        assertOutput("""
        pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c")]
        print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
        print(sorted([3, 1, 2], reverse=True), sorted([-3, 1, -2], key=abs), sorted(["b", "A", "c"]), sorted([1.5, 1, True, 0]))

        """, "[(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a'), (2, 'c')] [(2, 'c'), (1, 'b'), (1, 'a'), (0, 'a'), (0, 'b')]\n[3, 2, 1] [1, -2, -3] ['A', 'b', 'c'] [0, 1, True, 1.5]\n")
    }

    func test_tuple_basics() {
        assertOutput("""
        t = (1, 2, 3)
        print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, (1,), (), tuple([1, 2]), tuple("ab"), 2 in t, t.index(3), t.count(1))
        a, b, c = t; print(a, b, c)
        a, *rest = t; print(a, rest)
        *init, last = t; print(init, last)
        first, *mid, last = [1, 2, 3, 4, 5]; print(first, mid, last)
        (x, y), z = (1, 2), 3; print(x, y, z)
        x, y = y, x; print(x, y)
        for i, (p, q) in enumerate([(1, 2), (3, 4)]): print(i, p, q)

        """, "(1, 2, 3) 1 3 (2, 3) 3 (1, 2, 3, 4) (1, 2, 3, 1, 2, 3) (1,) () (1, 2) ('a', 'b') True 2 1\n1 2 3\n1 [2, 3]\n[1, 2] 3\n1 [2, 3, 4] 5\n1 2 3\n2 1\n0 1 2\n1 3 4\n")
    }

    func test_dict_basics() {
        assertOutput("""
        d = {"a": 1, "b": 2}
        d["c"] = 3; d["a"] = 10
        print(d, len(d), d["b"], d.get("z"), d.get("z", 0), "a" in d, 1 in d, list(d), list(d.keys()), list(d.values()), list(d.items()))
        print(d.keys(), d.values(), d.items())
        print(d.pop("b"), d.pop("zz", None), d.setdefault("e", 5), d.setdefault("a", 99), d)
        d.update({"f": 6}, g=7); d.update([("h", 8)]); print(d)
        print(d.popitem(), d, d.copy() == d, dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict.fromkeys("ab", 0), {**d, "a": 0})
        del d["a"]; print(d); d.clear(); print(d, {})

        """, "{'a': 10, 'b': 2, 'c': 3} 3 2 None 0 True False ['a', 'b', 'c'] ['a', 'b', 'c'] [10, 2, 3] [('a', 10), ('b', 2), ('c', 3)]\ndict_keys(['a', 'b', 'c']) dict_values([10, 2, 3]) dict_items([('a', 10), ('b', 2), ('c', 3)])\n2 None 5 10 {'a': 10, 'c': 3, 'e': 5}\n{'a': 10, 'c': 3, 'e': 5, 'f': 6, 'g': 7, 'h': 8}\n('h', 8) {'a': 10, 'c': 3, 'e': 5, 'f': 6, 'g': 7} True {'a': 1, 'b': 2} {1: 2, 3: 4} {'a': 0, 'b': 0} {'a': 0, 'c': 3, 'e': 5, 'f': 6, 'g': 7}\n{'c': 3, 'e': 5, 'f': 6, 'g': 7}\n{} {}\n")
    }

    func test_dict_order_and_keys() {
        assertOutput("""
        d = {}
        d[3] = "three"; d[1] = "one"; d[2.0] = "two"; d[True] = "true"; d[(1, 2)] = "tuple"; d[None] = "none"; d["s"] = "str"
        print(d, d[1], d[2], d[(1, 2)])
        e = {1: "a", 1.0: "b", True: "c"}
        print(e)
        counts = {}
        for w in "the cat and the hat and the bat".split():
            counts[w] = counts.get(w, 0) + 1
        print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        print({k: v for k, v in zip("abc", range(3))}, {x: x * x for x in range(4) if x % 2 == 0})

        """, "{3: 'three', 1: 'true', 2.0: 'two', (1, 2): 'tuple', None: 'none', 's': 'str'} true two tuple\n{1: 'c'}\n{'the': 3, 'cat': 1, 'and': 2, 'hat': 1, 'bat': 1} [('the', 3), ('and', 2), ('bat', 1), ('cat', 1), ('hat', 1)]\n{'a': 0, 'b': 1, 'c': 2} {0: 0, 2: 4}\n")
    }

    func test_dict_views_live() {
        assertOutput("""
        d = {"a": 1}
        k = d.keys(); v = d.values(); it = d.items()
        d["b"] = 2
        print(k, v, it, len(k), "b" in k, list(reversed(d)), k == {"a", "b"} if False else sorted(k))

        """, "dict_keys(['a', 'b']) dict_values([1, 2]) dict_items([('a', 1), ('b', 2)]) 2 True ['b', 'a'] ['a', 'b']\n")
    }

    func test_dict_iteration_mutation() {
        assertError("""
        d = {"a": 1, "b": 2}
        for k in d:
            d["c"] = 3

        """, "RuntimeError: dictionary changed size during iteration", output: "", at: (2, 1))
    }

    func test_dict_missing_key() {
        assertError("""
        d = {"a": 1}
        print(d["b"])

        """, "KeyError: 'b'", output: "", at: (2, 7))
    }

    func test_dict_tuple_key_missing() {
        assertError("""
        d = {}
        print(d[(1, "x")])

        """, "KeyError: (1, 'x')", output: "", at: (2, 7))
    }

    func test_unhashable() {
        assertError("""
        s = {[1, 2]: 3}

        """, "TypeError: unhashable type: 'list'", output: "", at: (1, 5))
    }

    func test_set_basics() {
        assertOutput("""
        s = {3, 1, 2}
        print(s, set(), {1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2, 3}, {1, 2} ^ {2, 3}, set([5, 5, 1]), set(range(10, 0, -1)), {0.5, 1, 2.5})
        s.add(10); s.discard(1); s.remove(2); print(s, 10 in s, len(s))
        print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1}.isdisjoint({2}), {1, 2}.issubset([1, 2, 5]), {1, 2}.union([3], (4,)), {1, 2, 3}.intersection({2, 3}, [3]))
        print(frozenset([1, 2]), frozenset(), {frozenset([1]): "x"}, sorted({"b", "a"}), set("hello") == set("olleh"), {(1, 2), (0, 1)})
        t = {1, 2, 3}; t |= {4}; t -= {1}; t &= {2, 3, 4, 9}; print(t, t.pop(), t)

        """, "{1, 2, 3} set() {1, 2, 3} {2} {1} {1, 3} {1, 5} {1, 2, 3, 4, 5, 6, 7, 8, 9, 10} {0.5, 1, 2.5}\n{10, 3} True 2\nTrue False True True True {1, 2, 3, 4} {3}\nfrozenset({1, 2}) frozenset() {frozenset({1}): 'x'} ['a', 'b'] True {(0, 1), (1, 2)}\n{3, 4} 2 {3, 4}\n")
    }

    func test_set_order_cpython() {
        assertOutput("""
        print({10, 20, 30, 5, 100, 64, 8}, set([100, 33, 65, 1, 97]), {-1, -2, 3}, {1.5, 2, 3.25}, {(1, 2), (3, 4), (5, 6)})
        s = set()
        for i in range(20): s.add(i * 7 % 13)
        print(s)

        """, "{64, 100, 5, 20, 8, 10, 30} {65, 33, 1, 100, 97} {3, -1, -2} {1.5, 2, 3.25} {(1, 2), (3, 4), (5, 6)}\n{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}\n")
    }

    func test_set_remove_missing() {
        assertError("""
        s = {1}
        s.remove(5)

        """, "KeyError: 5", output: "", at: (2, 1))
    }

    func test_set_pop_empty() {
        assertError("""
        set().pop()

        """, "KeyError: 'pop from an empty set'", output: "", at: (1, 1))
    }

    func test_list_index_error() {
        assertError("""
        l = [1, 2]
        print(l[2])

        """, "IndexError: list index out of range", output: "", at: (2, 7))
    }

    func test_list_assign_index_error() {
        assertError("""
        l = [1, 2]
        l[5] = 0

        """, "IndexError: list assignment index out of range", output: "", at: (2, 1))
    }

    func test_list_pop_empty() {
        assertError("""
        [].pop()

        """, "IndexError: pop from empty list", output: "", at: (1, 1))
    }

    func test_list_remove_missing() {
        assertError("""
        [1, 2].remove(3)

        """, "ValueError: list.remove(x): x not in list", output: "", at: (1, 1))
    }

    func test_list_index_missing() {
        assertError("""
        ["a"].index("b")

        """, "ValueError: 'b' is not in list", output: "", at: (1, 1))
    }

    func test_tuple_assign() {
        assertError("""
        t = (1, 2)
        t[0] = 5

        """, "TypeError: 'tuple' object does not support item assignment", output: "", at: (2, 1))
    }

    func test_unpack_too_many() {
        assertError("""
        a, b = [1, 2, 3]

        """, "ValueError: too many values to unpack (expected 2)", output: "", at: (1, 1))
    }

    func test_unpack_too_few() {
        assertError("""
        a, b, c = (1, 2)

        """, "ValueError: not enough values to unpack (expected 3, got 2)", output: "", at: (1, 1))
    }

    func test_unpack_star_too_few() {
        assertError("""
        a, *b, c = [1]

        """, "ValueError: not enough values to unpack (expected at least 2, got 1)", output: "", at: (1, 1))
    }

    func test_unpack_non_iterable() {
        assertError("""
        a, b = 5

        """, "TypeError: cannot unpack non-iterable int object", output: "", at: (1, 1))
    }

    func test_comprehensions() {
        assertOutput("""
        print([x * y for x in range(3) for y in range(3) if x != y], [[j for j in range(i)] for i in range(4)], {c for c in "hello"} == set("helo"))
        gen = (x * x for x in range(5))
        print(next(gen), next(gen), list(gen), list(gen), sum(x for x in range(101)), any(x > 3 for x in [1, 5]), all([]))
        x = "outer"
        y = [x for x in range(3)]
        print(x, y)
        fns = [lambda: i for i in range(3)]
        print([f() for f in fns])
        print(list(map(lambda v: v + 1, [1, 2])), list(filter(None, [0, 1, "", "a"])), list(zip([1, 2, 3], "ab")), list(enumerate("ab", 1)), list(reversed([1, 2, 3])))

        """, "[0, 0, 0, 2, 0, 2] [[], [0], [0, 1], [0, 1, 2]] True\n0 1 [4, 9, 16] [] 5050 True True\nouter [0, 1, 2]\n[2, 2, 2]\n[2, 3] [1, 'a'] [(1, 'a'), (2, 'b')] [(1, 'a'), (2, 'b')] [3, 2, 1]\n")
    }

    func test_range_behaviour() {
        assertOutput("""
        r = range(0, 10, 3)
        print(r, list(r), len(r), r[1], r[-1], 9 in r, 10 in r, list(range(5, 0, -2)), range(3), list(range(0)), r.index(6), range(10)[2:8:2])
        print(list(range(-3, 3)), len(range(10**6)), range(1, 10)[::-1], sum(range(1, 101)))

        """, "range(0, 10, 3) [0, 3, 6, 9] 4 3 9 True False [5, 3, 1] range(0, 3) [] 2 range(2, 8, 2)\n[-3, -2, -1, 0, 1, 2] 1000000 range(9, 0, -1) 5050\n")
    }

    func test_zip_enumerate_map() {
        assertOutput("""
        a = [1, 2, 3]
        b = ["x", "y"]
        print(list(zip(a, b)), list(zip()), dict(zip(b, a)), list(enumerate(b)), [i * v for i, v in enumerate(a)])
        print(list(map(str, a)), list(map(pow, [2, 3], [3, 2])), list(map(lambda x, y: x + y, a, a)), min(a, key=lambda v: -v), max(b))
        print(sorted(zip(["b", "a"], [1, 2])), list(zip(*[(1, "a"), (2, "b")])))

        """, "[(1, 'x'), (2, 'y')] [] {'x': 1, 'y': 2} [(0, 'x'), (1, 'y')] [0, 2, 6]\n['1', '2', '3'] [8, 9] [2, 4, 6] 3 y\n[('a', 2), ('b', 1)] [(1, 2), ('a', 'b')]\n")
    }

    func test_iter_next() {
        assertOutput("""
        it = iter([1, 2])
        print(next(it), next(it), next(it, "done"))
        it2 = iter("ab")
        print(list(it2), list(it2))

        """, "1 2 done\n['a', 'b'] []\n")
    }

    func test_next_exhausted() {
        assertError("""
        it = iter([])
        next(it)

        """, "StopIteration", output: "", at: (2, 1))
    }

    func test_nested_data_repr() {
        assertOutput("""
        data = {"list": [1, 2.5, None, True, "s"], "tuple": (1,), "empty": [(), {}, set(), ""], "nested": {"a": {"b": [1, {"c": ()}]}}}
        print(data)
        print(repr(data["list"]), str(data["tuple"]), [[]], [{}], [set()], ({},))

        """, "{'list': [1, 2.5, None, True, 's'], 'tuple': (1,), 'empty': [(), {}, set(), ''], 'nested': {'a': {'b': [1, {'c': ()}]}}}\n[1, 2.5, None, True, 's'] (1,) [[]] [{}] [set()] ({},)\n")
    }

}
