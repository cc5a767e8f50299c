/// What `litgrad render` does end to end: render, print problems and
/// warnings on stderr and a one-line summary on stdout, return the exit status.
public enum ConsoleRender {
    public static func perform(paths: [String], options: RenderOptions,
                               standardOutput: (String) -> Void = Terminal.writeStandardOutput,
                               standardError: (String) -> Void = Terminal.writeStandardError) -> Int32 {
        let report = SiteRenderer.render(paths: paths, options: options)
        if !report.warnings.isEmpty { standardError(report.warnings.joined(separator: "\n") + "\n") }
        if !report.errors.isEmpty {
            standardError(report.errors.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(separator: "\n"))
        }
        standardOutput(summary(report, options: options) + "\n")
        return report.exitCode
    }

    /// `rendered 3 notebooks into site (5 files written)`, plus how many failed.
    static func summary(_ report: RenderReport, options: RenderOptions) -> String {
        let count = report.rendered.count
        var text = "rendered \(count) notebook\(count == 1 ? "" : "s") into \(options.outputDirectory)"
        let changed = report.changedFiles.count
        text += changed == 0 ? " (nothing changed)" : " (\(changed) file\(changed == 1 ? "" : "s") written)"
        if !report.failed.isEmpty {
            text += "; \(report.failed.count) failed"
        } else if report.exitCode != 0 {
            text += "; see the errors above"
        }
        return text
    }
}
