import Foundation

/// `litgrad run` and `litgrad check`: find the notebooks, run each in its own
/// session, collect the reports in a stable order.
public enum Runner {
    /// Stack for the threads that run notebooks: a tree-walking interpreter
    /// recursing to Python's depth limit needs far more than a secondary
    /// thread's default (it is only reserved, not committed).
    public static let notebookThreadStackSize = 512 << 20

    public static func run(paths: [String], options: RunOptions) -> RunReport {
        let started = Date()
        let found = NotebookFinder.find(paths, excluding: options.excludes.map(GlobPattern.init))
        var usageErrors = found.errors
        if found.notebooks.isEmpty && found.errors.isEmpty {
            // Checking nothing must not look like a pass (a typo in CI's path, say).
            usageErrors.append(Diagnostic(file: paths.joined(separator: ", "), message: "no notebooks (*.md files) found"))
        }
        var notebooks = found.notebooks
        if let shard = options.shard { notebooks = shard.select(notebooks) }
        options.progress?(.started(notebooks: notebooks.count))

        let reports = ParallelWork.map(notebooks, jobs: options.jobs, size: ParallelWork.fileSize) { path in
            let report = NotebookRun(path: path, options: options).execute()
            options.progress?(.notebookFinished(path: path))
            return report
        }
        return RunReport(mode: options.mode, notebooks: reports, usageErrors: usageErrors,
                         duration: Date().timeIntervalSince(started))
    }
}
