import ArgumentParser
import Notebook

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run notebooks and write what each cell prints into its output block.",
        discussion: """
            Cells run in order in one session per notebook. An output block is
            rewritten only when the new output differs beyond tolerance (use
            --force to rewrite all). If a cell raises, the error is shown with
            its notebook line and the file is left unchanged.

            Examples:
              litgrad run lesson.md
              litgrad run lessons --exclude 'drafts/'
              litgrad run lesson.md --force
            """
    )

    @OptionGroup var arguments: NotebookRunArguments

    @Flag(help: "Rewrite every output block, even those that still match.")
    var force = false

    @Flag(help: "Do not write anything; check the recorded outputs instead (same as 'litgrad check').")
    var check = false

    func validate() throws {
        if force && check { throw ValidationError("--force rewrites outputs and --check writes nothing; use one of them.") }
    }

    func run() throws {
        let options = arguments.runOptions(mode: check ? .check : .run, force: force)
        throw ExitCode(ConsoleRun.perform(paths: arguments.paths, options: options, report: arguments.reportOptions))
    }
}
