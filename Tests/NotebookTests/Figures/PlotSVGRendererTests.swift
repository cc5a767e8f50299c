import XCTest
@testable import Notebook
import PyInterpreter

final class PlotSVGRendererTests: XCTestCase {
    /// The loss curve of a training loop: 2.3 / (1 + 0.1·i) for 100 steps,
    /// with a dashed validation curve, labels, legend and grid.
    func lossFigure() throws -> PlotFigure {
        let plt = PlotSession()
        try plt.figure()
        let losses = (0..<100).map { 2.3 / (1 + 0.1 * Double($0)) }
        let ax = plt.gca()
        var train = LineOptions()
        train.label = "train loss"
        try ax.plot([.data(.numbers(losses))], options: train)
        var val = LineOptions()
        val.label = "val loss"
        try ax.plot([.data(.numbers(losses.map { $0 * 1.1 })), .format("--")], options: val)
        ax.setXLabel("epoch")
        ax.setYLabel("loss")
        ax.setTitle("Training")
        ax.showLegend()
        try ax.grid(true)
        return try XCTUnwrap(plt.show().first)
    }

    func testLossCurve() throws {
        let svg = PlotSVGRenderer.render(try lossFigure(), idPrefix: "fig1")
        if let path = ProcessInfo.processInfo.environment["LITGRAD_FIGURE_DUMP"] {
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
        }
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"fig1\""))
        XCTAssertEqual(svg, PlotSVGRenderer.render(try lossFigure(), idPrefix: "fig1"))
    }
}

extension PlotSVGRendererTests {
    /// With LITGRAD_FIGURE_DUMP_DIR set, writes every gallery figure there
    /// (for looking at them next to matplotlib's); otherwise checks only
    /// that rendering is repeatable.
    func testGalleryRendersRepeatably() throws {
        let figures: [(String, () throws -> PlotFigure)] = [
            ("scatter", PlotGallery.scatterAndBars), ("hist", PlotGallery.histogram),
            ("grid", PlotGallery.subplotGrid), ("offsets", PlotGallery.offsets), ("styles", PlotGallery.styles),
        ]
        for (name, make) in figures {
            let svg = PlotSVGRenderer.render(try make(), idPrefix: name)
            XCTAssertEqual(svg, PlotSVGRenderer.render(try make(), idPrefix: name), name)
            if let dir = ProcessInfo.processInfo.environment["LITGRAD_FIGURE_DUMP_DIR"] {
                try svg.write(toFile: "\(dir)/g_\(name).svg", atomically: true, encoding: .utf8)
            }
        }
    }
}

extension PlotSVGRendererTests {
    /// Positions matplotlib 3.11 gives the same figure (its SVG, rounded to
    /// hundredths of a point): tick labels, axis labels, title, legend frame.
    func testLossCurveLayoutMatchesMatplotlib() throws {
        let svg = PlotSVGRenderer.render(try lossFigure(), idPrefix: "fig1")
        for fragment in [
            "<text x=\"73.83\" y=\"322.18\" font-size=\"10\" fill=\"currentColor\" text-anchor=\"middle\">0</text>",
            "<text x=\"401.77\" y=\"322.18\" font-size=\"10\" fill=\"currentColor\" text-anchor=\"middle\">100</text>",
            "<text x=\"50.6\" y=\"269.14\" font-size=\"10\" fill=\"currentColor\" text-anchor=\"end\">0.5</text>",
            "<text x=\"50.6\" y=\"60.5\" font-size=\"10\" fill=\"currentColor\" text-anchor=\"end\">2.5</text>",
            "<text x=\"236.16\" y=\"336.18\" font-size=\"10\" fill=\"currentColor\" text-anchor=\"middle\" class=\"xlabel\">epoch</text>",
            "x=\"28.29\" y=\"174.53\"",
            "<text x=\"236.16\" y=\"35.47\" font-size=\"12\" fill=\"currentColor\" text-anchor=\"middle\" class=\"title\">Training</text>",
            "<rect x=\"327.95\" y=\"46.47\" width=\"81.77\" height=\"33\" rx=\"2\" class=\"legend-frame\"",
            "<text x=\"359.95\" y=\"58.07\" font-size=\"10\" fill=\"currentColor\">train loss</text>",
            "<text x=\"359.95\" y=\"73.07\" font-size=\"10\" fill=\"currentColor\">val loss</text>",
            "stroke-dasharray=\"5.55,2.4\"",
            "width=\"640\" height=\"480\" viewBox=\"0 0 460.8 345.6\"",
        ] {
            XCTAssertTrue(svg.contains(fragment), "missing \(fragment)")
        }
    }

    func legendOrigin(_ build: (PlotAxes) throws -> Void) throws -> String? {
        let plt = PlotSession()
        try build(plt.gca())
        plt.gca().showLegend()
        let svg = PlotSVGRenderer.render(plt.gcf(), idPrefix: "f")
        guard let range = svg.range(of: "class=\"legend-frame\"") else { return nil }
        let before = svg[..<range.lowerBound]
        guard let start = before.range(of: "<rect ", options: .backwards) else { return nil }
        return String(svg[start.upperBound..<range.lowerBound]).components(separatedBy: " width")[0]
    }

    /// `loc='best'` picks the place matplotlib picks (frame corners from its SVG output).
    func testBestLegendLocationMatchesMatplotlib() throws {
        let rising = (0...10).map(Double.init)
        var label = LineOptions()
        label.label = "rising"
        XCTAssertEqual(try legendOrigin { try $0.plot([.data(.numbers(rising)), .data(.numbers(rising))], options: label) },
                       "x=\"62.6\" y=\"46.47\"")
        XCTAssertEqual(try legendOrigin { ax in
            var falling = LineOptions()
            falling.label = "falling"
            try ax.plot([.data(.numbers(rising)), .data(.numbers(rising.reversed()))], options: falling)
            try ax.plot([.data(.numbers(rising)), .data(.numbers(rising))], options: label)
        }, "x=\"343.05\" y=\"158.03\"")
        XCTAssertEqual(try legendOrigin { ax in
            var options = ScatterOptions()
            options.label = "grid of points"
            try ax.scatter(x: .numbers((0..<30).map { Double($0 % 5) }), y: .numbers((0..<30).map { Double($0 / 5) }),
                           options: options)
        }, "x=\"307.43\" y=\"165.53\"")
    }

    func testUserTextIsEscapedAndIdsArePrefixed() throws {
        let plt = PlotSession()
        let ax = plt.gca()
        var options = LineOptions()
        options.label = "<script>alert('x')</script>"
        try ax.plot([.data(.categories(["a&b", "<i>"])), .data(.numbers([1, 2]))], options: options)
        ax.setTitle("\"quoted\" & <b>bold</b>")
        ax.setXLabel("x\u{0}y")
        ax.showLegend()
        plt.gcf().suptitle = "</svg>"
        let svg = PlotSVGRenderer.render(plt.gcf(), idPrefix: "cell 3<x>")
        XCTAssertFalse(svg.contains("<script"))
        XCTAssertFalse(svg.contains("<b>"))
        XCTAssertFalse(svg.contains("<i>"))
        XCTAssertEqual(svg.components(separatedBy: "</svg>").count, 2)
        for fragment in ["&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;",
                         ">a&amp;b<", ">&lt;i&gt;<", ">x y<", "id=\"cell_3_x_\"", "id=\"cell_3_x_-axes1-clip\"",
                         "clip-path=\"url(#cell_3_x_-axes1-clip)\""] {
            XCTAssertTrue(svg.contains(fragment), "missing \(fragment)")
        }
        XCTAssertEqual(SVGIdentifier.sanitized("3d"), "f3d")
    }

    func testLogAxisLabelsUseSuperscriptsAndColoursFollowTheTheme() throws {
        let plt = PlotSession()
        let ax = plt.gca()
        try ax.plot([.data(.numbers([1, 10, 100, 1000])), .data(.numbers([1e-3, 1e-2, 0.1, 1])), .format("k")])
        try ax.setXScale("log")
        try ax.setYScale("log")
        try ax.grid(true)
        let svg = PlotSVGRenderer.render(plt.gcf(), idPrefix: "log")
        XCTAssertTrue(svg.contains(">10<tspan dy=\"-4.13\" font-size=\"7\">−2</tspan></text>"))
        XCTAssertTrue(svg.contains(">10<tspan dy=\"-4.13\" font-size=\"7\">3</tspan></text>"))
        // 'k' data, axes and text follow the page colour; the grid is a faint version of it.
        XCTAssertFalse(svg.contains("#000000"))
        XCTAssertTrue(svg.contains("class=\"grid\" stroke=\"currentColor\" stroke-opacity=\"0.31\""))
        XCTAssertTrue(svg.contains("stroke=\"currentColor\" stroke-width=\"1.5\""))
    }

    func testHugeAndMissingValuesStayBounded() throws {
        let plt = PlotSession()
        let ax = plt.gca()
        try ax.plot([.data(.numbers([0, 1, 2, 3, 4])), .data(.numbers([0, 1e300, .nan, 2, .infinity]))])
        try ax.setYLimits(lower: 0, upper: 3)
        try ax.scatter(x: .numbers([1e308]), y: .numbers([1]))
        let svg = PlotSVGRenderer.render(plt.gcf(), idPrefix: "big")
        XCTAssertFalse(svg.contains("e+"))
        XCTAssertFalse(svg.contains("nan"))
        XCTAssertFalse(svg.contains("inf"))
        // Every number written is at most the clip bound.
        let numbers = svg.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
        XCTAssertTrue(numbers.allSatisfy { abs($0) <= 100_000 })
    }
}

extension PlotSVGRendererTests {
    func testNumbersAreWrittenCompactly() {
        XCTAssertEqual(SVGWriter.number(73.832727), "73.83")
        XCTAssertEqual(SVGWriter.number(-0.001), "0")
        XCTAssertEqual(SVGWriter.number(-2.5), "-2.5")
        XCTAssertEqual(SVGWriter.number(0.05), "0.05")
        XCTAssertEqual(SVGWriter.number(100), "100")
        XCTAssertEqual(SVGWriter.number(-0.999), "-1")
        XCTAssertEqual(SVGWriter.number(.nan), "0")
    }
}
