/// Builds a site and keeps its lessons, so `serve` can re-render one
/// notebook and rewrite only the pages that change.
final class SiteBuilder {
    let options: RenderOptions
    private let files: SiteFiles
    /// Lessons in index order.
    private(set) var lessons: [Lesson] = []
    private var assetsWritten = false

    init(options: RenderOptions) {
        self.options = options
        files = SiteFiles(root: options.outputDirectory)
    }

    /// Renders `inputs` (in parallel) and replaces those lessons, keeping the
    /// others; lessons not in `keeping` are dropped (deleted notebooks).
    func render(_ inputs: [RenderInput], keeping: [RenderInput]) -> [LessonRenderer.Outcome] {
        let options = options
        let outcomes = ParallelWork.map(inputs, jobs: options.jobs, size: { ParallelWork.fileSize($0.sourcePath) }) {
            LessonRenderer.render($0, options: options)
        }
        var byPath = Dictionary(lessons.map { ($0.relativePath, $0) }, uniquingKeysWith: { a, _ in a })
        for outcome in outcomes {
            if let lesson = outcome.lesson { byPath[lesson.relativePath] = lesson }
        }
        lessons = RenderInputs.sorted(keeping).compactMap { byPath[$0.relativePath] }
        return outcomes
    }

    /// Writes every page, the index, the sources and (once) the assets;
    /// returns the files that changed, relative to the output folder.
    func writeSite() throws -> [String] {
        var changed: [String] = []
        func write(_ bytes: [UInt8], _ path: String) throws {
            if try files.write(bytes, to: path) { changed.append(path) }
        }
        if !assetsWritten {
            let katex = try KaTeXFiles.locate(options.katexDirectory)
            for file in try KaTeXFiles.files(in: katex) where try files.copy(file.source, to: file.destination) {
                changed.append(file.destination)
            }
            try write(Array(SiteStyle.css.utf8), SitePaths.stylesheet)
            try write(Array(SiteScript.javaScript.utf8), SitePaths.script)
            assetsWritten = true
        }
        for (position, lesson) in lessons.enumerated() {
            let folder = SitePaths.folder(of: lesson.relativePath)
            func neighbour(_ index: Int) -> PageTemplate.Neighbour? {
                guard lessons.indices.contains(index), SitePaths.folder(of: lessons[index].relativePath) == folder else { return nil }
                return PageTemplate.Neighbour(title: lessons[index].title, pagePath: lessons[index].pagePath)
            }
            try write(PageTemplate.render(lesson, previous: neighbour(position - 1), next: neighbour(position + 1),
                                          extraScript: options.extraScript, restrictScripts: !options.allowRawHTML),
                      lesson.pagePath)
            try write(lesson.sourceBytes, lesson.relativePath)
        }
        try write(IndexPage.render(lessons, extraScript: options.extraScript, restrictScripts: !options.allowRawHTML),
                  SitePaths.index)
        return changed
    }

    /// `--format md`: each notebook's Markdown copy and figure files.
    func writeExports(_ outcomes: [LessonRenderer.Outcome]) throws -> [String] {
        var changed: [String] = []
        for outcome in outcomes {
            guard let export = outcome.export else { continue }
            if try files.write(export.markdown, to: outcome.input.relativePath) { changed.append(outcome.input.relativePath) }
            for figure in export.figures where try files.write(Array(figure.svg.utf8), to: figure.path) {
                changed.append(figure.path)
            }
        }
        return changed
    }
}
