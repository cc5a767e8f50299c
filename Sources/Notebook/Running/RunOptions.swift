import Foundation

/// What `litgrad run` and `litgrad check` were asked to do.
public struct RunOptions {
    public enum Mode: Sendable {
        /// Run cells and write fresh outputs back into the files.
        case run
        /// Run cells and compare with the recorded outputs; write nothing.
        case check
    }

    public var mode: Mode = .check
    /// `run`: rewrite every output block, even those that match.
    public var force = false
    /// Compare outputs byte for byte instead of with numeric tolerance.
    public var exact = false
    /// Command-line tolerance, the last fallback after cell and front matter.
    public var tolerance = Tolerance()
    /// Command-line per-cell time limit, the last fallback after cell and front matter.
    public var timeout: Double?
    /// `--limit` settings; a notebook's front matter wins over them.
    public var limits = LimitOverrides()
    /// Notebooks run at the same time, each on its own thread with its own session.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Only this slice of the notebooks.
    public var shard: Shard?
    /// gitignore-style globs of paths to leave out when walking folders.
    public var excludes: [String] = []
    /// Draw the figures cells show and `graph` cells as SVG into
    /// `CellReport.figures` (for `render`); `run` and `check` need not pay for it.
    public var collectFigures = false
    /// Makes the session of each notebook.
    public var makeRunner: CellRunnerFactory = CellRunners.interpreter
    /// Called from worker threads as notebooks and cells start.
    public var progress: ((ProgressEvent) -> Void)?

    public init(mode: Mode = .check) {
        self.mode = mode
    }
}

/// Progress of a run, for a status line.
public enum ProgressEvent: Sendable {
    /// The list of notebooks is known.
    case started(notebooks: Int)
    case cellStarted(path: String, cell: Int, cells: Int, line: Int)
    case notebookFinished(path: String)
}

/// `--shard I/N`: the I-th of N slices (1-based), taken round-robin over the
/// notebooks sorted by path, so each notebook's shard depends only on the list.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The paths of this shard, in their original order.
    public func select(_ paths: [String]) -> [String] {
        let sorted = paths.sorted()
        var chosen = Set<String>()
        for (position, path) in sorted.enumerated() where position % count == index - 1 {
            chosen.insert(path)
        }
        return paths.filter(chosen.contains)
    }
}
