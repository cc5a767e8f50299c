import XCTest
import Foundation
@testable import PyInterpreter

/// Session behaviour: shared globals across cells, notebook coordinates,
/// tracebacks, warnings, and every syntax error of a cell.
final class SessionTests: InterpreterTestCase {
    func testGlobalsPersistAcrossCells() {
        assertOutput("x = 40\ndef add(a):\n    return a + x", "")
        assertOutput("print(add(2))", "42\n")
        assertOutput("x = 0\nprint(add(2))", "2\n")
    }

    func testOutputBeforeErrorIsKept() {
        let r = run("print('before')\n1/0\nprint('after')")
        XCTAssertEqual(r.output, "before\n")
        XCTAssertEqual(r.error?.summary, "ZeroDivisionError: division by zero")
    }

    func testLocationsAreNotebookCoordinates() {
        let r = session.run(CellSource(code: "a = 1\nb = a +  undefined", firstLine: 41, indent: 2))
        XCTAssertEqual(r.error?.summary, "NameError: name 'undefined' is not defined")
        XCTAssertEqual(r.error?.location, SourceLocation(line: 42, column: 12))
        XCTAssertEqual(r.error?.sourceLine, "b = a +  undefined")
    }

    func testTracebackAcrossCellsAndFunctions() {
        session.run(CellSource(code: "def inner(v):\n    return v[3]\n", firstLine: 10))
        let r = session.run(CellSource(code: "def outer():\n    return inner([1])\nouter()", firstLine: 20))
        guard let e = r.error else { return XCTFail("expected an error") }
        XCTAssertEqual(e.summary, "IndexError: list index out of range")
        XCTAssertEqual(e.location, SourceLocation(line: 11, column: 12))
        XCTAssertEqual(e.traceback.map { $0.function }, ["<cell>", "outer", "inner"])
        XCTAssertEqual(e.traceback.map { $0.location.line }, [22, 21, 11])
        XCTAssertEqual(e.traceback.map { $0.sourceLine }, ["outer()", "return inner([1])", "return v[3]"])
    }

    func testTracebackThroughMethodsAndNativeCallbacks() {
        let r = run("""
        class A:
            def __repr__(self):
                return self.missing
        items = [A()]
        print(items)
        """)
        XCTAssertEqual(r.error?.summary, "AttributeError: 'A' object has no attribute 'missing'")
        XCTAssertEqual(r.error?.traceback.map { $0.function }, ["<cell>", "__repr__"])
        XCTAssertEqual(r.error?.traceback.map { $0.location.line }, [5, 3])
    }

    func testAllSyntaxErrorsOfACellAreReported() {
        let r = run("x = (1 2)\ny = 3\nif y\n    z = 1\nprint(x +)\nok = 1\n")
        XCTAssertEqual(r.error?.summary, "SyntaxError: invalid syntax. Perhaps you forgot a comma?")
        XCTAssertEqual(r.error?.location, SourceLocation(line: 1, column: 6))
        XCTAssertEqual(r.additionalErrors.map { $0.summary }, ["SyntaxError: expected ':'", "SyntaxError: invalid syntax"])
        XCTAssertEqual(r.additionalErrors.map { $0.location?.line }, [3, 5])
        XCTAssertEqual(r.output, "", "a cell with syntax errors does not run")
    }

    func testSyntaxErrorsInsideBlocksAfterRecovery() {
        // Tokenizer errors come first, like CPython; the parser's errors follow.
        let r = run("def f(x):\n    return 1 +\nclass C\n    pass\nx = ]\n")
        XCTAssertEqual(r.error?.summary, "SyntaxError: unmatched ']'")
        XCTAssertEqual(r.additionalErrors.map { $0.location?.line ?? 0 }, [2, 3])
        let unclosed = run("def f(:\n    return 1\nclass C\n    pass\nx = ]\n")
        XCTAssertEqual(unclosed.error?.summary, "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1")
    }

    func testWarningsAreCollectedOncePerLocation() {
        let registry = ModuleRegistry.standard()
        registry.register("warner") { _ in
            let m = PyModule(name: "warner")
            m.addFunction("warn") { interp, args in
                interp.warn(try interp.str(args.positional[0]))
                return .none
            }
            m.addFunction("warn_inside") { interp, _ in
                interp.warn("from torch", file: "/torch/nn/modules/loss.py", line: 630, sourceLine: "return F.mse_loss(input, target)")
                return .none
            }
            return m
        }
        session = NotebookSession(fileName: "lesson.md", modules: registry)
        let r = session.run(CellSource(code: "import warner\nfor i in range(3):\n    warner.warn('careful')\nwarner.warn_inside()\nwarner.warn_inside()\nprint('done')", firstLine: 7))
        XCTAssertNil(r.error)
        XCTAssertEqual(r.output, "done\n")
        XCTAssertEqual(r.warnings, [
            "lesson.md:9: UserWarning: careful\n  warner.warn('careful')",
            "/torch/nn/modules/loss.py:630: UserWarning: from torch\n  return F.mse_loss(input, target)",
        ])
        let again = session.run(CellSource(code: "warner.warn('careful')", firstLine: 30))
        XCTAssertEqual(again.warnings, ["lesson.md:30: UserWarning: careful\n  warner.warn('careful')"])
    }
}

/// Sessions share builtin and native classes; they must not disturb each other
/// when notebooks run in parallel.
final class ParallelSessionTests: XCTestCase {
    func testSessionsRunInParallel() {
        let code = """
        class Acc:
            def __init__(self):
                self.total = 0
            def add(self, v):
                self.total += v
                return self
        a = Acc()
        for i in range(20000):
            a.add(len(str(i))).add(" ".join("ab").count("a"))
        words = sorted({w: len(w) for w in "the quick brown fox".split()}.items())
        print(a.total, words, f"{3.14159:.2f}")
        """
        let expected = "108890 [('brown', 5), ('fox', 3), ('quick', 5), ('the', 3)] 3.14\n"
        let lock = NSLock()
        var results: [Int: String] = [:]
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let session = NotebookSession(fileName: "n\(i).md")
            let output = session.run(CellSource(code: code, firstLine: 1)).output
            lock.lock()
            results[i] = output
            lock.unlock()
        }
        XCTAssertEqual(results, [0: expected, 1: expected, 2: expected, 3: expected])
    }

    func testNativeClassesAreReadOnlyFromPython() {
        let registry = ModuleRegistry.standard()
        FakeTorch().register(in: registry)
        let session = NotebookSession(fileName: "t.md", modules: registry)
        let r = session.run(CellSource(code: "import torch\ntorch.Tensor.extra = 1", firstLine: 1))
        XCTAssertEqual(r.error?.summary, "TypeError: cannot set 'extra' attribute of immutable type 'Tensor'")
    }
}

/// Each session has its own `torch.nn` classes; a module boxed again must get
/// the class of the session that made it, whatever another session imported since.
final class SessionClassTests: InterpreterTestCase {
    func testAModuleKeepsItsSessionsClassWhenBoxedAgain() {
        assertOutput("import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(2, 2), nn.ReLU())", "")
        let other = NotebookSession(fileName: "other.md")
        _ = other.run(CellSource(code: "import torch.nn as nn\nnn.Linear(1, 1)", firstLine: 1))
        assertOutput("print(isinstance(model[0], nn.Linear), isinstance(model[1], nn.ReLU), type(model[0:1]) is nn.Sequential)",
                     "True True True\n")
    }
}

/// Identity hashes, `id()` and default reprs follow per-session serial numbers,
/// not memory addresses, so a notebook prints the same on every run.
final class IdentityDeterminismTests: XCTestCase {
    func testSetsOfObjectsIterateInTheSameOrderInEverySession() {
        let code = """
        class Node:
            def __init__(self, name):
                self.name = name
        garbage = [Node(str(i)) for i in range(37)]
        nodes = [Node(c) for c in "abcdefghijklmnopqrstuvwxyz"]
        del garbage
        s = set(nodes[::-1])
        print("".join(n.name for n in s), id(nodes[0]) == id(nodes[0]), repr(nodes[3]))
        """
        var outputs: Set<String> = []
        for _ in 0..<4 {
            let session = NotebookSession(fileName: "ids.md")
            let result = session.run(CellSource(code: code, firstLine: 1))
            XCTAssertNil(result.error)
            outputs.insert(result.output)
        }
        XCTAssertEqual(outputs.count, 1, "\(outputs)")
    }
}
