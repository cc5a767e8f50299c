/// A position inside one cell: 1-based line and column (columns count Unicode scalars).
/// Cell coordinates are turned into notebook coordinates only when an error leaves the session.
public struct SourcePos: Equatable, Comparable, Sendable {
    public var line: Int32
    public var column: Int32
    public init(line: Int, column: Int) {
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
    }
    public static func < (a: SourcePos, b: SourcePos) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }
}

/// The source range of a token or node: `start` inclusive, `end` exclusive.
public struct SourceSpan: Equatable, Sendable {
    public var start: SourcePos
    public var end: SourcePos
    public init(start: SourcePos, end: SourcePos) {
        self.start = start
        self.end = end
    }
    public init(_ start: SourcePos) {
        self.start = start
        self.end = start
    }
    /// The smallest span covering both.
    public func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }
    public static let unknown = SourceSpan(SourcePos(line: 0, column: 0))
    public var isKnown: Bool { start.line > 0 }
}

/// A syntax-level error (SyntaxError, IndentationError, TabError, or the
/// compile-time RecursionError), with the position CPython reports.
public struct SyntaxIssue: Error, Equatable, Sendable {
    public var type: String
    public var message: String
    public var position: SourcePos
    public init(_ type: String, _ message: String, at position: SourcePos) {
        self.type = type
        self.message = message
        self.position = position
    }
    public init(_ message: String, at position: SourcePos) {
        self.init("SyntaxError", message, at: position)
    }
}
