import Foundation

/// Something wrong with one cell, with where it happened and what to show.
public struct Finding: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// The cell raised and was not marked `error`.
        case raised
        /// The cell was marked `error` but did not raise.
        case didNotRaise
        /// The recorded output block differs from what the cell printed now.
        case outputDiffers
        /// The cell printed something but has no output block.
        case missingOutput
        /// The cell printed nothing but has an output block.
        case staleOutput
    }

    public var kind: Kind
    public var line: Int
    public var column: Int?
    /// One line: `TypeError: …`, `output differs`.
    public var message: String
    /// Lines that explain it: the quoted source and a caret, or a unified diff.
    public var details: String

    public init(kind: Kind, line: Int, column: Int? = nil, message: String, details: String = "") {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
        self.details = details
    }

    /// Errors print as `file:line:col: error: …`; output findings as `file:line: …`.
    public var isError: Bool { kind == .raised || kind == .didNotRaise }
}

/// How one cell went.
public struct CellReport: Equatable, Sendable {
    public enum Status: String, Sendable {
        case passed, failed, skipped
    }

    public var index: Int
    /// Line of the cell's opening fence.
    public var line: Int
    public var status: Status
    public var findings: [Finding]
    /// Seconds spent running the cell.
    public var duration: Double
    /// The output the cell produced now (normalised), for reports; nil if skipped.
    public var output: String?
    /// The cell's figures as inline SVG, in order: the plots it showed, then
    /// its computation graph. Filled only when `RunOptions.collectFigures` is set.
    public var figures: [String] = []

    public init(index: Int, line: Int, status: Status, findings: [Finding] = [], duration: Double = 0, output: String? = nil) {
        self.index = index
        self.line = line
        self.status = status
        self.findings = findings
        self.duration = duration
        self.output = output
    }
}

/// How one notebook went.
public struct NotebookReport: Equatable, Sendable {
    public var path: String
    public var cells: [CellReport] = []
    /// Why the notebook could not be read or written (each exits with status 2).
    public var inputErrors: [Diagnostic] = []
    /// Parser notices and the interpreter's warnings, for stderr.
    public var warnings: [String] = []
    /// `run`: output blocks written, rewritten or removed.
    public var updatedBlocks = 0
    public var duration: Double = 0

    public init(path: String) { self.path = path }

    public var passed: Int { cells.count { $0.status == .passed } }
    public var failed: Int { cells.count { $0.status == .failed } }
    public var skipped: Int { cells.count { $0.status == .skipped } }
}

/// How a whole `run` or `check` went.
public struct RunReport: Equatable, Sendable {
    public var mode: RunOptions.Mode
    /// In the order the notebooks were given (folders sorted), whatever the parallelism.
    public var notebooks: [NotebookReport]
    /// Problems with the arguments themselves (a path that does not exist).
    public var usageErrors: [Diagnostic]
    /// Wall-clock seconds.
    public var duration: Double

    public init(mode: RunOptions.Mode, notebooks: [NotebookReport] = [], usageErrors: [Diagnostic] = [], duration: Double = 0) {
        self.mode = mode
        self.notebooks = notebooks
        self.usageErrors = usageErrors
        self.duration = duration
    }

    public var passed: Int { notebooks.reduce(0) { $0 + $1.passed } }
    public var failed: Int { notebooks.reduce(0) { $0 + $1.failed } }
    public var skipped: Int { notebooks.reduce(0) { $0 + $1.skipped } }

    /// 2 for usage or input errors, 1 when a cell failed, 0 when all is well.
    public var exitCode: Int32 {
        if !usageErrors.isEmpty || notebooks.contains(where: { !$0.inputErrors.isEmpty }) { return 2 }
        return failed > 0 ? 1 : 0
    }

    /// `N passed, N failed, N skipped`: the line CI tools read.
    public var summaryLine: String { "\(passed) passed, \(failed) failed, \(skipped) skipped" }
}

