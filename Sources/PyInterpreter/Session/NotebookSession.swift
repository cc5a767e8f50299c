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

    public init(fileName: String, limits: Limits = .default, modules: ModuleRegistry = .standard()) {
        self.fileName = fileName
        self.interpreter = Interpreter(fileName: fileName, limits: limits, modules: modules)
    }

    /// Runs one cell; never throws and never traps on user input.
    public func run(_ cell: CellSource) -> CellResult {
        let unit = SourceUnit(fileName: fileName, code: cell.code, firstLine: cell.firstLine, indent: cell.indent)
        let box = OutcomeBox()
        let interpreter = self.interpreter
        let done = DispatchSemaphore(value: 0)
        let engine = self.engine
        engine.limitElements = interpreter.limits.maxTensorElements
        engine.limitBytes = interpreter.limits.maxTensorBytes
        let thread = Thread {
            box.outcome = EngineContext.with(engine) { interpreter.runCell(code: cell.code, unit: unit) }
            done.signal()
        }
        thread.stackSize = NotebookSession.stackSize
        thread.start()
        done.wait()
        let outcome = box.outcome
        return CellResult(output: interpreter.output, error: outcome.error, warnings: interpreter.cellWarnings,
                          additionalErrors: outcome.moreErrors)
    }
}

/// Carries the cell's outcome from the worker thread (the semaphore orders the accesses).
private final class OutcomeBox: @unchecked Sendable {
    var outcome: (error: CellError?, moreErrors: [CellError]) = (nil, [])
}
