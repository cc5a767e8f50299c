import Foundation

/// How a run's report is shown.
public struct ReportOptions: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case text, github
    }

    public var format: Format = .text
    /// Also write a JUnit XML report to this file.
    public var junitPath: String?
    /// No progress line and no "updated" lines; problems and the summary still print.
    public var quiet = false
    public var color = false
    /// Draw the progress line (on stderr) for runs longer than a second.
    public var showProgress = false

    public init() {}

    /// Colour and progress as the terminal allows.
    public static func forTerminal(format: Format = .text, junitPath: String? = nil, quiet: Bool = false) -> ReportOptions {
        var options = ReportOptions()
        options.format = format
        options.junitPath = junitPath
        options.quiet = quiet
        options.color = format == .text && Terminal.colorAllowed(onTerminal: Terminal.standardOutputIsTerminal)
        options.showProgress = !quiet && Terminal.standardErrorIsTerminal
        return options
    }
}

/// What `litgrad run` and `litgrad check` do end to end: run the notebooks
/// with a progress line, print the report, write JUnit if asked, and return
/// the exit status.
public enum ConsoleRun {
    public static func perform(paths: [String], options: RunOptions, report reportOptions: ReportOptions,
                               standardOutput: (String) -> Void = Terminal.writeStandardOutput,
                               standardError: @escaping (String) -> Void = Terminal.writeStandardError) -> Int32 {
        var options = options
        let progress = reportOptions.showProgress ? ProgressLine(write: standardError) : nil
        if let progress {
            progress.startTicking()
            let previous = options.progress
            options.progress = { event in
                previous?(event)
                progress.handle(event)
            }
        }
        let report = Runner.run(paths: paths, options: options)
        progress?.finish()

        let warnings = report.notebooks.flatMap(\.warnings)
        if !warnings.isEmpty { standardError(warnings.joined(separator: "\n") + "\n") }
        switch reportOptions.format {
        case .text: standardOutput(TextReport.render(report, color: reportOptions.color, quiet: reportOptions.quiet))
        case .github: standardOutput(GitHubReport.render(report))
        }
        if let junitPath = reportOptions.junitPath {
            do {
                try Data(JUnitReport.render(report).utf8).write(to: URL(fileURLWithPath: junitPath), options: .atomic)
            } catch {
                standardError(Diagnostic(file: junitPath, message: "cannot write the JUnit report: \(error.localizedDescription)").description + "\n")
                return 2
            }
        }
        return report.exitCode
    }
}
