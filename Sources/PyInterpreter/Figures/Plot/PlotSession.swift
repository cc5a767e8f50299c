/// The state behind `matplotlib.pyplot`: open figures and the current
/// figure and Axes. The pyplot binding calls these; `plt.plot(...)` is
/// `gca().plot(...)`. Figures end up in a cell's output through `show()`,
/// or `finishCell()` at the end of the cell (Jupyter's inline backend).
public final class PlotSession {
    public private(set) var openFigures: [PlotFigure] = []
    private var current: PlotFigure?
    /// matplotlib numbers a new figure one past the highest open one, so
    /// numbers are reused once figures are closed.
    private var nextNumber: Int { (openFigures.map(\.number).max() ?? 0) + 1 }

    public init() {}

    /// `plt.figure(figsize=(w, h), dpi=…)`: a new figure, made current.
    @discardableResult
    public func figure(width: Double? = nil, height: Double? = nil, dpi: Double? = nil) throws -> PlotFigure {
        let (w, h, d) = try PlotFigure.validated(width: width ?? 6.4, height: height ?? 4.8, dpi: dpi ?? 100)
        let figure = PlotFigure(number: nextNumber, width: w, height: h, dpi: d)
        openFigures.append(figure)
        current = figure
        return figure
    }

    /// `plt.gcf()`: the current figure, a new one if none is open.
    public func gcf() -> PlotFigure {
        if let current { return current }
        let figure = PlotFigure(number: nextNumber)
        openFigures.append(figure)
        current = figure
        return figure
    }

    /// `plt.gca()`.
    public func gca() -> PlotAxes { gcf().gca() }

    /// `plt.subplots(nrows, ncols, figsize=…)`: a new figure with a grid of
    /// Axes, returned row by row (the binding shapes them as matplotlib does:
    /// one Axes, a 1-D or a 2-D array). The last Axes is current, as in matplotlib.
    public func subplots(rows: Int = 1, columns: Int = 1, width: Double? = nil, height: Double? = nil,
                         dpi: Double? = nil) throws -> (PlotFigure, [[PlotAxes]]) {
        guard rows >= 1 else { throw PlotError.value("Number of rows must be a positive integer, not \(rows)") }
        guard columns >= 1 else { throw PlotError.value("Number of columns must be a positive integer, not \(columns)") }
        let figure = try self.figure(width: width, height: height, dpi: dpi)
        var grid: [[PlotAxes]] = []
        for r in 0..<rows {
            var row: [PlotAxes] = []
            for c in 0..<columns {
                row.append(try figure.subplot(rows: rows, columns: columns, index: r * columns + c + 1))
            }
            grid.append(row)
        }
        return (figure, grid)
    }

    /// `plt.subplot(nrows, ncols, index)` on the current figure.
    @discardableResult
    public func subplot(rows: Int, columns: Int, index: Int) throws -> PlotAxes {
        try gcf().subplot(rows: rows, columns: columns, index: index)
    }

    /// `plt.sca(ax)`: `ax` and its figure become current.
    public func setCurrentAxes(_ ax: PlotAxes) throws {
        for figure in openFigures where figure.makeCurrent(ax) {
            current = figure
            return
        }
        throw PlotError.value("Axes should be in an open figure")
    }

    /// `plt.figure(fig)` for an open figure: makes it current.
    public func setCurrentFigure(_ figure: PlotFigure) {
        if !openFigures.contains(where: { $0 === figure }) { openFigures.append(figure) }
        current = figure
    }

    /// `plt.close(fig)`; `plt.close()` closes the current figure.
    public func close(_ figure: PlotFigure? = nil) {
        guard let target = figure ?? current else { return }
        openFigures.removeAll { $0 === target }
        if current === target { current = openFigures.last }
    }

    /// `plt.close('all')`.
    public func closeAll() {
        openFigures = []
        current = nil
    }

    /// `plt.show()`: the open figures that have Axes, in the order they were
    /// created; all open figures are then closed (as the inline backend does;
    /// a figure without Axes shows nothing).
    public func show() -> [PlotFigure] {
        let shown = openFigures.filter { !$0.axes.isEmpty }
        closeAll()
        return shown
    }

    /// The implicit `show()` at the end of every cell.
    public func finishCell() -> [PlotFigure] { show() }
}
