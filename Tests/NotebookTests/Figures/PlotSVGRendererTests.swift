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
            ("grid", PlotGallery.subplotGrid), ("offsets", PlotGallery.offsets),
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
