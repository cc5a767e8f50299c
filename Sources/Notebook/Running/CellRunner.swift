import PyInterpreter

/// Runs a notebook's cells in order in one shared session. The interpreter's
/// `NotebookSession` is the real one; tests plug in fakes.
public protocol CellRunner: AnyObject {
    /// Runs one cell under `limits`; never throws, never traps on user code.
    func run(_ cell: CellSource, limits: Limits) -> CellResult
}

/// A runner whose cells can draw figures (the interpreter session; fakes
/// need not be one, and then their cells have no figures).
public protocol FigureCellRunner: CellRunner {
    /// Draws what cells show; nil drops their figures.
    var figureRenderer: FigureRenderer? { get set }
    /// Whether the session keeps what each recorded op produced, so graph
    /// figures can show intermediate values (off: it costs every op).
    var drawsComputationGraphs: Bool { get set }
    /// Runs one cell; its figures get ids `<figureIdPrefix>-1`, `-2`, …
    func run(_ cell: CellSource, limits: Limits, figureIdPrefix: String) -> CellResult
    /// The computation graph of a `graph` (nil name) or `graph=NAME` cell
    /// that just ran; throws `GraphTargetError` when there is no such tensor.
    /// nil: this runner draws no graphs (a wrapper around a fake, say).
    func computationGraph(named name: String?, cellCode: String) throws -> GraphFigure?
}

/// Makes the runner for one notebook, given its display path and limits.
public typealias CellRunnerFactory = (_ fileName: String, _ limits: Limits) -> CellRunner

extension NotebookSession: FigureCellRunner {
    public func run(_ cell: CellSource, limits: Limits) -> CellResult {
        if self.limits != limits { self.limits = limits }
        return run(cell)
    }

    public func run(_ cell: CellSource, limits: Limits, figureIdPrefix: String) -> CellResult {
        if self.limits != limits { self.limits = limits }
        return run(cell, figureIdPrefix: figureIdPrefix)
    }

    public func computationGraph(named name: String?, cellCode: String) throws -> GraphFigure? {
        try graphFigure(named: name, cellCode: cellCode)
    }

    public var drawsComputationGraphs: Bool {
        get { engine.keepsOperationOutputs }
        set { engine.keepsOperationOutputs = newValue }
    }
}

public enum CellRunners {
    /// One real interpreter session per notebook.
    public static let interpreter: CellRunnerFactory = { fileName, limits in
        NotebookSession(fileName: fileName, limits: limits)
    }
}
