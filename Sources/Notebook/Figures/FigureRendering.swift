import PyInterpreter

/// The figure renderers of this layer, handed to an interpreter session so
/// that `plt.show()` draws SVG (PyInterpreter cannot depend on Notebook).
public final class SVGFigureRenderer: FigureRenderer {
    public init() {}

    public func svg(for figure: PlotFigure, idPrefix: String) -> String {
        PlotSVGRenderer.render(figure, idPrefix: idPrefix)
    }

    public func svg(for figure: GraphFigure, idPrefix: String) throws -> String {
        try GraphSVGRenderer.render(figure, idPrefix: idPrefix)
    }
}
