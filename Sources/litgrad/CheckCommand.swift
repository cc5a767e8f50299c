import ArgumentParser
import Notebook

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run notebooks and fail if a recorded output no longer matches.",
        discussion: """
            Numbers in outputs may differ by one unit of their last written digit
            (or by --rtol/--atol, a cell's rtol=/atol=, or the front matter's
            tolerance); the text around them must match exactly. Nothing is written.

            Exit status: 0 all cells pass, 1 a cell failed or an output differs,
            2 bad arguments or a notebook that cannot be read.

            Examples:
              litgrad check lessons
              litgrad check lessons --format github --junit litgrad.xml
              litgrad check lessons --shard 1/4 --jobs 2
            """
    )

    @OptionGroup var arguments: NotebookRunArguments

    func run() throws {
        let options = arguments.runOptions(mode: .check)
        throw ExitCode(ConsoleRun.perform(paths: arguments.paths, options: options, report: arguments.reportOptions))
    }
}
