import Foundation

/// How a render went.
public struct RenderReport: Sendable {
    /// Notebooks rendered (pages or Markdown copies written).
    public var rendered: [String] = []
    /// Notebooks that could not be read or whose cells failed; nothing is written for them.
    public var failed: [String] = []
    /// Files written or changed, relative to the output folder.
    public var changedFiles: [String] = []
    /// Problems, each printed as `file:line:col: error: …` with its details.
    public var errors: [String] = []
    /// Parser notices and the interpreter's warnings.
    public var warnings: [String] = []
    /// 2 for bad arguments, unreadable notebooks or an unwritable site; 1
    /// when a cell raised (or an `error` cell did not); 0 when all rendered.
    public var exitCode: Int32 = 0

    public init() {}
}

/// `litgrad render`: runs each notebook (writing nothing back) and writes
/// its page, or its Markdown copy, into the output folder.
public enum SiteRenderer {
    public static func render(paths: [String], options: RenderOptions) -> RenderReport {
        var report = RenderReport()
        let (inputs, inputErrors) = RenderInputs.resolve(paths, excludes: options.excludes, outputDirectory: options.outputDirectory)
        report.errors = inputErrors.map(\.description)
        if !inputErrors.isEmpty { report.exitCode = 2 }
        if options.format == .html {
            // A missing KaTeX is known before any notebook runs.
            do { _ = try KaTeXFiles.locate(options.katexDirectory) } catch {
                report.errors.append("\(error)")
                report.exitCode = 2
                return report
            }
        }
        let builder = SiteBuilder(options: options)
        let outcomes = builder.render(inputs, keeping: inputs)
        absorb(outcomes, into: &report)
        do {
            switch options.format {
            case .html: report.changedFiles = try builder.writeSite()
            case .md: report.changedFiles = try builder.writeExports(outcomes)
            }
        } catch {
            report.errors += LessonRenderer.describe(error, path: options.outputDirectory)
            report.exitCode = 2
        }
        return report
    }

    static func absorb(_ outcomes: [LessonRenderer.Outcome], into report: inout RenderReport) {
        for outcome in outcomes {
            report.warnings += outcome.warnings
            report.errors += outcome.errors
            if outcome.errors.isEmpty {
                report.rendered.append(outcome.input.sourcePath)
            } else {
                report.failed.append(outcome.input.sourcePath)
                report.exitCode = max(report.exitCode, outcome.isInputError ? 2 : 1)
            }
        }
    }
}
