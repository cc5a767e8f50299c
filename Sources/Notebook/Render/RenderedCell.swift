import PyInterpreter

/// One cell as a page shows it: its code (unless `hide`), what it printed,
/// the error an `error` cell raised, and its figures.
public struct RenderedCell: Sendable {
    public var cell: Cell
    /// False for `norun` cells, which show their code with a "not run" marker.
    public var ran: Bool
    /// What the cell printed (normalised like an output block); for a
    /// `norun` cell, the output block recorded in the notebook, if any.
    public var output: String
    /// `ExceptionType: message` of an `error` cell.
    public var errorSummary: String?
    /// Inline SVG documents, placed after the output in this order.
    public var figures: [String]

    public init(cell: Cell, ran: Bool, output: String, errorSummary: String? = nil, figures: [String] = []) {
        self.cell = cell
        self.ran = ran
        self.output = output
        self.errorSummary = errorSummary
        self.figures = figures
    }

    /// The figures of a cell's result as inline SVG for its page. This is the
    /// one place a page gets figures from; their SVG is trusted as written
    /// (the figure renderers sanitise it), everything else on a page is escaped.
    public static func figures(of result: CellResult) -> [String] {
        result.figures.map(\.svg)
    }
}
