import XCTest
@testable import PyInterpreter

/// Generated from CPython 3.11 runs of each cell (expected outputs are literals).
final class ExceptionTests: InterpreterTestCase {
    func test_try_except_basic() {
        assertOutput("""
        try:
            1 / 0
        except ZeroDivisionError as e:
            print("caught", e, type(e).__name__)
        try:
            [][0]
        except (KeyError, IndexError) as e:
            print("lookup", repr(e))
        try:
            {}["k"]
        except LookupError as e:
            print("base class", e, e.args)
        try:
            int("x")
        except:
            print("bare except")

        """, "caught division by zero ZeroDivisionError\nlookup IndexError('list index out of range')\nbase class 'k' ('k',)\nbare except\n")
    }

    func test_try_else_finally_order() {
        assertOutput("""
        def f(x):
            try:
                print("try", x)
                if x:
                    raise ValueError(x)
            except ValueError:
                print("except")
                return "from except"
            else:
                print("else")
                return "from else"
            finally:
                print("finally")
        print(f(0))
        print(f(1))

        """, "try 0\nelse\nfinally\nfrom else\ntry 1\nexcept\nfinally\nfrom except\n")
    }

    func test_nested_reraise() {
        assertOutput("""
        try:
            try:
                raise KeyError("inner")
            except KeyError:
                print("handling")
                raise
        except KeyError as e:
            print("outer got", repr(e))
        try:
            try:
                raise ValueError("a")
            except ValueError as e:
                raise RuntimeError("b") from e
        except RuntimeError as e:
            print(e, repr(e.__cause__), repr(e.__context__))

        """, "handling\nouter got KeyError('inner')\nb ValueError('a') ValueError('a')\n")
    }

    func test_exception_variable_cleared() {
        assertError("""
        try:
            raise ValueError("x")
        except ValueError as err:
            pass
        print(err)

        """, "NameError: name 'err' is not defined", output: "", at: (5, 7))
    }

    func test_raise_class_and_instance() {
        assertOutput("""
        for exc in [ValueError, ValueError("with msg"), TypeError()]:
            try:
                raise exc
            except Exception as e:
                print(type(e).__name__, repr(str(e)), e.args)

        """, "ValueError '' ()\nValueError 'with msg' ('with msg',)\nTypeError '' ()\n")
    }

    func test_raise_non_exception() {
        assertError("""
        raise 5

        """, "TypeError: exceptions must derive from BaseException", output: "", at: (1, 1))
    }

    func test_raise_bare_no_active() {
        assertError("""
        raise

        """, "RuntimeError: No active exception to reraise", output: "", at: (1, 1))
    }

    func test_finally_runs_on_error() {
        assertOutput("""
        try:
            try:
                x = undefined
            finally:
                print("cleanup")
        except NameError as e:
            print(e)

        """, "cleanup\nname 'undefined' is not defined\n")
    }

    func test_exception_hierarchy() {
        assertOutput("""
        print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError), issubclass(UnboundLocalError, NameError), issubclass(IndentationError, SyntaxError), issubclass(Exception, BaseException), issubclass(UserWarning, Warning), issubclass(TimeoutError, OSError))

        """, "True True True True True True True True True True\n")
    }

    func test_catch_recursion() {
        assertOutput("""
        def r():
            return r()
        try:
            r()
        except RecursionError as e:
            print("recursion:", e)

        """, "recursion: maximum recursion depth exceeded\n")
    }

    func test_keyerror_repr_message() {
        assertOutput("""
        d = {}
        try:
            d["missing"]
        except KeyError as e:
            print(str(e), repr(e), e.args[0])

        """, "'missing' KeyError('missing') missing\n")
    }

    func test_stopiteration() {
        assertOutput("""
        it = iter([1])
        next(it)
        try:
            next(it)
        except StopIteration:
            print("stop")

        """, "stop\n")
    }

    func test_assertion_message() {
        assertError("""
        try:
            assert 1 > 2, "one is not bigger"
        except AssertionError as e:
            print("assert:", e)
        assert False

        """, "AssertionError", output: "assert: one is not bigger\n", at: (5, 1))
    }

    func test_error_in_function_traceback_position() {
        assertError("""
        def inner(x):
            return x / 0
        def outer():
            return inner(1) + 1
        outer()

        """, "ZeroDivisionError: division by zero", output: "", at: (2, 12))
    }

    func test_uncaught_valueerror_message() {
        assertError("""
        raise ValueError("bad value: %d" % 3)

        """, "ValueError: bad value: 3", output: "", at: (1, 1))
    }

    func test_exception_with_tuple_args() {
        assertOutput("""
        e = Exception("a", 1)
        print(str(e), repr(e), Exception(), repr(Exception()), str(KeyError("k")), str(KeyError()), repr(ValueError("x")))

        """, "('a', 1) Exception('a', 1)  Exception() 'k'  ValueError('x')\n")
    }

    func test_not_implemented_error() {
        assertError("""
        class Base:
            def area(self):
                raise NotImplementedError("subclass must implement")
        Base().area()

        """, "NotImplementedError: subclass must implement", output: "", at: (3, 9))
    }

    func test_catch_not_exception_class() {
        assertError("""
        try:
            pass
        except 5:
            pass
        print("not evaluated when nothing raised")
        try:
            1 / 0
        except 5:
            pass

        """, "TypeError: catching classes that do not inherit from BaseException is not allowed", output: "not evaluated when nothing raised\n", at: (8, 1))
    }

}
