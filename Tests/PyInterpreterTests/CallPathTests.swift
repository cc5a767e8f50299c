import XCTest
import Autograd
@testable import PyInterpreter

/// The fast paths of calls and operators (interned operator names, binary
/// native methods, positional argument binding, box tokens) behave like the
/// general paths they shortcut.
final class CallPathTests: InterpreterTestCase {
    func testEveryOperatorHasItsSpecialMethodNames() {
        for op in BinaryOp.allCases {
            XCTAssertEqual(op.forwardSymbol.name, "__\(op.dunder)__")
            XCTAssertEqual(op.reflectedSymbol.name, "__r\(op.dunder)__")
            XCTAssertEqual(op.inPlaceSymbol.name, "__i\(op.dunder)__")
        }
    }

    func testPositionalBindingMatchesTheGeneralPath() throws {
        let signature = NativeSignature("f", "a", .init("b", default: .int(2)), .init("c", default: .none))
        let short = try signature.bind(Arguments([.int(1)]))
        XCTAssertEqual(short.values.map { $0.map(describe) }, ["1", "2", "None"])
        XCTAssertEqual(describe(short["b"]), "2")
        XCTAssertEqual(describe(short[2]), "None")
        let full = try signature.bind(Arguments([.int(1), .int(5), .int(6)]))
        XCTAssertEqual(full.values.map { $0.map(describe) }, ["1", "5", "6"])
        let keyword = try signature.bind(Arguments([.int(1)], ["c": .int(7)]))
        XCTAssertEqual(keyword.values.map { $0.map(describe) }, ["1", "2", "7"])
        XCTAssertThrowsError(try signature.bind(Arguments([]))) { error in
            XCTAssertEqual((error as? PyError)?.state.args.first?.stringValue, "f() missing 1 required positional argument: 'a'")
        }
        XCTAssertThrowsError(try signature.bind(Arguments([.int(1), .int(2), .int(3), .int(4)]))) { error in
            XCTAssertEqual((error as? PyError)?.state.args.first?.stringValue, "f() takes from 1 to 3 positional arguments but 4 were given")
        }
    }

    func testOperatorsOnInstancesNextToBuiltins() {
        assertOutput("""
        class N:
            def __init__(self, v): self.v = v
            def __mul__(self, o): return ('mul', self.v, o)
            def __rmul__(self, o): return ('rmul', o, self.v)
            def __radd__(self, o): return ('radd', o, self.v)
            def __index__(self): return 2
        print(N(3) * 2, 2 * N(3), 1.5 * N(3), True * N(3), None + N(1))
        print([1] * N(0), '%d' % N(0))
        class P:
            def __iter__(self): return iter([1, 2])
        print({1: 'a'}.keys() | P())
        """, "('mul', 3, 2) ('rmul', 2, 3) ('rmul', 1.5, 3) ('rmul', True, 3) ('radd', None, 1)\n('rmul', [1], 0) 2\n{1, 2}\n")
        assertError("None + object()", "TypeError: unsupported operand type(s) for +: 'NoneType' and 'object'")
    }

    func testBinaryNativeMethodsCheckTheirArgumentCount() {
        let registry = ModuleRegistry.standard()
        registry.register("pair") { _ in
            let m = PyModule(name: "pair")
            let type = NativeClassBuilder("Pair", module: "pair")
                .binaryMethod("__add__") { _, me, other in .tuple([me.payload(Box.self).map { .int($0.value) } ?? .none, other]) }
                .build()
            m["Pair"] = .object(type)
            m.addFunction("make") { _, args in
                guard case .int(let v)? = args.positional.first else { return .none }
                return .object(PyInstance(cls: type, payload: Box(v)))
            }
            return m
        }
        session = NotebookSession(fileName: "pair.md", modules: registry)
        assertOutput("""
        import pair
        p = pair.make(4)
        print(p + 1, p.__add__('x'))
        """, "(4, 1) (4, 'x')\n")
        assertError("p.__add__()", "TypeError: expected 1 argument, got 0")
        assertError("1 + p", "TypeError: unsupported operand type(s) for +: 'int' and 'Pair'")
    }

    func testATensorFindsItsBoxOnlyWhileTheBoxLives() {
        let tensor = Tensor.scalar(1)
        do {
            let box = TorchValues.box(tensor)
            XCTAssertNotNil(tensor.boxed)
            guard case .object(let again) = TorchValues.box(tensor), case .object(let first) = box else {
                return XCTFail("tensors box as objects")
            }
            XCTAssertTrue(again === first, "the same box while it lives")
        }
        XCTAssertNil(tensor.boxed, "the box clears the reference when it dies")
        guard case .object(let fresh) = TorchValues.box(tensor) else { return XCTFail("tensors box as objects") }
        XCTAssertTrue(PyInstance.boxed(by: tensor.boxed) === fresh as? PyInstance)
    }

    private func describe(_ v: Value) -> String {
        switch v {
        case .none: return "None"
        case .int(let i): return String(i)
        default: return "?"
        }
    }

    final class Box {
        let value: Int
        init(_ value: Int) { self.value = value }
    }
}
