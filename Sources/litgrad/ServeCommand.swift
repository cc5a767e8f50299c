import ArgumentParser
import Notebook

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Render notebooks and serve the site on this machine, re-rendering as they change.",
        discussion: """
            Renders like 'litgrad render', then serves the site on 127.0.0.1 only.
            The notebooks are checked twice a second; when one changes it is run
            and rendered again and open pages reload themselves. A notebook that
            fails keeps its last good page and its error is printed here.

            Examples:
              litgrad serve notebooks
              litgrad serve notebooks --port 8080 --out site
            """
    )

    @Argument(help: ArgumentHelp("Notebooks (.md files) or folders to search for them.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("The port to listen on, on 127.0.0.1 (0 picks a free one).", valueName: "n"))
    var port: Int = 8000

    @Option(name: .long, help: ArgumentHelp("Write the site into this folder (default: a temporary folder).", valueName: "dir"))
    var out: String?

    @Flag(help: "Let raw HTML in the notebooks' prose through (it is left out by default).")
    var unsafe = false

    @Option(help: ArgumentHelp("Skip paths matching this gitignore-style glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @OptionGroup var cellLimits: CellLimitOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port expects a number from 0 to 65535, got \(port).") }
    }

    func run() throws {
        var options = RenderOptions(outputDirectory: out ?? ConsoleServe.temporaryOutputDirectory())
        options.allowRawHTML = unsafe
        options.timeout = cellLimits.timeout
        options.limits = cellLimits.overrides
        options.excludes = exclude
        options.color = Terminal.colorAllowed(onTerminal: Terminal.standardErrorIsTerminal)
        throw ExitCode(ConsoleServe.perform(paths: paths, options: options, port: UInt16(port)))
    }
}
