import XCTest
@testable import PyInterpreter

/// How figures reach `CellResult.figures`: `plt.show()` draws the open
/// figures at once; figures still open when a cell ends are shown then.
final class FigureCollectionTests: PlottingTestCase {
    func testFiguresOpenAtTheEndOfACellAreShownImplicitly() {
        let first = run("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2, 3])
        """)
        XCTAssertEqual(first.figures.map(\.kind), [.plot])
        XCTAssertTrue(first.figures[0].svg.hasPrefix("figure fig-0-1 6.4x4.8"))
        // Shown figures are closed: the next cell starts with nothing open.
        let second = run("print(len(plt.gcf().axes))")
        XCTAssertEqual(second.output, "0\n")
        XCTAssertEqual(second.figures.count, 0, "a figure without Axes shows nothing")
    }

    func testShowDrawsTheFiguresAsTheyAreThen() {
        let r = run("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.plot([1, 2])
        plt.show()
        ax.set_title('after show')
        ax.plot([3, 4])
        plt.figure()
        plt.scatter([1], [1])
        """)
        XCTAssertNil(r.error)
        // The first figure as shown; changing it afterwards does not show it again.
        XCTAssertEqual(r.figures.map(\.svg), ["""
        figure fig-0-1 6.4x4.8
          axes 0,0 of 1x1
            line - #1f77b4 -  x=[0.0, 1.0] y=[1.0, 2.0]
        """, """
        figure fig-0-2 6.4x4.8
          axes 0,0 of 1x1
            scatter - n=1 colors=["#1f77b4"]
        """])
    }

    func testEveryCellEndsWithAllFiguresClosed() {
        // As Jupyter's inline backend: a figure made in one cell is not the
        // current figure of the next, even if it was never shown.
        run("""
        import matplotlib.pyplot as plt
        fig = plt.figure(figsize=(4, 3))
        """)
        let r = run("""
        plt.plot([1, 2])
        print(plt.gcf() is fig, fig.number, plt.gcf().number)
        """)
        XCTAssertEqual(r.output, "False 1 1\n")   // numbers of closed figures are reused
        XCTAssertEqual(r.figures.count, 1)
        XCTAssertTrue(r.figures[0].svg.hasPrefix("figure fig-1-1 6.4x4.8"))
    }

    func testIdPrefixesComeFromTheCaller() {
        let r = session.run(CellSource(code: "import matplotlib.pyplot as plt\nplt.plot([1])\nplt.show()\nplt.plot([2])", firstLine: 1),
                            figureIdPrefix: "fig-7")
        XCTAssertEqual(renderer.plots.map(\.idPrefix), ["fig-7-1", "fig-7-2"])
        XCTAssertEqual(r.figures.count, 2)
    }

    func testWithoutARendererFiguresAreDropped() {
        session.figureRenderer = nil
        let r = run("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        plt.show()
        plt.plot([3])
        """)
        XCTAssertNil(r.error)
        XCTAssertTrue(r.figures.isEmpty)
        XCTAssertTrue(session.figures.plots.openFigures.isEmpty, "shown figures are closed even when not drawn")
    }

    func testFiguresShownBeforeAnErrorAreKept() {
        let r = run("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        plt.show()
        plt.plot([1], [1, 2])
        """)
        XCTAssertEqual(r.error?.summary, "ValueError: x and y must have same first dimension, but have shapes (1,) and (2,)")
        // The failed call had already made a figure with empty Axes, which is shown too (as in Jupyter).
        XCTAssertEqual(r.figures.count, 2)
    }

    func testSessionsHaveTheirOwnFigures() {
        run("import matplotlib.pyplot as plt\nfig = plt.figure()")
        let other = NotebookSession(fileName: "other.md")
        let otherRenderer = RecordingFigureRenderer()
        other.figureRenderer = otherRenderer
        let r = other.run(CellSource(code: "import matplotlib.pyplot as plt\nprint(plt.gcf().number)", firstLine: 1))
        XCTAssertEqual(r.output, "1\n")
    }
}
