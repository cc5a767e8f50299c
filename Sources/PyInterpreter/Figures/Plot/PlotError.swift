/// A bad argument to a pyplot function, as the Python exception matplotlib
/// raises for it (the binding turns it into that exception).
public struct PlotError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case valueError = "ValueError"
        case typeError = "TypeError"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func value(_ message: String) -> PlotError { PlotError(.valueError, message) }
    public static func type(_ message: String) -> PlotError { PlotError(.typeError, message) }

    public var description: String { "\(kind.rawValue): \(message)" }
}

/// Python's `repr` of a string, as matplotlib's messages quote values.
func pythonRepr(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var result = String(quote)
    for ch in text {
        switch ch {
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        case quote: result += "\\" + String(quote)
        default: result.append(ch)
        }
    }
    result.append(quote)
    return result
}
