import XCTest
@testable import Notebook
import PyInterpreter

/// `imshow`, `text` and `axis` in the SVG. Positions are matplotlib 3.11's
/// for the same figure (`ax.get_position()` after a draw, in points).
final class ImageSVGTests: XCTestCase {
    /// A 4 × 4 inch figure with a 2 × 3 'Blues' image whose rows have runs of equal values.
    func imageFigure(axisOff: Bool) throws -> PlotFigure {
        let plt = PlotSession()
        try plt.figure(width: 4, height: 4)
        let ax = plt.gca()
        var options = ImageOptions()
        options.colormap = "Blues"
        try ax.imshow([0, 0, 3, 7, 7, 7], rows: 2, columns: 3, options: options)
        var label = PlotText(x: 1, y: 0, text: "ab")
        label.horizontal = .center
        label.vertical = .bottom
        label.color = try PlotColor.parse("gray")
        ax.addText(label)
        if axisOff { try ax.axis("off") }
        return try XCTUnwrap(plt.show().first)
    }

    func imageRects(_ svg: String) -> [Substring] {
        guard let start = svg.range(of: "<g class=\"image\""), let end = svg[start.upperBound...].range(of: "</g>") else { return [] }
        return svg[start.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("<rect") }
    }

    func testImageCellsAreMergedRectsInTheSquareFrame() throws {
        let svg = PlotSVGRenderer.render(try imageFigure(axisOff: false), idPrefix: "im")
        // matplotlib: the axes shrink to 36, 71.04, 223.2 × 148.8 for square cells.
        XCTAssertTrue(svg.contains("<clipPath id=\"im-axes1-clip\"><rect x=\"36\" y=\"71.04\" width=\"223.2\" height=\"148.8\"/>"), svg)
        XCTAssertEqual(imageRects(svg), [
            "<rect x=\"36\" y=\"71.04\" width=\"148.8\" height=\"74.4\" fill=\"#f7fbff\"/>",
            "<rect x=\"184.8\" y=\"71.04\" width=\"74.4\" height=\"74.4\" fill=\"#89bedc\"/>",
            "<rect x=\"36\" y=\"145.44\" width=\"223.2\" height=\"74.4\" fill=\"#08306b\"/>",
        ])
        // Bottom-aligned on y = 0 (the middle of row 0): the baseline one descent above it.
        XCTAssertTrue(svg.contains("<text x=\"147.6\" y=\"105.84\" font-size=\"10\" fill=\"#808080\" text-anchor=\"middle\" class=\"text\">ab</text>"), svg)
        XCTAssertTrue(svg.contains("class=\"ticks\""))
        XCTAssertTrue(svg.contains("class=\"spines\""))
    }

    func testAxisOffLeavesOnlyTheImageAndTexts() throws {
        let svg = PlotSVGRenderer.render(try imageFigure(axisOff: true), idPrefix: "im")
        XCTAssertEqual(imageRects(svg).count, 3)
        XCTAssertTrue(svg.contains(">ab</text>"))
        XCTAssertFalse(svg.contains("class=\"ticks\""))
        XCTAssertFalse(svg.contains("class=\"spines\""))
        // The only text left is the one added with text().
        XCTAssertEqual(svg.components(separatedBy: "<text").count - 1, 1)
    }

    func testAxisEqualWidensTheViewAsMatplotlib() throws {
        let plt = PlotSession()
        try plt.figure()
        let ax = plt.gca()
        try ax.plot([.data(.numbers([0, 1])), .data(.numbers([0, 3]))])
        try ax.axis("equal")
        // The default frame: 357.12 × 266.112 points.
        let (x, y) = ax.limitsFittingAspect(width: 0.775 * 460.8, height: 0.77 * 345.6)
        XCTAssertEqual(x.lower, -1.7142857142857144, accuracy: 1e-9)
        XCTAssertEqual(x.upper, 2.7142857142857144, accuracy: 1e-9)
        XCTAssertEqual(y.lower, -0.15, accuracy: 1e-12)
        XCTAssertEqual(y.upper, 3.15, accuracy: 1e-12)
    }
}
