import Foundation
import PyInterpreter

/// Runs one notebook: reads it, runs its cells in order in one session,
/// compares or writes outputs, and reports each cell.
struct NotebookRun {
    let path: String
    let options: RunOptions

    func execute() -> NotebookReport {
        let started = Date()
        var report = NotebookReport(path: path)
        defer { report.duration = Date().timeIntervalSince(started) }
        let document: NotebookDocument
        do {
            document = try NotebookDocument.parse(try NotebookFile.read(path), path: path)
        } catch {
            report.inputErrors = Self.diagnostics(for: error, path: path)
            return report
        }
        let updatedBytes: [UInt8]?
        (report, updatedBytes) = process(document)
        if let updatedBytes {
            do {
                try NotebookFile.write(updatedBytes, to: path)
            } catch {
                report.inputErrors += Self.diagnostics(for: error, path: path)
                report.updatedBlocks = 0
            }
        }
        return report
    }

    /// Runs the cells of `document`; in run mode also returns the notebook's
    /// new bytes when an output block changed (and no cell failed).
    func process(_ document: NotebookDocument) -> (NotebookReport, [UInt8]?) {
        var report = NotebookReport(path: path)
        report.warnings = document.warnings.map(\.description)
        var edits: [ByteEdit] = []
        var changedBlocks = 0
        var session: CellRunner? = nil
        let baseLimits = notebookLimits(document.frontMatter)
        for cell in document.cells {
            if cell.attributes.noRun {
                report.cells.append(CellReport(index: cell.index, line: cell.openingLine, status: .skipped))
                continue
            }
            options.progress?(.cellStarted(path: path, cell: cell.index + 1, cells: document.cells.count, line: cell.openingLine))
            var limits = baseLimits
            if let timeout = cell.attributes.timeout { limits.timeoutSeconds = timeout }
            let runner = session ?? options.makeRunner(path, baseLimits)
            if session == nil { prepare(runner, for: document) }
            session = runner

            let cellStarted = Date()
            let result = run(cell, on: runner, limits: limits)
            let editCount = edits.count
            var cellReport = evaluate(cell, result, in: document, edits: &edits)
            addFigures(of: cell, result, runner: runner, in: document, to: &cellReport)
            if edits.count > editCount { changedBlocks += 1 }
            cellReport.duration = Date().timeIntervalSince(cellStarted)
            report.warnings += result.warnings
            report.cells.append(cellReport)
        }
        guard options.mode == .run, report.failed == 0, !edits.isEmpty else { return (report, nil) }
        let updated = OutputBlockWriter.apply(edits, to: document.bytes)
        guard updated != document.bytes else { return (report, nil) }
        report.updatedBlocks = changedBlocks
        return (report, updated)
    }

    private static func diagnostics(for error: Error, path: String) -> [Diagnostic] {
        switch error {
        case let error as NotebookInputError: return error.diagnostics
        case let error as Diagnostic: return [error]
        default: return [Diagnostic(file: path, message: "\(error)")]
        }
    }

    /// Limits for every cell: defaults, then the command line, then the front matter.
    private func notebookLimits(_ frontMatter: FrontMatter) -> Limits {
        var limits = options.limits.overridden(by: frontMatter.limits).applied(to: .default)
        if let timeout = frontMatter.timeout ?? options.timeout { limits.timeoutSeconds = timeout }
        return limits
    }

    /// Judges one cell's result and, in run mode, queues the edit its output needs.
    private func evaluate(_ cell: Cell, _ result: CellResult, in document: NotebookDocument, edits: inout [ByteEdit]) -> CellReport {
        var report = CellReport(index: cell.index, line: cell.openingLine, status: .passed)
        var printed = result.output
        switch (result.error, cell.attributes.expectsError) {
        case (let error?, false):
            report.status = .failed
            // A cell with several syntax errors reports every one, in source order.
            report.findings = ([error] + result.additionalErrors).map { error in
                Finding(kind: .raised, line: error.location?.line ?? cell.source.firstLine,
                        column: error.location?.column ?? 1, message: error.summary,
                        details: ErrorQuote.details(for: error, in: document))
            }
            return report
        case (nil, true):
            report.status = .failed
            report.findings = [Finding(kind: .didNotRaise, line: cell.openingLine, column: 1,
                                       message: "the cell is marked 'error' but raised nothing")]
            return report
        case (let error?, true):
            if !printed.isEmpty && !printed.hasSuffix("\n") { printed += "\n" }
            printed += error.summary + "\n"
        case (nil, false):
            break
        }

        let fresh = OutputText.normalized(printed)
        report.output = fresh
        let comparison = OutputComparison(exact: options.exact,
                                          tolerance: cell.attributes.tolerance.over(document.frontMatter.tolerance).over(options.tolerance))
        switch (cell.output, fresh.isEmpty) {
        case (nil, true):
            break
        case (nil, false):
            if options.mode == .run {
                edits.append(OutputBlockWriter.insertion(of: fresh, after: cell, in: document))
            } else {
                report.status = .failed
                report.findings = [Finding(kind: .missingOutput, line: cell.closingLine, message: "missing output",
                                           details: diff(recorded: "", fresh: fresh, firstLine: cell.closingLine + 3,
                                                         comparison: comparison, document: document, blockLine: cell.closingLine))]
            }
        case (let block?, true):
            if options.mode == .run {
                edits.append(OutputBlockWriter.removal(of: block, after: cell))
            } else {
                report.status = .failed
                report.findings = [Finding(kind: .staleOutput, line: block.openingLine,
                                           message: "stale output: the cell printed nothing",
                                           details: diff(recorded: block.text, fresh: "", firstLine: block.openingLine + 1,
                                                         comparison: comparison, document: document, blockLine: block.openingLine))]
            }
        case (let block?, false):
            let matches = comparison.matches(recorded: block.text, fresh: fresh)
            if options.mode == .run {
                if !matches || (options.force && block.text != fresh) {
                    edits += OutputBlockWriter.replacement(of: block, with: fresh)
                }
            } else if !matches {
                report.status = .failed
                report.findings = [Finding(kind: .outputDiffers, line: block.openingLine, message: "output differs",
                                           details: diff(recorded: block.text, fresh: fresh, firstLine: block.openingLine + 1,
                                                         comparison: comparison, document: document, blockLine: block.openingLine))]
            }
        }
        return report
    }

    private func diff(recorded: String, fresh: String, firstLine: Int, comparison: OutputComparison,
                      document: NotebookDocument, blockLine: Int) -> String {
        UnifiedDiff.render(recorded: recorded, fresh: fresh, firstLine: firstLine,
                           oldLabel: "\(document.path):\(blockLine) (recorded)", newLabel: "this run",
                           comparison: comparison)
    }
}
