import XCTest
import PyInterpreter
@testable import Notebook

/// Figures on `CellReport` from real notebook runs: plots shown by cells and
/// `graph` cells, drawn only when `RunOptions.collectFigures` asks.
final class FiguresTests: XCTestCase {
    static let lesson = """
    # Backprop

    ```python graph
    import torch
    a = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(1.0, requires_grad=True)
    c = a + b
    d = b + 1
    e = c * d
    e.backward()
    print(a.grad, b.grad)
    ```

    ```output
    tensor(2.) tensor(5.)
    ```

    ```python
    import matplotlib.pyplot as plt
    losses = [1.0 / (epoch + 1) for epoch in range(5)]
    plt.plot(losses, label='train')
    plt.legend()
    plt.show()
    fig, axes = plt.subplots(1, 2)
    axes[1].hist([1, 2, 2, 3])
    print(len(losses))
    ```

    ```output
    5
    ```

    """

    func runNotebook(_ text: String, mode: RunOptions.Mode = .check, figures: Bool) throws -> (NotebookReport, String?) {
        try process(text, mode: mode) { options in
            options.makeRunner = CellRunners.interpreter
            options.collectFigures = figures
        }
    }

    func testFiguresOfPlotsAndGraphCells() throws {
        let (report, written) = try runNotebook(Self.lesson, figures: true)
        XCTAssertNil(written)
        XCTAssertEqual(report.cells.map(\.status), [.passed, .passed])

        // The graph cell: e = (a + b)(b + 1) after backward, drawn for e.
        let graph = report.cells[0].figures
        XCTAssertEqual(graph.count, 1)
        XCTAssertTrue(graph[0].hasPrefix("<svg class=\"graph\""))
        XCTAssertTrue(graph[0].contains("id=\"fig-0-graph\""))
        for label in [">a</text>", ">b</text>", ">e</text>", ">grad 2.</text>", ">grad 5.</text>", ">∂e/∂c = 2</text>"] {
            XCTAssertTrue(graph[0].contains(label), label)
        }

        // The plot cell: the figure shown by plt.show(), then the one left open.
        let plots = report.cells[1].figures
        XCTAssertEqual(plots.count, 2)
        XCTAssertTrue(plots[0].hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"fig-1-1\" class=\"plot\""))
        XCTAssertTrue(plots[0].contains(">train</text>"), "the legend entry")
        XCTAssertTrue(plots[1].contains("id=\"fig-1-2\""))
        XCTAssertTrue(plots[1].contains("id=\"fig-1-2-axes2\""), "two subplots")
    }

    func testFiguresAreTheSameEveryRun() throws {
        let first = try runNotebook(Self.lesson, figures: true).0.cells.map(\.figures)
        let second = try runNotebook(Self.lesson, figures: true).0.cells.map(\.figures)
        XCTAssertEqual(first.map(\.count), [1, 2])
        XCTAssertEqual(first, second)
    }

    func testFiguresNeverChangeOutputsAndAreOnlyDrawnWhenAsked() throws {
        let (checked, _) = try runNotebook(Self.lesson, figures: false)
        XCTAssertEqual(checked.cells.map(\.status), [.passed, .passed])
        XCTAssertEqual(checked.cells.map(\.figures), [[], []])
        let (drawn, _) = try runNotebook(Self.lesson, figures: true)
        XCTAssertEqual(drawn.cells.map(\.output), checked.cells.map(\.output))

        // `run` on a notebook without output blocks writes the printed text only.
        let bare = Self.lesson.replacingOccurrences(of: "```output\ntensor(2.) tensor(5.)\n```\n\n", with: "")
            .replacingOccurrences(of: "```output\n5\n```\n\n", with: "")
        for figures in [false, true] {
            let (_, written) = try runNotebook(bare, mode: .run, figures: figures)
            XCTAssertEqual(written, Self.lesson, "collectFigures: \(figures)")
        }
    }

    func testGraphCellWithoutItsTensorFailsAtTheAttribute() throws {
        let text = "Intro\n\n```python graph=loss\nloss = [1.0]\n```\n\n```py   graph\nx = 3\n```\n"
        for figures in [false, true] {
            let (report, _) = try runNotebook(text, figures: figures)
            XCTAssertEqual(report.cells.map(\.status), [.failed, .failed])
            let first = try XCTUnwrap(report.cells[0].findings.first)
            XCTAssertEqual(first.kind, .raised)
            XCTAssertEqual(first.line, 3)
            XCTAssertEqual(first.column, 11)
            XCTAssertEqual(first.message, "graph=loss: 'loss' is not a tensor (it is a list)")
            XCTAssertEqual(first.details, "    3 | ```python graph=loss\n      |           ^\n")
            let second = try XCTUnwrap(report.cells[1].findings.first)
            XCTAssertEqual(second.line, 7)
            XCTAssertEqual(second.column, 9)
            XCTAssertEqual(second.message, "graph: the cell has no tensor result to draw; name one with graph=NAME")
        }
    }

    func testGraphIsNotDrawnForCellsThatRaise() throws {
        let text = "```python graph error\nimport torch\nx = torch.ones(2, requires_grad=True)\ny = x.sum()\nraise ValueError('no')\n```\n\n```output\nValueError: no\n```\n"
        let (report, _) = try runNotebook(text, figures: true)
        XCTAssertEqual(report.cells.map(\.status), [.passed])
        XCTAssertEqual(report.cells[0].figures, [])
    }

    func testFakeRunnersHaveNoFigures() throws {
        let (report, _) = try process("```python graph\nprint(\"1\")\n```\n\n```output\n1\n```\n", mode: .check) { options in
            options.collectFigures = true
        }
        XCTAssertEqual(report.cells.map(\.status), [.passed])
        XCTAssertEqual(report.cells[0].figures, [])
    }

    func testWrappersForwardFiguresOrDrawNoGraph() throws {
        // A wrapper around the real session forwards everything: figures as without it.
        let (wrapped, _) = try process(Self.lesson, mode: .check) { options in
            options.makeRunner = { ForwardingRunner(inner: NotebookSession(fileName: $0, limits: $1)) }
            options.collectFigures = true
        }
        XCTAssertEqual(wrapped.cells.map(\.figures), try runNotebook(Self.lesson, figures: true).0.cells.map(\.figures))
        // Around a runner that draws nothing, a graph cell simply has no figure.
        let (plain, _) = try process("```python graph\nprint(\"1\")\n```\n\n```output\n1\n```\n", mode: .check) { options in
            options.makeRunner = { ForwardingRunner(inner: FakeCellRunner(fileName: $0, limits: $1)) }
            options.collectFigures = true
        }
        XCTAssertEqual(plain.cells.map(\.status), [.passed])
        XCTAssertEqual(plain.cells[0].figures, [])
    }
}

/// Stands between the run and another runner, as a recorder would.
private final class ForwardingRunner: FigureCellRunner {
    let inner: CellRunner
    init(inner: CellRunner) { self.inner = inner }

    func run(_ cell: CellSource, limits: Limits) -> CellResult { inner.run(cell, limits: limits) }

    var drawsComputationGraphs: Bool {
        get { (inner as? FigureCellRunner)?.drawsComputationGraphs ?? false }
        set { (inner as? FigureCellRunner)?.drawsComputationGraphs = newValue }
    }

    var figureRenderer: FigureRenderer? {
        get { (inner as? FigureCellRunner)?.figureRenderer }
        set { (inner as? FigureCellRunner)?.figureRenderer = newValue }
    }

    func run(_ cell: CellSource, limits: Limits, figureIdPrefix: String) -> CellResult {
        (inner as? FigureCellRunner)?.run(cell, limits: limits, figureIdPrefix: figureIdPrefix) ?? inner.run(cell, limits: limits)
    }

    func computationGraph(named name: String?, cellCode: String) throws -> GraphFigure? {
        try (inner as? FigureCellRunner)?.computationGraph(named: name, cellCode: cellCode)
    }
}
