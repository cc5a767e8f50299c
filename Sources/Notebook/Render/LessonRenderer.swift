/// Reads, runs and renders one notebook.
enum LessonRenderer {
    struct Outcome {
        var input: RenderInput
        /// The page's lesson (`--format html`).
        var lesson: Lesson?
        /// The Markdown copy (`--format md`).
        var export: MarkdownExport?
        /// Each problem as it is printed; the notebook is not written when there is one.
        var errors: [String] = []
        /// The notebook could not be read (exit 2) rather than a cell failing (exit 1).
        var isInputError = false
        var warnings: [String] = []
    }

    static func render(_ input: RenderInput, options: RenderOptions) -> Outcome {
        var outcome = Outcome(input: input)
        let document: NotebookDocument
        let lang: String
        do {
            document = try NotebookDocument.parse(try NotebookFile.read(input.sourcePath), path: input.sourcePath)
            lang = try LessonLanguage.language(of: document, relativePath: input.relativePath)
        } catch {
            outcome.errors = describe(error, path: input.sourcePath)
            outcome.isInputError = true
            return outcome
        }
        let execution = LessonExecution.execute(document, options: options)
        outcome.warnings = execution.warnings
        guard execution.failures.isEmpty else {
            outcome.errors = execution.failures
            return outcome
        }
        switch options.format {
        case .md:
            do {
                outcome.export = try MarkdownExport.make(document, cells: execution.cells, updatedBytes: execution.updatedBytes,
                                                         relativePath: input.relativePath)
            } catch {
                outcome.errors = describe(error, path: input.sourcePath)
            }
        case .html:
            let body = LessonBody.render(document, cells: execution.cells, allowRawHTML: options.allowRawHTML)
            outcome.lesson = Lesson(
                sourcePath: input.sourcePath, relativePath: input.relativePath,
                title: Lesson.title(frontMatter: document.frontMatter, headings: body.headings, relativePath: input.relativePath),
                summary: document.frontMatter.summary?.trimmingSpaces(), lang: lang, body: body,
                sourceBytes: document.bytes)
        }
        return outcome
    }

    static func describe(_ error: Error, path: String) -> [String] {
        switch error {
        case let error as NotebookInputError: return error.diagnostics.map(\.description)
        case let error as Diagnostic: return [error.description]
        default: return [Diagnostic(file: path, message: "\(error)").description]
        }
    }
}
