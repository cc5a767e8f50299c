/// A message about a place in a file, printed one way everywhere:
/// `file:line:col: error: message` (line and column when known).
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var file: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `file:line:col` with the parts that are known.
    public var position: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public var description: String { "\(position): \(severity.rawValue): \(message)" }
}

/// Why a notebook could not be read: one or more positioned errors.
public struct NotebookInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
