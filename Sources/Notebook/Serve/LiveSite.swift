import Foundation

/// The site `litgrad serve` shows: rendered once at start, then re-rendered
/// notebook by notebook as their files change (polled by modification time
/// and size, which needs no file-watching API and works on every file
/// system). Every change that rewrites a file bumps `version`, which the
/// pages' live-reload script polls.
public final class LiveSite: @unchecked Sendable {
    public let paths: [String]
    public let options: RenderOptions
    private let builder: SiteBuilder
    private var stamps: [String: FileStamp] = [:]
    private var inputs: [RenderInput] = []
    private var hasRendered = false
    private let lock = NSLock()
    private var currentVersion = 0

    private struct FileStamp: Equatable {
        var modified: Date?
        var size: Int?
    }

    public init(paths: [String], options: RenderOptions) {
        self.paths = paths
        self.options = options
        builder = SiteBuilder(options: options)
    }

    /// Increases whenever a file of the site changed.
    public var version: Int {
        lock.lock(); defer { lock.unlock() }
        return currentVersion
    }

    /// Renders what changed since the last call (everything, the first
    /// time). Returns nil when nothing changed on disk; otherwise the report
    /// of the notebooks rendered now. A notebook that fails keeps its last
    /// good page until it is fixed.
    /// Call from one thread at a time, with a notebook-sized stack (see `Runner.notebookThreadStackSize`).
    public func refresh() -> RenderReport? {
        let (found, inputErrors) = RenderInputs.resolve(paths, excludes: options.excludes,
                                                        outputDirectory: options.outputDirectory)
        var newStamps: [String: FileStamp] = [:]
        for input in found { newStamps[input.sourcePath] = Self.stamp(input.sourcePath) }
        let changed = found.filter { stamps[$0.sourcePath] != newStamps[$0.sourcePath] }
        let removed = inputs.contains { input in !found.contains(input) }
        guard !changed.isEmpty || removed || !hasRendered else { return nil }
        hasRendered = true

        var report = RenderReport()
        report.errors = inputErrors.map(\.description)
        if !inputErrors.isEmpty { report.exitCode = 2 }
        SiteRenderer.absorb(builder.render(changed, keeping: found), into: &report)
        do {
            report.changedFiles = try builder.writeSite()
        } catch {
            report.errors += LessonRenderer.describe(error, path: options.outputDirectory)
            report.exitCode = 2
        }
        stamps = newStamps
        inputs = found
        if !report.changedFiles.isEmpty {
            lock.lock()
            currentVersion += 1
            lock.unlock()
        }
        return report
    }

    private static func stamp(_ path: String) -> FileStamp {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return FileStamp(modified: attributes?[.modificationDate] as? Date, size: (attributes?[.size] as? NSNumber)?.intValue)
    }
}
