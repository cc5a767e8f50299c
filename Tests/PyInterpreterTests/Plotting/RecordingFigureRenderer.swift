import XCTest
@testable import PyInterpreter

/// Stands in for the SVG renderers (which live in the Notebook layer): keeps
/// each figure shown and a description of it as it was when shown, and
/// returns that description as the figure's "SVG".
final class RecordingFigureRenderer: FigureRenderer {
    private(set) var plots: [(figure: PlotFigure, idPrefix: String)] = []

    func svg(for figure: PlotFigure, idPrefix: String) -> String {
        plots.append((figure, idPrefix))
        return Self.describe(figure, idPrefix: idPrefix)
    }

    func svg(for figure: GraphFigure, idPrefix: String) throws -> String {
        "graph \(idPrefix): \(figure.nodes.count) nodes"
    }

    /// One line per figure, Axes and artist.
    static func describe(_ figure: PlotFigure, idPrefix: String) -> String {
        var lines = ["figure \(idPrefix) \(figure.width)x\(figure.height)"
                     + (figure.suptitle.map { " suptitle=\($0)" } ?? "") + (figure.tightLayout ? " tight" : "")]
        for axes in figure.axes {
            var line = "  axes \(axes.slot.row),\(axes.slot.column) of \(axes.slot.rows)x\(axes.slot.columns)"
            if let title = axes.title { line += " title=\(title)" }
            if let label = axes.xAxis.label { line += " xlabel=\(label)" }
            if let label = axes.yAxis.label { line += " ylabel=\(label)" }
            if axes.xAxis.scale == .log { line += " xscale=log" }
            if axes.yAxis.scale == .log { line += " yscale=log" }
            if axes.xAxis.grid != nil || axes.yAxis.grid != nil { line += " grid" }
            if let legend = axes.legend { line += " legend=\(legend.location.rawValue)" }
            if !axes.axisOn { line += " axis=off" }
            if let aspect = axes.aspect { line += " aspect=\(aspect.ratio),\(aspect.adjustable.rawValue)" }
            lines.append(line)
            for artist in axes.artists {
                switch artist {
                case .line(let l):
                    lines.append("    line \(l.label ?? "-") \(hex(l.color)) \(l.lineStyle.rawValue) \(l.marker?.rawValue ?? "") x=\(l.x) y=\(l.y)")
                case .scatter(let s):
                    lines.append("    scatter \(s.label ?? "-") n=\(s.x.count) colors=\(s.colors.map(hex))")
                case .bars(let b):
                    lines.append("    bars \(b.label ?? "-") heights=\(b.heights)")
                case .step(let s):
                    lines.append("    step \(s.label ?? "-") y=\(s.y)")
                case .image(let m):
                    lines.append("    image \(m.rows)x\(m.columns) extent=\([m.left, m.right, m.bottom, m.top]) colors=\(m.colors.map(hex))")
                case .text(let t):
                    lines.append("    text \(t.text) at (\(t.x), \(t.y)) \(t.horizontal.rawValue) \(t.vertical.rawValue) \(hex(t.color)) \(t.fontSize)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func hex(_ c: PlotColor) -> String {
        let parts = [c.red, c.green, c.blue].map { String(format: "%02x", Int(($0 * 255).rounded())) }
        return "#" + parts.joined() + (c.alpha < 1 ? String(format: "@%.2f", c.alpha) : "")
    }
}

/// A session whose figures are recorded.
class PlottingTestCase: InterpreterTestCase {
    var renderer: RecordingFigureRenderer!

    override func setUp() {
        super.setUp()
        renderer = RecordingFigureRenderer()
        session.figureRenderer = renderer
    }
}
