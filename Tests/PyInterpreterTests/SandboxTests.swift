import XCTest
@testable import PyInterpreter

/// The cell language reaches nothing outside the interpreter: no files, processes,
/// environment, clock, dynamic code or arbitrary imports.
final class SandboxTests: InterpreterTestCase {
    func testDangerousBuiltinsDoNotExist() {
        for name in ["open", "eval", "exec", "compile", "input", "__import__", "globals", "locals", "exit", "quit", "breakpoint", "memoryview"] {
            assertError("\(name)", "NameError: name '\(name)' is not defined", at: (1, 1))
        }
    }

    func testOnlyRegisteredModulesImport() {
        for module in ["os", "sys", "subprocess", "time", "socket", "scipy", "importlib", "builtins", "io", "pathlib"] {
            assertError("import \(module)", "ModuleNotFoundError: No module named '\(module)'", at: (1, 1))
            assertError("from \(module) import x", "ModuleNotFoundError: No module named '\(module)'", at: (1, 1))
        }
        assertError("from . import x", "ImportError: attempted relative import with no known parent package")
    }

    func testNoEscapeThroughIntrospection() {
        assertError("().__class__.__bases__[0].__subclasses__()", "AttributeError: type object 'object' has no attribute '__subclasses__'")
        assertError("print.__globals__", "AttributeError: 'builtin_function_or_method' object has no attribute '__globals__'")
        assertError("(lambda: 0).__globals__", "AttributeError: 'function' object has no attribute '__globals__'")
        assertError("(lambda: 0).__code__", "AttributeError: 'function' object has no attribute '__code__'")
    }
}
