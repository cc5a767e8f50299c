import PyInterpreter

/// Draws a `PlotFigure` as inline SVG in matplotlib's default style: the
/// figure's size in pixels at its dpi (640 × 480 by default), coordinates in
/// points, text and axes in `currentColor`, data in the tab10 cycle. The
/// same figure and prefix always give the same bytes.
public enum PlotSVGRenderer {
    /// `idPrefix` keeps ids (clip paths, groups) unique when several figures
    /// share a page; characters not allowed in an id become `_`.
    public static func render(_ figure: PlotFigure, idPrefix: String) -> String {
        let prefix = SVGIdentifier.sanitized(idPrefix)
        let width = figure.width * 72, height = figure.height * 72
        let parameters = figure.tightLayout ? TightLayout.parameters(for: figure) : figure.subplotParameters
        var svg = SVGWriter()
        svg.element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("id", prefix), ("class", "plot"),
            ("width", SVGWriter.number(figure.width * figure.dpi)), ("height", SVGWriter.number(figure.height * figure.dpi)),
            ("viewBox", "0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))"),
            ("font-family", PlotStyle.fontFamily), ("stroke-linejoin", "round"),
        ], close: false)
        svg.line("")
        for (index, axes) in figure.axes.enumerated() {
            let frame = PlotLayout.frame(of: axes.slot, in: figure, parameters: parameters)
            AxesRenderer(axes: axes, frame: frame, id: "\(prefix)-axes\(index + 1)").draw(into: &svg)
        }
        if let title = figure.suptitle, !title.isEmpty {
            // `suptitle`: centred at y = 0.98 of the figure, top-aligned.
            let top = 0.02 * height
            svg.text(title, x: width / 2, baseline: top + TextMetrics.ascent * PlotStyle.suptitleSize,
                     size: PlotStyle.suptitleSize, anchor: .middle, className: "suptitle")
        }
        svg.line("</svg>")
        return svg.text
    }
}
