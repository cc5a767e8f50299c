import Foundation

/// What `litgrad render` (and `serve`) were asked to do.
public struct RenderOptions {
    public enum Format: String, CaseIterable, Sendable {
        /// A site: one page per notebook, `index.html`, assets.
        case html
        /// A rendered Markdown copy of each notebook, with its figures as SVG files.
        case md
    }

    /// The folder the site (or Markdown copies) is written to.
    public var outputDirectory: String
    public var format: Format = .html
    /// Pass raw HTML in the prose through (cmark's unsafe mode). Off by
    /// default: raw HTML is left out, so a notebook cannot put script on a page.
    public var allowRawHTML = false
    /// Command-line per-cell time limit, the last fallback after cell and front matter.
    public var timeout: Double?
    /// `--limit` settings; a notebook's front matter wins over them.
    public var limits = LimitOverrides()
    /// Notebooks run at the same time, each on its own thread with its own session.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// gitignore-style globs of paths to leave out when walking folders.
    public var excludes: [String] = []
    /// Makes the session of each notebook.
    public var makeRunner: CellRunnerFactory = CellRunners.interpreter
    /// Where KaTeX's files are; nil looks where Debian's `libjs-katex` puts them.
    public var katexDirectory: String?
    /// A script every page loads (the live-reload script of `serve`).
    public var extraScript: String?
    /// Colour in error messages.
    public var color = false

    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }
}
