import ArgumentParser
import Notebook

/// The arguments `run` and `check` share.
struct NotebookRunArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("Notebooks (.md files) or folders to search for them.", valueName: "path"))
    var paths: [String]

    @Flag(help: "Compare outputs byte for byte instead of allowing numeric tolerance.")
    var exact = false

    @Option(help: ArgumentHelp("Report format: text, or github for GitHub Actions annotations.", valueName: "text|github"))
    var format: ReportOptions.Format = .text

    @Option(help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("Notebooks to run at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Run only slice I of N of the notebooks, e.g. 2/4.", valueName: "I/N"))
    var shard: Shard?

    @Option(help: ArgumentHelp("Skip paths matching this gitignore-style glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: .shortAndLong, help: "Print only problems and the summary.")
    var quiet = false

    @Option(help: ArgumentHelp("Relative tolerance for numbers in outputs (cell and front matter settings win).", valueName: "x"))
    var rtol: Double?

    @Option(help: ArgumentHelp("Absolute tolerance for numbers in outputs (cell and front matter settings win).", valueName: "x"))
    var atol: Double?

    @OptionGroup var cellLimits: CellLimitOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs expects a whole number of at least 1, got \(jobs).") }
        for (name, value) in [("--rtol", rtol), ("--atol", atol)] {
            if let value, !(value.isFinite && value >= 0) {
                throw ValidationError("\(name) expects a non-negative number such as 1e-4, got \(value).")
            }
        }
    }

    func runOptions(mode: RunOptions.Mode, force: Bool = false) -> RunOptions {
        var options = RunOptions(mode: mode)
        options.force = force
        options.exact = exact
        options.tolerance = Tolerance(rtol: rtol, atol: atol)
        options.timeout = cellLimits.timeout
        options.limits = cellLimits.overrides
        if let jobs { options.jobs = jobs }
        options.shard = shard
        options.excludes = exclude
        return options
    }

    var reportOptions: ReportOptions {
        .forTerminal(format: format, junitPath: junit, quiet: quiet)
    }
}

extension ReportOptions.Format: ExpressibleByArgument {}

extension Shard: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
