import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class ClassTests: InterpreterTestCase {
    func test_class_basics() {
        assertOutput("""
        class Point:
            dims = 2
            def __init__(self, x, y):
                self.x = x
                self.y = y
            def norm2(self):
                return self.x ** 2 + self.y ** 2
            def __repr__(self):
                return f"Point({self.x}, {self.y})"
            def __eq__(self, other):
                return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
            def __add__(self, other):
                return Point(self.x + other.x, self.y + other.y)
        p = Point(3, 4)
        print(p, p.norm2(), Point.dims, p.dims, p + Point(1, 1), p == Point(3, 4), p != Point(0, 0), [p], str(p))
        p.dims = 3
        print(p.dims, Point.dims, type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(p, object))

        """, "Point(3, 4) 25 2 2 Point(4, 5) True True [Point(3, 4)] Point(3, 4)\n3 2 Point True True True\n")
    }

    func test_default_repr_and_str() {
        assertOutput("""
        class Plain:
            pass
        class WithStr:
            def __str__(self):
                return "custom str"
        o = WithStr()
        print(str(o), f"{o}", repr(Plain)[:15], Plain.__name__, repr(o).startswith("<__main__.WithStr object at 0x"))

        """, "custom str custom str <class '__main_ Plain True\n")
    }

    func test_inheritance_and_super() {
        assertOutput("""
        class Animal:
            sound = "..."
            def __init__(self, name):
                self.name = name
            def speak(self):
                return f"{self.name} says {self.sound}"
            def kind(self):
                return "animal"
        class Dog(Animal):
            sound = "woof"
            def __init__(self, name, breed):
                super().__init__(name)
                self.breed = breed
            def kind(self):
                return "dog, " + super().kind()
        class Puppy(Dog):
            def kind(self):
                return "puppy, " + super(Puppy, self).kind()
        d = Puppy("Rex", "lab")
        print(d.speak(), d.kind(), d.breed, isinstance(d, Animal), issubclass(Puppy, Animal), issubclass(Animal, Dog), Puppy.__mro__)

        """, "Rex says woof puppy, dog, animal lab True True False (<class '__main__.Puppy'>, <class '__main__.Dog'>, <class '__main__.Animal'>, <class 'object'>)\n")
    }

    func test_special_methods() {
        assertOutput("""
        class Vec:
            def __init__(self, *xs):
                self.xs = list(xs)
            def __len__(self):
                return len(self.xs)
            def __getitem__(self, i):
                return self.xs[i]
            def __setitem__(self, i, v):
                self.xs[i] = v
            def __contains__(self, v):
                return v in self.xs
            def __iter__(self):
                return iter(self.xs)
            def __mul__(self, k):
                return Vec(*[x * k for x in self.xs])
            def __rmul__(self, k):
                return self * k
            def __neg__(self):
                return Vec(*[-x for x in self.xs])
            def __bool__(self):
                return any(self.xs)
            def __call__(self, i):
                return self.xs[i] * 100
            def __lt__(self, other):
                return sum(self.xs) < sum(other.xs)
            def __repr__(self):
                return "Vec" + repr(tuple(self.xs))
        v = Vec(1, 2, 3)
        v[0] = 10
        print(len(v), v[0], v[-1], v[0:2], 2 in v, list(v), v * 2, 3 * v, -v, bool(v), bool(Vec(0)), v(1), Vec(1) < Vec(2), sorted([Vec(3), Vec(1)]), max(Vec(5), Vec(2)))
        for x in v:
            print(x, end=" ")
        print()
        a, b, c = v
        print(a, b, c)

        """, "3 10 3 [10, 2] True [10, 2, 3] Vec(20, 4, 6) Vec(30, 6, 9) Vec(-10, -2, -3) True False 200 True [Vec(1,), Vec(3,)] Vec(5,)\n10 2 3 \n10 2 3\n")
    }

    func test_class_and_static_methods() {
        assertOutput("""
        class Temp:
            scale = "C"
            def __init__(self, deg):
                self.deg = deg
            @classmethod
            def freezing(cls):
                return cls(0)
            @staticmethod
            def convert(c):
                return c * 9 / 5 + 32
            @property
            def fahrenheit(self):
                return Temp.convert(self.deg)
            @fahrenheit.setter
            def fahrenheit(self, f):
                self.deg = (f - 32) * 5 / 9
        t = Temp.freezing()
        print(t.deg, t.fahrenheit, Temp.convert(100), t.convert(-40))
        t.fahrenheit = 212
        print(t.deg, type(t).freezing().deg)

        """, "0 32.0 212.0 -40.0\n100.0 0\n")
    }

    func test_property_no_setter() {
        assertError("""
        class R:
            @property
            def v(self):
                return 1
        r = R()
        r.v = 2

        """, "AttributeError: property 'v' of 'R' object has no setter", output: "", at: (6, 1))
    }

    func test_attribute_error_instance() {
        assertError("""
        class Foo:
            pass
        Foo().bar

        """, "AttributeError: 'Foo' object has no attribute 'bar'", output: "", at: (3, 1))
    }

    func test_attribute_error_type() {
        assertError("""
        class Foo:
            pass
        Foo.bar

        """, "AttributeError: type object 'Foo' has no attribute 'bar'", output: "", at: (3, 1))
    }

    func test_attribute_error_module() {
        assertError("""
        import math
        math.nothing

        """, "AttributeError: module 'math' has no attribute 'nothing'", output: "", at: (2, 1))
    }

    func test_getattr_setattr_hooks() {
        assertOutput("""
        class Dyn:
            def __init__(self):
                self.real = 1
            def __getattr__(self, name):
                return f"<{name}>"
        d = Dyn()
        print(d.real, d.missing, getattr(d, "other"), hasattr(d, "x"), getattr(5, "nope", "default"), hasattr(5, "real"))
        class Tracked:
            def __setattr__(self, name, value):
                print("set", name, value)
                super().__setattr__(name, value)
        t = Tracked()
        t.a = 1
        setattr(t, "b", 2)
        print(t.a, t.b, vars(t))

        """, "1 <missing> <other> True default True\nset a 1\nset b 2\n1 2 {'a': 1, 'b': 2}\n")
    }

    func test_class_attribute_mutation() {
        assertOutput("""
        class Counter:
            count = 0
            def __init__(self):
                Counter.count += 1
                self.id = Counter.count
        cs = [Counter() for _ in range(3)]
        print(Counter.count, [c.id for c in cs])
        Counter.extra = "added"
        print(cs[0].extra)

        """, "3 [1, 2, 3]\nadded\n")
    }

    func test_eq_hash_rules() {
        assertError("""
        class K:
            def __init__(self, v):
                self.v = v
            def __eq__(self, o):
                return self.v == o.v
        class H:
            pass
        h = H()
        print({h: 1}[h], K(1) == K(1), K(1) != K(2))
        print({K(1): 1})

        """, "TypeError: unhashable type: 'K'", output: "1 True True\n", at: (10, 7))
    }

    func test_init_returns_value() {
        assertError("""
        class Bad:
            def __init__(self):
                return 5
        Bad()

        """, "TypeError: __init__() should return None, not 'int'", output: "", at: (4, 1))
    }

    func test_no_init_args() {
        assertError("""
        class E:
            pass
        E(1)

        """, "TypeError: E() takes no arguments", output: "", at: (3, 1))
    }

    func test_instance_dict_and_class() {
        assertOutput("""
        class A:
            x = 1
            def __init__(self):
                self.y = 2
        a = A()
        print(a.__dict__, a.__class__.__name__, A.__name__, A.__qualname__, type(A).__name__, A.__bases__, object.__name__)

        """, "{'y': 2} A A A type (<class 'object'>,) object\n")
    }

    func test_class_body_scope() {
        assertOutput("""
        class C:
            a = 1
            b = a + 1
            lst = [a * 2]
            def get(self):
                return C.a + self.b
        print(C.b, C.lst, C().get())

        """, "2 [2] 3\n")
    }

    func test_str_of_exception_subclass() {
        assertOutput("""
        class MyError(Exception):
            def __init__(self, code):
                super().__init__(f"code {code}")
                self.code = code
        try:
            raise MyError(42)
        except MyError as e:
            print(e, e.code, e.args, repr(e), isinstance(e, Exception))
        class Plain(ValueError):
            pass
        try:
            raise Plain("p", 2)
        except ValueError as e:
            print(e, repr(e), type(e).__name__)

        """, "code 42 42 ('code 42',) MyError('code 42') True\n('p', 2) Plain('p', 2) Plain\n")
    }

    func test_raise_custom_uncaught() {
        assertError("""
        class ConfigError(Exception):
            pass
        raise ConfigError("bad config")

        """, "ConfigError: bad config", output: "", at: (3, 1))
    }

    func test_multiple_inheritance_mro() {
        assertOutput("""
        class A:
            def who(self):
                return "A"
        class B(A):
            def who(self):
                return "B" + super().who()
        class C(A):
            def who(self):
                return "C" + super().who()
        class D(B, C):
            def who(self):
                return "D" + super().who()
        print(D().who(), [k.__name__ for k in D.__mro__])

        """, "DBCA ['D', 'B', 'C', 'A', 'object']\n")
    }

    func test_iterator_protocol_class() {
        assertOutput("""
        class Countdown:
            def __init__(self, n):
                self.n = n
            def __iter__(self):
                return self
            def __next__(self):
                if self.n <= 0:
                    raise StopIteration
                self.n -= 1
                return self.n + 1
        print(list(Countdown(3)), [x * 2 for x in Countdown(2)], sum(Countdown(4)))
        it = iter(Countdown(2))
        print(next(it), next(it), next(it, "end"))

        """, "[3, 2, 1] [4, 2] 10\n2 1 end\n")
    }

}
