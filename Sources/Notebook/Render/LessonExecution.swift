import PyInterpreter

/// Runs a notebook's cells for its page, exactly as `litgrad run` would
/// (one session, the same limits and `error` rules) but writing nothing,
/// and keeps what each cell printed and drew.
enum LessonExecution {
    struct Outcome {
        var cells: [RenderedCell]
        /// The notebook with fresh outputs (for `--format md`).
        var updatedBytes: [UInt8]
        var warnings: [String]
        /// A cell raised (not marked `error`), or an `error` cell did not:
        /// each finding printed as `run` prints it.
        var failures: [String]
    }

    static func execute(_ document: NotebookDocument, options: RenderOptions) -> Outcome {
        guard !document.cells.isEmpty else {
            return Outcome(cells: [], updatedBytes: document.bytes, warnings: document.warnings.map(\.description), failures: [])
        }
        let session = SessionBox()
        var runOptions = RunOptions(mode: .run)
        runOptions.force = true
        runOptions.timeout = options.timeout
        runOptions.limits = options.limits
        runOptions.collectFigures = true
        let makeRunner = options.makeRunner
        runOptions.makeRunner = { fileName, limits in
            let recorder = ResultRecorder(inner: makeRunner(fileName, limits))
            session.recorder = recorder
            return recorder
        }
        let (report, updated) = NotebookRun(path: document.path, options: runOptions).process(document)

        let paint = Paint(enabled: options.color)
        var failures: [String] = []
        for cellReport in report.cells {
            for finding in cellReport.findings where finding.isError {
                failures.append(TextReport.render(finding, path: document.path, paint: paint))
            }
        }
        // The run report holds each cell's figures: the plots it showed, then its graph.
        let figures = Dictionary(report.cells.map { ($0.index, $0.figures) }, uniquingKeysWith: { first, _ in first })
        var cells: [RenderedCell] = []
        for cell in document.cells {
            guard !cell.attributes.noRun else {
                cells.append(RenderedCell(cell: cell, ran: false, output: cell.output?.text ?? ""))
                continue
            }
            // Every cell that is not `norun` ran, so its result is there.
            let result = session.recorder?.results[cell.source.firstLine] ?? CellResult(output: "")
            let errorSummary = cell.attributes.expectsError ? result.error?.summary : nil
            cells.append(RenderedCell(cell: cell, ran: true, output: OutputText.normalized(result.output),
                                      errorSummary: errorSummary, figures: figures[cell.index] ?? []))
        }
        return Outcome(cells: cells, updatedBytes: updated ?? document.bytes, warnings: report.warnings, failures: failures)
    }
}

/// Stands between the notebook run and the real session to keep every
/// cell's full result, keyed by the cell's first line, while passing figure
/// drawing and graph requests through to the session.
private final class ResultRecorder: FigureCellRunner {
    private let inner: CellRunner
    private(set) var results: [Int: CellResult] = [:]

    init(inner: CellRunner) {
        self.inner = inner
    }

    func run(_ cell: CellSource, limits: Limits) -> CellResult {
        record(cell, inner.run(cell, limits: limits))
    }

    var drawsComputationGraphs: Bool {
        get { (inner as? FigureCellRunner)?.drawsComputationGraphs ?? false }
        set { (inner as? FigureCellRunner)?.drawsComputationGraphs = newValue }
    }

    var figureRenderer: FigureRenderer? {
        get { (inner as? FigureCellRunner)?.figureRenderer }
        set { (inner as? FigureCellRunner)?.figureRenderer = newValue }
    }

    func run(_ cell: CellSource, limits: Limits, figureIdPrefix: String) -> CellResult {
        guard let figureRunner = inner as? FigureCellRunner else { return run(cell, limits: limits) }
        return record(cell, figureRunner.run(cell, limits: limits, figureIdPrefix: figureIdPrefix))
    }

    func computationGraph(named name: String?, cellCode: String) throws -> GraphFigure? {
        try (inner as? FigureCellRunner)?.computationGraph(named: name, cellCode: cellCode)
    }

    private func record(_ cell: CellSource, _ result: CellResult) -> CellResult {
        results[cell.firstLine] = result
        return result
    }
}

/// The one session a notebook run makes (it makes it on its first cell).
private final class SessionBox {
    var recorder: ResultRecorder?
}
