#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the figures of the cell being run go: pyplot's open figures, and the
/// SVG of every figure shown so far in the cell. A notebook session owns one
/// and installs it on the thread of each cell it runs, so that
/// `import matplotlib.pyplot` binds to the session's collector; a figure is
/// drawn the moment it is shown (the models stay mutable afterwards).
/// Without a renderer, shown figures are closed and dropped.
final class FigureCollector {
    /// pyplot's state: open figures, the current figure and Axes.
    let plots = PlotSession()
    var renderer: FigureRenderer?
    /// Ids of the cell's figures start with this (`fig-3` → `fig-3-1`, `fig-3-2`).
    private(set) var idPrefix = "fig"
    private var shownCount = 0
    private var figures: [CellFigure] = []

    /// Starts a cell: nothing shown yet, ids from `idPrefix`.
    func beginCell(idPrefix: String, renderer: FigureRenderer?) {
        self.idPrefix = idPrefix
        self.renderer = renderer
        shownCount = 0
        figures = []
    }

    /// `plt.show()`: draws the open figures now and closes them.
    func show() {
        draw(plots.show())
    }

    /// The implicit show at the end of a cell (Jupyter's inline backend);
    /// returns everything the cell showed, in order.
    func finishCell() -> [CellFigure] {
        draw(plots.finishCell())
        defer { figures = [] }
        return figures
    }

    private func draw(_ shown: [PlotFigure]) {
        guard let renderer else { return }
        for figure in shown {
            shownCount += 1
            figures.append(CellFigure(kind: .plot, svg: renderer.svg(for: figure, idPrefix: "\(idPrefix)-\(shownCount)")))
        }
    }

    // MARK: the collector of the calling thread

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The collector installed on this thread, if a session is running a cell on it.
    static var current: FigureCollector? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<FigureCollector>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Makes `collector` current on this thread while `body` runs (the caller keeps it alive).
    static func with<T>(_ collector: FigureCollector, _ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(collector).toOpaque())
        defer { pthread_setspecific(key, previous) }
        return try body()
    }
}
