/// A position in the notebook file (1-based line and column, columns count
/// Unicode scalars), so every error can be printed as `file:line:col: error: …`.
public struct SourceLocation: Equatable, Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One cell's code and where it sits in the notebook.
public struct CellSource: Sendable {
    /// The code exactly as written between the fences (lines joined by "\n").
    public var code: String
    /// Notebook line of the code's first line (1-based).
    public var firstLine: Int
    /// Number of columns the fence was indented by; cmark strips up to this
    /// many spaces from each code line, so code column c is notebook column c + indent.
    public var indent: Int
    public init(code: String, firstLine: Int, indent: Int = 0) {
        self.code = code
        self.firstLine = firstLine
        self.indent = indent
    }
}

/// One frame of a Python traceback, in notebook coordinates.
public struct TraceFrame: Equatable, Sendable {
    public var location: SourceLocation
    /// The function's name, or `<cell>` at top level.
    public var function: String
    /// The source line, without its indentation.
    public var sourceLine: String
    public init(location: SourceLocation, function: String, sourceLine: String) {
        self.location = location
        self.function = function
        self.sourceLine = sourceLine
    }
}

/// An exception that escaped a cell (or a syntax error that kept it from running).
public struct CellError: Error, Equatable, Sendable {
    /// Python exception type name: `TypeError`, `SyntaxError`, `RuntimeError`…
    public var type: String
    public var message: String
    /// Where it was raised (innermost frame); nil only if no position is known.
    public var location: SourceLocation?
    /// The source line at `location`, as written (for the caret display).
    public var sourceLine: String
    /// Outermost first, like CPython; the last frame is where it was raised.
    public var traceback: [TraceFrame]
    public init(type: String, message: String, location: SourceLocation?, sourceLine: String = "", traceback: [TraceFrame] = []) {
        self.type = type
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.traceback = traceback
    }

    /// `ExceptionType: message`, or just the type when the message is empty (as CPython prints).
    public var summary: String { message.isEmpty ? type : "\(type): \(message)" }
}

/// A figure a cell produced (a plot or a computation graph), as SVG.
public struct CellFigure: Equatable, Sendable {
    public enum Kind: String, Sendable { case plot, graph }
    public var kind: Kind
    public var svg: String
    public init(kind: Kind, svg: String) {
        self.kind = kind
        self.svg = svg
    }
}

/// Draws figures as SVG. The Notebook layer provides one (the renderers live
/// there); a session without one drops the figures its cells show.
public protocol FigureRenderer: AnyObject {
    /// `idPrefix` keeps the ids inside the SVG unique on a page of figures.
    func svg(for figure: PlotFigure, idPrefix: String) -> String
    func svg(for figure: GraphFigure, idPrefix: String) throws -> String
}

/// What running one cell produced.
public struct CellResult: Sendable {
    /// Everything the cell printed to stdout, in order (also what it printed before raising).
    public var output: String
    /// The exception that ended the cell, if any.
    public var error: CellError?
    /// Warnings for the tool's stderr, already formatted (`file:line: UserWarning: …`).
    public var warnings: [String]
    /// Figures drawn by the cell (`plt.show()`, graph cells).
    public var figures: [CellFigure]
    /// Further syntax errors of the cell after `error` (the parser recovers at
    /// statement boundaries and reports them all), in source order.
    public var additionalErrors: [CellError]
    public init(output: String, error: CellError? = nil, warnings: [String] = [], figures: [CellFigure] = [], additionalErrors: [CellError] = []) {
        self.output = output
        self.error = error
        self.warnings = warnings
        self.figures = figures
        self.additionalErrors = additionalErrors
    }
}
