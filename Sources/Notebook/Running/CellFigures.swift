import PyInterpreter

/// The figures of each cell: plots the cell showed (drawn by the session as
/// they were shown) and, for `graph` cells, the computation graph. A graph
/// cell whose tensor cannot be found fails, whether or not figures are drawn.
extension NotebookRun {
    /// Ids inside a cell's figures start with this, unique in the notebook.
    static func figureIdPrefix(_ cell: Cell) -> String { "fig-\(cell.index)" }

    /// Gives a new session the SVG renderer when figures are wanted.
    func prepare(_ runner: CellRunner, for document: NotebookDocument) {
        guard options.collectFigures, let drawing = runner as? FigureCellRunner else { return }
        if drawing.figureRenderer == nil { drawing.figureRenderer = SVGFigureRenderer() }
        if document.cells.contains(where: { $0.attributes.graph != nil }) { drawing.drawsComputationGraphs = true }
    }

    func run(_ cell: Cell, on runner: CellRunner, limits: Limits) -> CellResult {
        guard let drawing = runner as? FigureCellRunner else { return runner.run(cell.source, limits: limits) }
        return drawing.run(cell.source, limits: limits, figureIdPrefix: Self.figureIdPrefix(cell))
    }

    /// Adds the cell's figures to its report; a graph that cannot be drawn is a finding.
    func addFigures(of cell: Cell, _ result: CellResult, runner: CellRunner, in document: NotebookDocument,
                    to report: inout CellReport) {
        if options.collectFigures { report.figures = result.figures.map(\.svg) }
        guard let target = cell.attributes.graph, result.error == nil, let drawing = runner as? FigureCellRunner else { return }
        do {
            guard let figure = try drawing.computationGraph(named: target, cellCode: cell.source.code) else { return }
            if options.collectFigures {
                report.figures.append(try GraphSVGRenderer.render(figure, idPrefix: Self.figureIdPrefix(cell) + "-graph"))
            }
        } catch {
            let message = (error as? GraphTargetError)?.message ?? "graph: the figure could not be drawn: \(error)"
            let line = cell.openingLine
            let source = document.line(line) ?? ""
            let column = Self.column(of: "graph", in: source)
            report.status = .failed
            report.findings.append(Finding(kind: .raised, line: line, column: column, message: message,
                                           details: ErrorQuote.quote(source, line: line, column: column)))
        }
    }

    /// 1-based column (in Unicode scalars) of `word` in `line`, 1 if absent.
    static func column(of word: String, in line: String) -> Int {
        guard let range = line.range(of: word) else { return 1 }
        return line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
    }
}
