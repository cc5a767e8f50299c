import ArgumentParser
import Foundation
import Notebook

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a lesson from a template that already passes 'litgrad check'.",
        discussion: """
            Examples:
              litgrad new lessons/chain-rule.md --title "The chain rule"
            """
    )

    @Argument(help: ArgumentHelp("The notebook to create; it must not exist yet.", valueName: "path"))
    var path: String

    @Option(help: ArgumentHelp("The lesson's title.", valueName: "text"))
    var title: String

    func run() throws {
        do {
            try LessonTemplate.create(at: path, title: title)
            print("created \(path)")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
