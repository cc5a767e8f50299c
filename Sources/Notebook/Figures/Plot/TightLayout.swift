import PyInterpreter

/// `plt.tight_layout()` (pad 1.08 font sizes): subplot parameters chosen so
/// every Axes' labels, tick labels and title fit inside the figure and
/// beside each other, computed in one pass from the default layout as
/// matplotlib does.
enum TightLayout {
    static func parameters(for figure: PlotFigure) -> SubplotParameters {
        let current = figure.subplotParameters
        guard let first = figure.axes.first,
              figure.axes.allSatisfy({ $0.slot.rows == first.slot.rows && $0.slot.columns == first.slot.columns }) else {
            // Mixed grids need matplotlib's common-grid logic; keep the parameters.
            return current
        }
        let rows = first.slot.rows, columns = first.slot.columns
        let width = figure.width * 72, height = figure.height * 72
        let pad = 1.08 * 10.0
        // Extra room each Axes needs beyond its frame, as figure fractions.
        var hspaces = Array(repeating: Array(repeating: 0.0, count: columns + 1), count: rows)
        var vspaces = Array(repeating: Array(repeating: 0.0, count: columns), count: rows + 1)
        for (index, axes) in figure.axes.enumerated() {
            let frame = PlotLayout.frame(of: axes.slot, in: figure, parameters: current)
            let tight = AxesRenderer(axes: axes, frame: frame, id: "\(index)").tightBounds()
            let (r, c) = (axes.slot.row, axes.slot.column)
            hspaces[r][c] += (frame.x - tight.x) / width
            hspaces[r][c + 1] += (tight.maxX - frame.maxX) / width
            vspaces[r][c] += (frame.y - tight.y) / height
            vspaces[r + 1][c] += (tight.maxY - frame.maxY) / height
        }
        let left = max(hspaces.map { $0[0] }.max() ?? 0, 0) + pad / width
        let right = max(hspaces.map { $0[columns] }.max() ?? 0, 0) + pad / width
        var top = max(vspaces[0].max() ?? 0, 0) + pad / height
        let bottom = max(vspaces[rows].max() ?? 0, 0) + pad / height
        if let title = figure.suptitle, !title.isEmpty {
            top += TextMetrics.lineHeight * PlotStyle.suptitleSize / height + pad / height
        }
        guard left + right < 1, top + bottom < 1 else { return current }
        var result = current
        result.left = left
        result.right = 1 - right
        result.bottom = bottom
        result.top = 1 - top
        if columns > 1 {
            let inner = hspaces.flatMap { $0[1..<columns] }.max() ?? 0
            let hspace = inner + pad / width
            let cell = (1 - right - left - hspace * Double(columns - 1)) / Double(columns)
            guard cell > 0 else { return current }
            result.wspace = hspace / cell
        }
        if rows > 1 {
            let inner = vspaces[1..<rows].flatMap { $0 }.max() ?? 0
            let vspace = inner + pad / height
            let cell = (1 - top - bottom - vspace * Double(rows - 1)) / Double(rows)
            guard cell > 0 else { return current }
            result.hspace = vspace / cell
        }
        return result
    }
}

extension AxesRenderer {
    /// The box around the Axes and everything drawn outside its frame
    /// (tick labels, axis labels, offset texts, title), in SVG coordinates.
    func tightBounds() -> Frame {
        var minX = frame.x, maxX = frame.maxX, minY = frame.y, maxY = frame.maxY
        let size = PlotStyle.tickLabelSize
        for tick in xTicks.major + xTicks.minor {
            guard let label = tick.label else { continue }
            let half = TextMetrics.width(label, size: size) / 2
            minX = min(minX, x.position(tick.value) - half)
            maxX = max(maxX, x.position(tick.value) + half)
        }
        maxY = max(maxY, xTickLabelsBottom)
        minX = min(minX, yTickLabelsLeft)
        for tick in yTicks.major + yTicks.minor {
            guard let label = tick.label else { continue }
            let py = y.position(tick.value)
            minY = min(minY, py - label.ascent(size: size) / 2)
            maxY = max(maxY, py + label.ascent(size: size) / 2 + label.descent(size: size))
        }
        let labelSize = PlotStyle.axisLabelSize
        if axes.axisOn, let label = axes.xAxis.label, !label.isEmpty {
            maxY = max(maxY, xTickLabelsBottom + PlotStyle.labelPad + TextMetrics.lineHeight * labelSize)
        }
        if !xTicks.offsetText.isEmpty {
            maxY = max(maxY, xTickLabelsBottom + PlotStyle.offsetTextPad + TextMetrics.lineHeight * size)
        }
        if axes.axisOn, let label = axes.yAxis.label, !label.isEmpty {
            minX = min(minX, yTickLabelsLeft - PlotStyle.labelPad - TextMetrics.lineHeight * labelSize)
        }
        if !yTicks.offsetText.isEmpty {
            minY = min(minY, yOffsetTextBaseline - TextMetrics.ascent * size)
        }
        if let title = axes.title, !title.isEmpty {
            minY = min(minY, frame.y - PlotStyle.titlePad - TextMetrics.ascent * PlotStyle.titleSize)
            let half = TextMetrics.width(title, size: PlotStyle.titleSize) / 2
            minX = min(minX, frame.midX - half)
            maxX = max(maxX, frame.midX + half)
        }
        return Frame(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}
