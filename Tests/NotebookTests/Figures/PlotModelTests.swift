import XCTest
@testable import PyInterpreter

/// The pyplot model: argument semantics, colours, histograms and limits,
/// with expectations taken from matplotlib 3.11 and numpy 2.4.
final class PlotModelTests: XCTestCase {
    func numbers(_ v: [Double]) -> PlotArgument { .data(.numbers(v)) }

    func testFormatStringsParseAsMatplotlib() throws {
        let dashedRed = try FormatString.parse("r--")
        XCTAssertEqual(dashedRed, FormatString(color: PlotColor(red: 1, green: 0, blue: 0), marker: nil, lineStyle: .dashed))
        XCTAssertEqual(try FormatString.parse("o-"), FormatString(color: nil, marker: .circle, lineStyle: .solid))
        XCTAssertEqual(try FormatString.parse("b."), FormatString(color: PlotColor(red: 0, green: 0, blue: 1), marker: .point, lineStyle: .none))
        XCTAssertEqual(try FormatString.parse("--r").lineStyle, .dashed)
        XCTAssertEqual(try FormatString.parse("C1:"), FormatString(color: PlotColor.tab10[1], marker: nil, lineStyle: .dotted))
        XCTAssertEqual(try FormatString.parse("1"), FormatString(color: nil, marker: .triDown, lineStyle: .none))
        XCTAssertEqual(try FormatString.parse("tab:red").color, PlotColor.tab10[3])
        XCTAssertEqual(try FormatString.parse("s--C3"), FormatString(color: PlotColor.tab10[3], marker: .square, lineStyle: .dashed))
        XCTAssertEqual(try FormatString.parse("--.").marker, .point)
        XCTAssertThrowsError(try FormatString.parse("r-g")) { error in
            XCTAssertEqual(error as? PlotError, .value("'r-g' is not a valid format string (two color symbols)"))
        }
        XCTAssertThrowsError(try FormatString.parse("foo")) { error in
            XCTAssertEqual(error as? PlotError, .value("'foo' is not a valid format string (unrecognized character 'f')"))
        }
        XCTAssertThrowsError(try FormatString.parse("C")) { error in
            XCTAssertEqual(error as? PlotError, .value("'C' is not a valid format string ('C' must be followed by a number)"))
        }
    }

    func testColoursParseAsToRGBA() throws {
        XCTAssertEqual(try PlotColor.parse("red"), PlotColor(red: 1, green: 0, blue: 0))
        XCTAssertEqual(try PlotColor.parse("C12"), PlotColor.tab10[2])
        XCTAssertEqual(try PlotColor.parse("tab:grey"), PlotColor.tab10[7])
        XCTAssertEqual(try PlotColor.parse("#ff000080").alpha, 128.0 / 255)
        XCTAssertEqual(try PlotColor.parse("#abc"), try PlotColor.parse("#aabbcc"))
        XCTAssertEqual(try PlotColor.parse("0.5"), PlotColor(red: 0.5, green: 0.5, blue: 0.5))
        XCTAssertEqual(try PlotColor.parse("DarkOrange"), try PlotColor.parse("darkorange"))
        XCTAssertEqual(try PlotColor.parse("none").alpha, 0)
        XCTAssertThrowsError(try PlotColor.parse("reddish")) { error in
            XCTAssertEqual(error as? PlotError, .value("Invalid RGBA argument: 'reddish'"))
        }
        XCTAssertThrowsError(try PlotColor.parse("1.5"))
        XCTAssertThrowsError(try PlotColor.fromComponents([1, 0]))
    }

    func testPlotArgumentGroupsAndColourCycle() throws {
        let ax = PlotAxes(slot: GridSlot(rows: 1, columns: 1, row: 0, column: 0))
        let lines = try ax.plot([numbers([1, 2]), numbers([3, 4]), .format("r"), numbers([5, 6, 7])])
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0].x, [1, 2])
        XCTAssertEqual(lines[0].color, PlotColor(red: 1, green: 0, blue: 0))
        XCTAssertEqual(lines[1].x, [0, 1, 2])            // y alone: x = 0…n−1
        XCTAssertEqual(lines[1].color, PlotColor.tab10[0]) // 'r' did not advance the cycle
        let next = try ax.plot([numbers([1])])
        XCTAssertEqual(next[0].color, PlotColor.tab10[1])
        // bar and scatter have their own cycle; hist shares the lines' one.
        try ax.bar(x: .numbers([0]), heights: [1])
        guard case .bars(let bars) = ax.artists.last else { return XCTFail("no bars") }
        XCTAssertEqual(bars.colors, [PlotColor.tab10[0]])
        try ax.hist([1, 2, 3])
        guard case .bars(let hist) = ax.artists.last else { return XCTFail("no histogram") }
        XCTAssertEqual(hist.colors.first, PlotColor.tab10[2])
        XCTAssertThrowsError(try ax.plot([numbers([1, 2]), numbers([1, 2, 3])])) { error in
            XCTAssertEqual(error as? PlotError, .value("x and y must have same first dimension, but have shapes (2,) and (3,)"))
        }
    }

    func testKeywordOptionsWinOverTheFormatString() throws {
        let ax = PlotAxes(slot: GridSlot(rows: 1, columns: 1, row: 0, column: 0))
        var options = LineOptions()
        options.color = PlotColor.tab10[4]
        options.lineStyle = .dotted
        let line = try ax.plot([numbers([1, 2]), .format("r--")], options: options)[0]
        XCTAssertEqual(line.color, PlotColor.tab10[4])
        XCTAssertEqual(line.lineStyle, .dotted)
    }

    func testHistogramsCountAsNumpy() throws {
        func check(_ values: [Double], _ bins: Histogram.Bins, range: (Double, Double)? = nil,
                   counts: [Double], edges: [Double]? = nil, line: UInt = #line) throws {
            let h = try Histogram.compute(values, bins: bins, range: range)
            XCTAssertEqual(h.counts, counts, line: line)
            if let edges { XCTAssertEqual(h.edges, edges, line: line) }
        }
        try check([1, 2, 2, 3, 3, 3, 4], .count(4), counts: [1, 2, 3, 1], edges: [1, 1.75, 2.5, 3.25, 4])
        try check((0...10).map { Double($0) / 10 }, .count(5), counts: [2, 2, 3, 1, 3],
                  edges: [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        try check([0.1 * 3, 0.7, 1.0 / 3, 2.0 / 3, 1, 0], .count(3), counts: [2, 1, 3])
        try check([2.5, 2.5], .count(10), counts: [0, 0, 0, 0, 0, 2, 0, 0, 0, 0])
        try check([-1, 0, 0.5, 1, 2, 3], .count(4), range: (0, 2), counts: [1, 1, 1, 1])
        try check((0..<30).map { 0.1 * Double($0 * $0) }, .count(7), counts: [11, 5, 3, 3, 3, 2, 3],
                  edges: [0, 12.014285714285716, 24.028571428571432, 36.042857142857144, 48.057142857142864,
                          60.071428571428584, 72.08571428571429, 84.10000000000001])
        try check([0, 1, 1, 2, 5, 6], .edges([0, 1, 1, 4, 6]), counts: [1, 0, 3, 2])
        try check([.nan, 1, 2], .count(2), counts: [1, 1])
        let density = try Histogram.compute([1, 2, 2, 3], bins: .count(3), density: true)
        XCTAssertEqual(density.counts, [0.3750000000000001, 0.7500000000000002, 0.37499999999999983])
        XCTAssertThrowsError(try Histogram.compute([1], bins: .count(0)))
        XCTAssertThrowsError(try Histogram.compute([1], bins: .edges([2, 1])))
    }

    func testAutoscaledLimitsMatchMatplotlib() throws {
        func limits(_ build: (PlotAxes) throws -> Void) rethrows -> [Double] {
            let ax = PlotAxes(slot: GridSlot(rows: 1, columns: 1, row: 0, column: 0))
            try build(ax)
            return [ax.xLimits().lower, ax.xLimits().upper, ax.yLimits().lower, ax.yLimits().upper]
        }
        func close(_ a: [Double], _ b: [Double], line: UInt = #line) {
            XCTAssertEqual(a.count, b.count, line: line)
            for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-12 * max(1, abs(y)), line: line) }
        }
        close(try limits { try $0.plot([numbers([0, 1, 2, 3]), numbers([3, 1, 4, 1])]) }, [-0.15, 3.15, 0.85, 4.15])
        close(try limits { try $0.plot([numbers([5]), numbers([5]), .format("o")]) }, [4.725, 5.275, 4.725, 5.275])
        close(try limits { try $0.bar(x: .numbers([1, 2, 3]), heights: [4, -2, 3]) }, [0.46, 3.54, -2.3, 4.3])
        close(try limits { try $0.hist([1, 2, 2, 3, 3, 3, 4], options: { var o = HistogramOptions(); o.bins = .count(4); return o }()) },
              [0.85, 4.15, 0, 3.15])
        close(try limits { try $0.scatter(x: .numbers([0.5, 2]), y: .numbers([10, 20])) }, [0.425, 2.075, 9.5, 20.5])
        close(try limits { try $0.plot([numbers([1, 2, 3]), numbers([0.01, 1, 1000])]); try $0.setYScale("log") },
              [0.9, 3.1, 0.005623413251903487, 1778.2794100389244])
        close(try limits { try $0.bar(x: .numbers([0, 1]), heights: [10, 100]); try $0.setYScale("log") },
              [-0.49, 1.49, 8.912509381337458, 112.20184543019634])
        close(try limits { try $0.plot([numbers([0, 0, 0])]) }, [-0.1, 2.1, -0.055, 0.055])
        close(limits { _ in }, [0, 1, 0, 1])
    }

    func testExplicitLimitsAndScales() throws {
        let ax = PlotAxes(slot: GridSlot(rows: 1, columns: 1, row: 0, column: 0))
        try ax.plot([numbers([0, 10]), numbers([0, 10])])
        XCTAssertEqual(try ax.setXLimits(lower: nil, upper: 5), AxisRange(-0.5, 5))
        try ax.plot([numbers([100]), numbers([100])])
        XCTAssertEqual(ax.xLimits(), AxisRange(-0.5, 5))   // autoscaling stopped
        XCTAssertThrowsError(try ax.setYScale("logarithmic")) { error in
            XCTAssertEqual(error as? PlotError, .value("'logarithmic' is not a valid value for scale; supported values are 'asinh', 'function', 'functionlog', 'linear', 'log', 'logit', 'mercator', 'symlog'"))
        }
        XCTAssertThrowsError(try ax.setXLimits(lower: .nan, upper: 1))
    }

    func testSessionFollowsPyplot() throws {
        let plt = PlotSession()
        XCTAssertTrue(plt.show().isEmpty)
        let first = plt.gca()
        XCTAssertTrue(first === plt.gca())
        let (figure, grid) = try plt.subplots(rows: 2, columns: 3, width: 9, height: 4)
        XCTAssertEqual(grid.count, 2)
        XCTAssertEqual(grid[1].count, 3)
        XCTAssertTrue(plt.gca() === grid[1][2])   // the last one created, as in matplotlib
        XCTAssertTrue(try plt.subplot(rows: 2, columns: 3, index: 6) === grid[1][2])
        XCTAssertTrue(plt.gca() === grid[1][2])
        XCTAssertThrowsError(try plt.subplot(rows: 2, columns: 3, index: 7)) { error in
            XCTAssertEqual(error as? PlotError, .value("num must be an integer with 1 <= num <= 6, not 7"))
        }
        try plt.figure()   // no Axes: not shown
        let shown = plt.show()
        XCTAssertEqual(shown.map(\.number), [1, 2])
        XCTAssertTrue(shown[1] === figure)
        XCTAssertTrue(plt.openFigures.isEmpty)
        XCTAssertThrowsError(try plt.figure(width: -1, height: 2))
        XCTAssertThrowsError(try plt.figure(width: 1000, height: 2))
    }

    func testLegendOrderAndLabels() throws {
        let ax = PlotAxes(slot: GridSlot(rows: 1, columns: 1, row: 0, column: 0))
        try ax.bar(x: .categories(["a", "b"]), heights: [1, 2])
        try ax.plot([numbers([0, 1])])
        try ax.scatter(x: .numbers([0]), y: .numbers([1]))
        // Bar containers come after lines and collections, as in matplotlib.
        XCTAssertTrue(ax.showLegend(labels: ["line", "dots", "bars"]))
        XCTAssertEqual(ax.legendEntries().map(\.label), ["line", "dots", "bars"])
        XCTAssertEqual(ax.xAxis.categories, ["a", "b"])
        let empty = PlotAxes(slot: GridSlot(rows: 1, columns: 1, row: 0, column: 0))
        try empty.plot([numbers([1])])
        XCTAssertFalse(empty.showLegend())
    }

    func testGridToggles() throws {
        let ax = PlotAxes(slot: GridSlot(rows: 1, columns: 1, row: 0, column: 0))
        try ax.grid(nil)
        XCTAssertNotNil(ax.xAxis.grid)
        try ax.grid(nil, axis: "y")
        XCTAssertNil(ax.yAxis.grid)
        XCTAssertNotNil(ax.xAxis.grid)
        try ax.grid(false)
        XCTAssertNil(ax.xAxis.grid)
        XCTAssertThrowsError(try ax.grid(true, axis: "z"))
    }
}
