import PyInterpreter

/// Runs a notebook's cells in order in one shared session. The interpreter's
/// `NotebookSession` is the real one; tests plug in fakes.
public protocol CellRunner: AnyObject {
    /// Runs one cell under `limits`; never throws, never traps on user code.
    func run(_ cell: CellSource, limits: Limits) -> CellResult
}

/// Makes the runner for one notebook, given its display path and limits.
public typealias CellRunnerFactory = (_ fileName: String, _ limits: Limits) -> CellRunner

extension NotebookSession: CellRunner {
    public func run(_ cell: CellSource, limits: Limits) -> CellResult {
        if self.limits != limits { self.limits = limits }
        return run(cell)
    }
}

public enum CellRunners {
    /// One real interpreter session per notebook.
    public static let interpreter: CellRunnerFactory = { fileName, limits in
        NotebookSession(fileName: fileName, limits: limits)
    }
}
