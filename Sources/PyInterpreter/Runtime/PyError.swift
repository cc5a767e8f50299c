/// Where a piece of code came from: a cell (its notebook line and source lines)
/// or a native module. Spans in tracebacks are mapped through it.
public final class SourceUnit {
    public let fileName: String
    public let firstLine: Int
    public let indent: Int
    private let code: String
    /// UTF-8 offsets of line starts, computed on first use (only errors and warnings need lines).
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        var offset = 0
        for b in code.utf8 {
            offset += 1
            if b == 10 { starts.append(offset) }
        }
        return starts
    }()

    public init(fileName: String, code: String, firstLine: Int, indent: Int) {
        self.fileName = fileName
        self.firstLine = firstLine
        self.indent = indent
        self.code = code
    }

    /// The notebook location of a cell position.
    func location(_ p: SourcePos) -> SourceLocation {
        SourceLocation(line: firstLine + Int(p.line) - 1, column: Int(p.column) + indent)
    }
    /// Source line `line` of the cell (1-based), without its newline.
    func line(_ line: Int) -> String {
        let starts = lineStarts
        guard line >= 1 && line <= starts.count else { return "" }
        let utf8 = code.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: starts[line - 1])
        let to = line < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[line] - 1) : utf8.endIndex
        var s = String(decoding: utf8[from..<to], as: UTF8.self)
        if s.hasSuffix("\r") { s.removeLast() }
        return s
    }
}

/// One frame an exception passed through, innermost first while unwinding.
struct TraceEntry {
    let unit: SourceUnit
    let function: String
    let span: SourceSpan
}

/// The Swift side of a Python exception instance (its payload).
public final class ExceptionState {
    public var args: [Value]
    /// Frames collected while unwinding, innermost first.
    var traceback: [TraceEntry] = []
    /// Position inside the frame currently unwinding, set by the innermost node that saw the error.
    var pendingSpan: SourceSpan?
    var cause: Value = .none
    /// Limit errors (the cell time limit) cannot be caught by `except`, or a handler could keep a cell alive.
    var isUncatchable = false
    var context: Value = .none

    init(args: [Value]) { self.args = args }
}

/// A Python exception travelling as a Swift error. Native code throws these
/// (`throw PyError(.runtimeError, "…")`); `try/except` in Python catches them
/// by class, and an uncaught one becomes the cell's `CellError`.
public struct PyError: Error {
    public let exception: PyInstance

    public init(exception: PyInstance) {
        self.exception = exception
    }

    /// An exception of a builtin (or native) class with one message argument.
    public init(_ type: PyType, _ message: String) {
        exception = PyType.makeException(type, args: message.isEmpty ? [] : [.string(message)])
    }

    /// An exception of the builtin class named `type` (`"RuntimeError"`, `"ValueError"` …);
    /// unknown names become RuntimeError so nothing is lost.
    public init(type: String, message: String) {
        self.init(PyType.builtinException(named: type) ?? .runtimeError, message)
    }

    var state: ExceptionState {
        if let s = exception.payload as? ExceptionState { return s }
        let s = ExceptionState(args: [])
        exception.payload = s
        return s
    }

    /// The exception's class name.
    public var typeName: String { exception.cls.name }
    public var type: PyType { exception.cls }

    /// Records the span of the innermost node that saw this error in the current frame.
    @inline(__always)
    func located(_ span: SourceSpan) -> PyError {
        let s = state
        if s.pendingSpan == nil { s.pendingSpan = span }
        return self
    }

    public static func typeError(_ message: String) -> PyError { PyError(.typeError, message) }
    public static func valueError(_ message: String) -> PyError { PyError(.valueError, message) }
    public static func runtimeError(_ message: String) -> PyError { PyError(.runtimeError, message) }
    public static func indexError(_ message: String) -> PyError { PyError(.indexError, message) }
    public static func attributeError(_ message: String) -> PyError { PyError(.attributeError, message) }
    public static func notImplementedError(_ message: String) -> PyError { PyError(.notImplementedError, message) }
    public static func overflowError(_ message: String) -> PyError { PyError(.overflowError, message) }
    public static func zeroDivision(_ message: String) -> PyError { PyError(.zeroDivisionError, message) }
    public static func memoryError(_ message: String) -> PyError { PyError(.memoryError, message) }
    static func keyError(_ key: Value) -> PyError {
        PyError(exception: PyType.makeException(.keyError, args: [key]))
    }
}
