/// A Python exception raised by a formatting or `random` function: the
/// exception type's name (`ValueError`, `TypeError`, `OverflowError`, …) and
/// CPython's message, for the interpreter to raise as is.
public struct PyFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    public var type: String
    public var message: String

    public init(type: String, message: String) {
        self.type = type
        self.message = message
    }

    static func valueError(_ message: String) -> PyFormatError {
        PyFormatError(type: "ValueError", message: message)
    }

    static func typeError(_ message: String) -> PyFormatError {
        PyFormatError(type: "TypeError", message: message)
    }

    static func overflowError(_ message: String) -> PyFormatError {
        PyFormatError(type: "OverflowError", message: message)
    }

    /// `Type: message`, as a traceback's last line shows it.
    public var description: String { "\(type): \(message)" }
}
