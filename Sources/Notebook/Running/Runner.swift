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

        let reports = runInParallel(notebooks, jobs: options.jobs) { path in
            let report = NotebookRun(path: path, options: options).execute()
            options.progress?(.notebookFinished(path: path))
            return report
        }
        return RunReport(mode: options.mode, notebooks: reports, usageErrors: usageErrors,
                         duration: Date().timeIntervalSince(started))
    }

    /// Runs `work` on every path on up to `jobs` threads (each notebook on a
    /// thread of its own with a large stack), results in input order.
    static func runInParallel(_ paths: [String], jobs: Int, work: @escaping (String) -> NotebookReport) -> [NotebookReport] {
        guard !paths.isEmpty else { return [] }
        let results = ResultSlots(count: paths.count)
        let threadCount = max(1, min(jobs, paths.count))
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<threadCount {
            let thread = Thread {
                while let index = results.claimNext() {
                    results.store(work(paths[index]), at: index)
                }
                finished.signal()
            }
            thread.stackSize = notebookThreadStackSize
            thread.start()
        }
        for _ in 0..<threadCount { finished.wait() }
        return results.all(paths: paths)
    }
}

/// The shared work list and result array of the worker threads.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [NotebookReport?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claimNext() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ report: NotebookReport, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = report
    }

    func all(paths: [String]) -> [NotebookReport] {
        lock.lock(); defer { lock.unlock() }
        return slots.enumerated().map { $0.element ?? NotebookReport(path: paths[$0.offset]) }
    }
}
