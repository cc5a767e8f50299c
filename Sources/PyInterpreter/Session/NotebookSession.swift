/// One interpreter session per notebook: all cells share its globals and run
/// in order, like a Jupyter kernel. This is the whole API the Notebook layer uses.
public final class NotebookSession {
    public let fileName: String
    public var limits: Limits

    public init(fileName: String, limits: Limits = .default) {
        self.fileName = fileName
        self.limits = limits
    }

    /// Runs one cell; never throws and never traps on user input.
    public func run(_ cell: CellSource) -> CellResult {
        // Placeholder until the interpreter lands (replaced in the skeleton).
        CellResult(output: "", error: CellError(type: "NotImplementedError", message: "interpreter not built", location: SourceLocation(line: cell.firstLine, column: 1)))
    }
}
