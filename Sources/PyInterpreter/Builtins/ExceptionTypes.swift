import Foundation

/// Python's exception hierarchy (the part the cell language uses).
extension PyType {
    public static let baseException: PyType = {
        let t = PyType(name: "BaseException", module: "builtins", bases: [.object], immutable: true, factory: .instance)
        t.allocator = { cls, args in PyInstance(cls: cls, payload: ExceptionState(args: args.positional)) }
        t.method("__init__") { _, this, args in
            if let inst = this.instance { PyError(exception: inst).state.args = args.positional }
            return .none
        }
        t.method("__str__") { interp, this, _ in
            guard let inst = this.instance else { return .string("") }
            return .string(try interp.exceptionMessage(inst))
        }
        t.method("__repr__") { interp, this, _ in
            guard let inst = this.instance else { return .string("") }
            let args = PyError(exception: inst).state.args
            return .string("\(inst.cls.name)(" + (try args.map { try interp.repr($0) }.joined(separator: ", ")) + ")")
        }
        t.method("with_traceback") { _, this, _ in this }
        return t
    }()
    static let baseExceptionStr: Value = baseException.dict[.dunderStr] ?? .none
    static let baseExceptionRepr: Value = baseException.dict[.dunderRepr] ?? .none

    private static func exception(_ name: String, _ base: PyType) -> PyType {
        PyType(name: name, module: "builtins", bases: [base], immutable: true, factory: .instance)
    }

    public static let exception = exception("Exception", baseException)
    public static let keyboardInterrupt = exception("KeyboardInterrupt", baseException)
    public static let systemExit = exception("SystemExit", baseException)
    public static let generatorExit = exception("GeneratorExit", baseException)
    public static let arithmeticError = exception("ArithmeticError", exception)
    public static let zeroDivisionError = exception("ZeroDivisionError", arithmeticError)
    public static let overflowError = exception("OverflowError", arithmeticError)
    public static let floatingPointError = exception("FloatingPointError", arithmeticError)
    public static let assertionError = exception("AssertionError", exception)
    public static let attributeError = exception("AttributeError", exception)
    public static let importError = exception("ImportError", exception)
    public static let moduleNotFoundError = exception("ModuleNotFoundError", importError)
    public static let lookupError = exception("LookupError", exception)
    public static let indexError = exception("IndexError", lookupError)
    public static let keyError = exception("KeyError", lookupError)
    public static let memoryError = exception("MemoryError", exception)
    public static let nameError = exception("NameError", exception)
    public static let unboundLocalError = exception("UnboundLocalError", nameError)
    public static let osError = exception("OSError", exception)
    public static let timeoutError = exception("TimeoutError", osError)
    public static let runtimeError = exception("RuntimeError", exception)
    public static let notImplementedError = exception("NotImplementedError", runtimeError)
    public static let recursionError = exception("RecursionError", runtimeError)
    public static let stopIteration = exception("StopIteration", exception)
    public static let syntaxError = exception("SyntaxError", exception)
    public static let indentationError = exception("IndentationError", syntaxError)
    public static let tabError = exception("TabError", indentationError)
    public static let systemError = exception("SystemError", exception)
    public static let typeError = exception("TypeError", exception)
    public static let valueError = exception("ValueError", exception)
    public static let unicodeError = exception("UnicodeError", valueError)
    public static let warning = exception("Warning", exception)
    public static let userWarning = exception("UserWarning", warning)
    public static let deprecationWarning = exception("DeprecationWarning", warning)
    public static let runtimeWarning = exception("RuntimeWarning", warning)
    public static let futureWarning = exception("FutureWarning", warning)
    public static let syntaxWarning = exception("SyntaxWarning", warning)

    static let allExceptionTypes: [PyType] = [
        baseException, exception, keyboardInterrupt, systemExit, generatorExit, arithmeticError, zeroDivisionError,
        overflowError, floatingPointError, assertionError, attributeError, importError, moduleNotFoundError,
        lookupError, indexError, keyError, memoryError, nameError, unboundLocalError, osError, timeoutError,
        runtimeError, notImplementedError, recursionError, stopIteration, syntaxError, indentationError,
        tabError, systemError, typeError, valueError, unicodeError, warning, userWarning, deprecationWarning,
        runtimeWarning, futureWarning, syntaxWarning,
    ]
    private static let exceptionsByName: [String: PyType] = Dictionary(uniqueKeysWithValues: allExceptionTypes.map { ($0.name, $0) })

    /// A builtin exception class by name (`"ValueError"`).
    public static func builtinException(named name: String) -> PyType? { exceptionsByName[name] }

    /// A new exception instance with these `args`.
    public static func makeException(_ type: PyType, args: [Value]) -> PyInstance {
        PyInstance(cls: type, payload: ExceptionState(args: args))
    }

    static func comparisonDunders(_ op: CompareOp) -> (Symbol, Symbol) {
        switch op {
        case .less: return (.dunderLt, .dunderGt)
        case .lessEqual: return (.dunderLe, .dunderGe)
        case .greater: return (.dunderGt, .dunderLt)
        case .greaterEqual: return (.dunderGe, .dunderLe)
        case .equal: return (.dunderEq, .dunderEq)
        default: return (.dunderNe, .dunderNe)
        }
    }
}
