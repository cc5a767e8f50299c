import ArgumentParser
import Autograd
import Foundation

@main
struct Litgrad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "litgrad",
        abstract: "Run, check and write literate Markdown notebooks about backpropagation.",
        discussion: """
            A notebook is a Markdown file whose ```python cells are PyTorch-style code.
            `litgrad run` executes them and records what each prints in the ```output
            block after it; `litgrad check` re-runs them and fails when a recorded
            output no longer matches.

            Examples:
              litgrad new lessons/chain-rule.md --title "The chain rule"
              litgrad run lessons/chain-rule.md
              litgrad check lessons --jobs 4 --format github --junit report.xml
            """,
        subcommands: [RunCommand.self, CheckCommand.self, NewCommand.self, RenderCommand.self, ServeCommand.self]
    )

    /// Usage errors exit with status 2 (ArgumentParser's default is 64).
    static func main() {
        BLASThreads.stopIdleWorkers()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
