import ArgumentParser
import Notebook

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Run notebooks and write them as web pages (or rendered Markdown) for learners.",
        discussion: """
            Each notebook runs as with 'litgrad run', but nothing is written back
            to it; the pages show this run's outputs and figures. A cell that
            raises (unless marked 'error') fails the render of its notebook.

            The site: one page per notebook (folders keep their structure, so
            notebooks/zh/01.md becomes DIR/zh/01.html), index.html listing the
            lessons by file name with the front matter's title and summary,
            previous/next links within a folder, a table of contents, and each
            notebook's source copied next to its page; relative links to other
            notebooks (other.md) lead to their pages. Math ($…$, $$…$$, \\(…\\),
            \\[…\\]) is typeset by KaTeX, copied from libjs-katex into DIR/assets,
            so pages work offline; "costs $5 and $10" stays text (an opening $
            needs a non-space after it, a closing $ a non-space before it and no
            digit after it; \\$ is a dollar sign). Raw HTML in the prose is left
            out unless --unsafe; code and outputs are always escaped.

            Cells marked 'hide' run and show their output and figures, but not
            their code; 'norun' cells show their code marked "not run" (and the
            output block written under them, if any).

            --format md writes a rendered Markdown copy of each notebook instead,
            with fresh outputs and figures as figures/NAME-N.svg image links.

            Exit status: 0 all rendered, 1 a cell failed, 2 bad arguments, a
            notebook that cannot be read, or a site that cannot be written.

            Examples:
              litgrad render notebooks --out site
              litgrad render notebooks --out published --format md
            """
    )

    @Argument(help: ArgumentHelp("Notebooks (.md files) or folders to search for them.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("The folder to write the site into.", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("html for a site, md for rendered Markdown copies.", valueName: "html|md"))
    var format: RenderOptions.Format = .html

    @Flag(help: "Let raw HTML in the notebooks' prose through (it is left out by default).")
    var unsafe = false

    @Option(help: ArgumentHelp("Notebooks to run at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Skip paths matching this gitignore-style glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @OptionGroup var cellLimits: CellLimitOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs expects a whole number of at least 1, got \(jobs).") }
        if out.isEmpty { throw ValidationError("--out expects a folder.") }
    }

    func run() throws {
        var options = RenderOptions(outputDirectory: out)
        options.format = format
        options.allowRawHTML = unsafe
        options.timeout = cellLimits.timeout
        options.limits = cellLimits.overrides
        options.excludes = exclude
        if let jobs { options.jobs = jobs }
        options.color = Terminal.colorAllowed(onTerminal: Terminal.standardErrorIsTerminal)
        throw ExitCode(ConsoleRender.perform(paths: paths, options: options))
    }
}

extension RenderOptions.Format: ExpressibleByArgument {}
