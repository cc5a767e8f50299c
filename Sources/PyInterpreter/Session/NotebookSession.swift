import Foundation
import Autograd

/// One interpreter session per notebook: all cells share its globals and run
/// in order, like a Jupyter kernel. This is the whole API the Notebook layer uses.
public final class NotebookSession {
    public let fileName: String
    public var limits: Limits {
        get { interpreter.limits }
        set { interpreter.limits = newValue }
    }
    /// The interpreter (native bindings and tests reach the runtime through it).
    public let interpreter: Interpreter

    /// Each cell runs on a thread with this much stack, so deep (but bounded)
    /// recursion in user code or in nested expressions cannot overflow it.
    static let stackSize = 1 << 30

    /// The engine settings of this notebook (seed, grad mode, print options,
    /// tensor memory), installed on the thread of every cell it runs.
    public let engine = EngineContext()

    /// Draws the figures cells show (`plt.show()`, figures open at the end
    /// of a cell) into `CellResult.figures`; without one they are dropped.
    public var figureRenderer: FigureRenderer?
    /// pyplot's state for this notebook; each cell ends with its figures shown and closed.
    let figures = FigureCollector()
    private var cellsRun = 0
    private let cellThread = CellThread()

    public init(fileName: String, limits: Limits = .default, modules: ModuleRegistry = .standard()) {
        self.fileName = fileName
        self.interpreter = Interpreter(fileName: fileName, limits: limits, modules: modules)
    }

    /// Runs one cell; never throws and never traps on user input. Figure ids
    /// start with `fig-<n>`, n counting the cells this session ran from 0.
    public func run(_ cell: CellSource) -> CellResult {
        run(cell, figureIdPrefix: "fig-\(cellsRun)")
    }

    /// Runs one cell; the figures it shows get ids `<figureIdPrefix>-1`, `-2`, …
    public func run(_ cell: CellSource, figureIdPrefix: String) -> CellResult {
        cellsRun += 1
        let unit = SourceUnit(fileName: fileName, code: cell.code, firstLine: cell.firstLine, indent: cell.indent)
        let box = OutcomeBox()
        let interpreter = self.interpreter
        let figures = self.figures
        figures.beginCell(idPrefix: figureIdPrefix, renderer: figureRenderer)
        onCellThread {
            box.outcome = FigureCollector.with(figures) { interpreter.runCell(code: cell.code, unit: unit) }
            // Figures still open are shown when the cell ends, as Jupyter's inline backend does.
            box.figures = figures.finishCell()
        }
        let outcome = box.outcome
        return CellResult(output: interpreter.output, error: outcome.error, warnings: interpreter.cellWarnings,
                          figures: box.figures, additionalErrors: outcome.moreErrors)
    }

    /// The computation graph a `graph` cell draws, after the cell ran:
    /// of the tensor named `name` (a variable or `a.b` path), or with nil of
    /// the cell's result (see `GraphCellTarget`). Nodes are named after the
    /// global variables holding them.
    public func graphFigure(named name: String?, cellCode: String) throws -> GraphFigure {
        let interpreter = self.interpreter
        let box = GraphBox()
        onCellThread {
            do {
                let target = try GraphCellTarget.tensor(named: name, cellCode: cellCode, in: interpreter)
                var names = GraphCellTarget.names(in: interpreter)
                names[ObjectIdentifier(target.tensor)] = target.name
                box.result = .success(GraphFigure.extract(from: target.tensor, names: names))
            } catch let error as GraphTargetError {
                box.result = .failure(error)
            } catch {
                box.result = .failure(GraphTargetError("graph: \(error)"))
            }
        }
        return try box.result.get()
    }

    /// Runs `body` on a thread with a large stack and this notebook's engine
    /// settings, as every cell runs, and waits for it.
    private func onCellThread(_ body: @escaping () -> Void) {
        let engine = self.engine
        engine.limitElements = interpreter.limits.maxTensorElements
        engine.limitBytes = interpreter.limits.maxTensorBytes
        cellThread.run { EngineContext.with(engine) { body() } }
    }

    deinit { cellThread.stop() }
}

/// The thread a session's cells run on, one after another: started with the
/// session's first cell (with the big stack) and reused, instead of a new
/// thread per cell.
private final class CellThread: @unchecked Sendable {
    private let jobReady = DispatchSemaphore(value: 0)
    private let jobDone = DispatchSemaphore(value: 0)
    private var job: (() -> Void)?
    private var started = false

    /// Runs `body` on the thread and waits for it (the semaphores order the accesses to `job`).
    func run(_ body: @escaping () -> Void) {
        if !started {
            started = true
            let thread = Thread { [unowned self] in self.loop() }
            thread.stackSize = NotebookSession.stackSize
            thread.start()
        }
        job = body
        jobReady.signal()
        jobDone.wait()
    }

    /// Ends the thread (a nil job); safe to call when it never started.
    func stop() {
        guard started else { return }
        job = nil
        jobReady.signal()
        jobDone.wait()
    }

    private func loop() {
        while true {
            jobReady.wait()
            guard let body = job else { jobDone.signal(); return }
            body()
            job = nil
            jobDone.signal()
        }
    }
}

/// Carries the cell's outcome from the worker thread (the semaphore orders the accesses).
private final class OutcomeBox: @unchecked Sendable {
    var outcome: (error: CellError?, moreErrors: [CellError]) = (nil, [])
    var figures: [CellFigure] = []
}

private final class GraphBox: @unchecked Sendable {
    var result: Result<GraphFigure, GraphTargetError> = .failure(GraphTargetError("graph: nothing was drawn"))
}
