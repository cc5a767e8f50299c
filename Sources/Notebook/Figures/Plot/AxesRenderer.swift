import Foundation
import PyInterpreter

/// Draws one Axes in matplotlib's order: patches and collections (bars,
/// histograms, scatter), then grid and ticks, then lines, spines, labels,
/// and the legend on top. Data is clipped to the axes rectangle.
struct AxesRenderer {
    let axes: PlotAxes
    let frame: Frame
    let id: String
    let x: AxisMapping
    let y: AxisMapping
    let xTicks: AxisTicks
    let yTicks: AxisTicks

    /// `frame` is the Axes' grid cell; a fixed aspect shrinks it or widens
    /// the view (matplotlib's `apply_aspect`) before anything is placed.
    init(axes: PlotAxes, frame cell: Frame, id: String) {
        self.axes = axes
        self.id = id
        let (frame, xRange, yRange) = AspectFit.fit(axes, cell: cell)
        self.frame = frame
        x = AxisMapping(range: xRange, scale: axes.xAxis.scale, start: frame.x, end: frame.maxX)
        y = AxisMapping(range: yRange, scale: axes.yAxis.scale, start: frame.maxY, end: frame.y)
        if axes.axisOn {
            xTicks = AxisTicks.make(axis: axes.xAxis, view: xRange, length: frame.width, isX: true)
            yTicks = AxisTicks.make(axis: axes.yAxis, view: yRange, length: frame.height, isX: false)
        } else {
            // `axis('off')`: no ticks, tick labels, offset texts or grid.
            xTicks = AxisTicks(major: [], minor: [], offsetText: "")
            yTicks = xTicks
        }
    }

    func draw(into svg: inout SVGWriter) {
        let clip = id + "-clip"
        svg.line("<g id=\"\(id)\" class=\"axes\">")
        svg.raw("<clipPath id=\"\(clip)\">")
        svg.element("rect", [("x", SVGWriter.number(frame.x)), ("y", SVGWriter.number(frame.y)),
                             ("width", SVGWriter.number(frame.width)), ("height", SVGWriter.number(frame.height))])
        svg.line("</clipPath>")
        svg.line("<g clip-path=\"url(#\(clip))\">")
        for artist in axes.artists {
            if case .image(let image) = artist { drawImage(image, into: &svg) }
        }
        for artist in axes.artists {
            switch artist {
            case .bars(let bars): drawBars(bars, into: &svg)
            case .scatter(let scatter): drawScatter(scatter, into: &svg)
            case .step(let step) where step.fillColor != nil: drawStep(step, into: &svg)
            default: break
            }
        }
        drawGrid(into: &svg)
        for artist in axes.artists {
            switch artist {
            case .line(let line): drawLine(line, into: &svg)
            case .step(let step) where step.fillColor == nil: drawStep(step, into: &svg)
            default: break
            }
        }
        svg.line("</g>")
        if axes.axisOn { drawSpines(into: &svg) }
        drawTicks(into: &svg)
        for artist in axes.artists {
            if case .text(let text) = artist { drawText(text, into: &svg) }
        }
        drawLabels(into: &svg)
        if axes.legend != nil {
            LegendBox(axes: axes, renderer: self)?.draw(into: &svg, id: id + "-legend")
        }
        svg.line("</g>")
    }

    func point(_ px: Double, _ py: Double) -> (Double, Double) {
        (x.position(px), y.position(py))
    }

    // MARK: artists

    private func drawBars(_ bars: PlotBars, into svg: inout SVGWriter) {
        for i in bars.lefts.indices {
            let x0 = x.position(bars.lefts[i]), x1 = x.position(bars.lefts[i] + bars.widths[i])
            let y0 = y.position(bars.bottoms[i]), y1 = y.position(bars.bottoms[i] + bars.heights[i])
            let rect = Frame(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0))
            guard let box = GeometryClip.limited(rect) else { continue }
            var attributes: [(String, String)] = [
                ("x", SVGWriter.number(box.x)), ("y", SVGWriter.number(box.y)),
                ("width", SVGWriter.number(box.width)), ("height", SVGWriter.number(box.height)),
            ]
            attributes += SVGPaint.attributes(bars.colors[i], "fill")
            if let edge = bars.edgeColor {
                attributes += SVGPaint.attributes(edge, "stroke")
                attributes.append(("stroke-width", SVGWriter.number(bars.lineWidth)))
            }
            svg.element("rect", attributes)
        }
    }

    private func drawScatter(_ scatter: PlotScatter, into svg: inout SVGWriter) {
        let uniform = scatter.sizes.count == 1 && scatter.colors.count == 1 && (scatter.edgeColors?.count ?? 1) == 1
        var path = SVGPath()
        for i in scatter.x.indices {
            let (px, py) = point(scatter.x[i], scatter.y[i])
            guard px.isFinite, py.isFinite, GeometryClip.isNear(px, py) else { continue }
            let size = scatter.sizes[scatter.sizes.count == 1 ? 0 : i]
            MarkerShapes.append(scatter.marker, size: size > 0 ? size.squareRoot() : 0, at: px, py, to: &path)
            if !uniform {
                let color = scatter.colors[scatter.colors.count == 1 ? 0 : i]
                let edge = scatter.edgeColors.map { $0[$0.count == 1 ? 0 : i] }
                emitMarkers(&path, scatter.marker, face: color, edge: edge ?? color, width: scatter.lineWidth, into: &svg)
            }
        }
        if uniform, let color = scatter.colors.first {
            emitMarkers(&path, scatter.marker, face: color, edge: scatter.edgeColors?.first ?? color,
                        width: scatter.lineWidth, into: &svg)
        }
    }

    private func emitMarkers(_ path: inout SVGPath, _ marker: Marker, face: PlotColor, edge: PlotColor, width: Double,
                             into svg: inout SVGWriter) {
        guard !path.isEmpty else { return }
        var attributes: [(String, String)] = [("d", path.d)]
        attributes += SVGPaint.attributes(marker.isFilled ? face : nil, "fill")
        attributes += SVGPaint.attributes(marker.isFilled ? edge : face, "stroke")
        attributes.append(("stroke-width", SVGWriter.number(width)))
        svg.element("path", attributes)
        path = SVGPath()
    }

    private func drawStep(_ step: PlotStepOutline, into svg: inout SVGWriter) {
        let points = zip(step.x, step.y).map { point($0, $1) }
        var path = SVGPath()
        GeometryClip.polyline(points, into: &path)
        guard !path.isEmpty else { return }
        if step.fillColor != nil { path.close() }
        var attributes: [(String, String)] = [("d", path.d)]
        attributes += SVGPaint.attributes(step.fillColor, "fill")
        attributes += SVGPaint.attributes(step.edgeColor, "stroke")
        if step.edgeColor != nil {
            attributes.append(("stroke-width", SVGWriter.number(step.lineWidth)))
            attributes.append(("stroke-linejoin", "miter"))
        }
        svg.element("path", attributes)
    }

    private func drawLine(_ line: PlotLine, into svg: inout SVGWriter) {
        let points = zip(line.x, line.y).map { point($0, $1) }
        if line.lineStyle != .none {
            var path = SVGPath()
            GeometryClip.polyline(points, into: &path)
            if !path.isEmpty {
                svg.element("path", [("d", path.d), ("fill", "none")] + Self.stroke(line.color, width: line.lineWidth, style: line.lineStyle))
            }
        }
        if let marker = line.marker {
            var path = SVGPath()
            for (px, py) in points where px.isFinite && py.isFinite && GeometryClip.isNear(px, py) {
                MarkerShapes.append(marker, size: line.markerSize, at: px, py, to: &path)
            }
            emitMarkers(&path, marker, face: line.markerFaceColor ?? line.color, edge: line.color, width: 1, into: &svg)
        }
    }

    /// Stroke attributes of a styled line: dashes scale with the width, and
    /// solid lines get square caps, dashed ones butt caps, as matplotlib.
    static func stroke(_ color: PlotColor, width: Double, style: LineStyle) -> [(String, String)] {
        var attributes = SVGPaint.attributes(color, "stroke")
        attributes.append(("stroke-width", SVGWriter.number(width)))
        attributes.append(("stroke-linejoin", "round"))
        if let pattern = style.dashPattern {
            attributes.append(("stroke-dasharray", pattern.map { SVGWriter.number($0 * width) }.joined(separator: ",")))
        } else {
            attributes.append(("stroke-linecap", "square"))
        }
        return attributes
    }

    // MARK: grid, spines, ticks

    private func drawGrid(into svg: inout SVGWriter) {
        if let grid = axes.xAxis.grid {
            var path = SVGPath()
            for tick in xTicks.major {
                let px = x.position(tick.value)
                path.move(px, frame.y)
                path.lineTo(px, frame.maxY)
            }
            emitGrid(path, grid, into: &svg)
        }
        if let grid = axes.yAxis.grid {
            var path = SVGPath()
            for tick in yTicks.major {
                let py = y.position(tick.value)
                path.move(frame.x, py)
                path.lineTo(frame.maxX, py)
            }
            emitGrid(path, grid, into: &svg)
        }
    }

    private func emitGrid(_ path: SVGPath, _ grid: GridStyle, into svg: inout SVGWriter) {
        guard !path.isEmpty else { return }
        var attributes: [(String, String)] = [("d", path.d), ("fill", "none"), ("class", "grid")]
        if grid.color == GridStyle().color {
            attributes += SVGPaint.faintInk(grey: 0xb0 / 255, "stroke")
        } else {
            attributes += SVGPaint.attributes(grid.color.withAlpha(grid.color.alpha * grid.alpha), "stroke")
        }
        attributes.append(("stroke-width", SVGWriter.number(grid.lineWidth)))
        if let pattern = grid.lineStyle.dashPattern {
            attributes.append(("stroke-dasharray", pattern.map { SVGWriter.number($0 * grid.lineWidth) }.joined(separator: ",")))
        } else {
            attributes.append(("stroke-linecap", "square"))
        }
        svg.element("path", attributes)
    }

    private func drawSpines(into svg: inout SVGWriter) {
        var path = SVGPath()
        path.move(frame.x, frame.maxY)
        path.lineTo(frame.x, frame.y)
        path.move(frame.maxX, frame.maxY)
        path.lineTo(frame.maxX, frame.y)
        path.move(frame.x, frame.maxY)
        path.lineTo(frame.maxX, frame.maxY)
        path.move(frame.x, frame.y)
        path.lineTo(frame.maxX, frame.y)
        svg.element("path", [("d", path.d), ("fill", "none"), ("stroke", "currentColor"),
                             ("stroke-width", SVGWriter.number(PlotStyle.spineWidth)),
                             ("stroke-linecap", "square"), ("class", "spines")])
    }

    private func drawTicks(into svg: inout SVGWriter) {
        for (ticks, length, width) in [(\AxisTicks.major, PlotStyle.majorTickLength, PlotStyle.majorTickWidth),
                                       (\AxisTicks.minor, PlotStyle.minorTickLength, PlotStyle.minorTickWidth)] {
            var path = SVGPath()
            for tick in xTicks[keyPath: ticks] {
                let px = x.position(tick.value)
                path.move(px, frame.maxY)
                path.lineTo(px, frame.maxY + length)
            }
            for tick in yTicks[keyPath: ticks] {
                let py = y.position(tick.value)
                path.move(frame.x, py)
                path.lineTo(frame.x - length, py)
            }
            if !path.isEmpty {
                svg.element("path", [("d", path.d), ("stroke", "currentColor"),
                                     ("stroke-width", SVGWriter.number(width)), ("class", "ticks")])
            }
        }
        let size = PlotStyle.tickLabelSize
        let xTop = frame.maxY + PlotStyle.majorTickLength + PlotStyle.tickPad
        for (tick, isMajor) in xTicks.major.map({ ($0, true) }) + xTicks.minor.map({ ($0, false) }) {
            guard let label = tick.label else { continue }
            let top = isMajor ? xTop : frame.maxY + PlotStyle.minorTickLength + 3.4
            svg.text(label, x: x.position(tick.value), baseline: top + label.ascent(size: size), size: size, anchor: .middle)
        }
        let yRight = frame.x - PlotStyle.majorTickLength - PlotStyle.tickPad
        for (tick, isMajor) in yTicks.major.map({ ($0, true) }) + yTicks.minor.map({ ($0, false) }) {
            guard let label = tick.label else { continue }
            let right = isMajor ? yRight : frame.x - PlotStyle.minorTickLength - 3.4
            // `center_baseline`: the middle of the ascent sits on the tick.
            svg.text(label, x: right, baseline: y.position(tick.value) + label.ascent(size: size) / 2, size: size, anchor: .end)
        }
    }

    // MARK: labels

    /// The lowest edge of the x tick labels (or the axes' bottom without any).
    var xTickLabelsBottom: Double {
        let labels = (xTicks.major + xTicks.minor).compactMap(\.label)
        guard !labels.isEmpty else { return frame.maxY }
        let size = PlotStyle.tickLabelSize
        let height = labels.map { $0.ascent(size: size) + $0.descent(size: size) }.max() ?? 0
        return max(frame.maxY, frame.maxY + PlotStyle.majorTickLength + PlotStyle.tickPad + height)
    }

    /// The leftmost edge of the y tick labels (or the axes' left side).
    var yTickLabelsLeft: Double {
        let labels = (yTicks.major + yTicks.minor).compactMap(\.label)
        guard !labels.isEmpty else { return frame.x }
        let widest = labels.map { TextMetrics.width($0, size: PlotStyle.tickLabelSize) }.max() ?? 0
        return min(frame.x, frame.x - PlotStyle.majorTickLength - PlotStyle.tickPad - widest)
    }

    private func drawLabels(into svg: inout SVGWriter) {
        let size = PlotStyle.axisLabelSize
        if axes.axisOn, let label = axes.xAxis.label, !label.isEmpty {
            let top = xTickLabelsBottom + PlotStyle.labelPad
            svg.text(label, x: frame.midX, baseline: top + TextMetrics.ascent * size, size: size, anchor: .middle,
                     className: "xlabel")
        }
        if axes.axisOn, let label = axes.yAxis.label, !label.isEmpty {
            // Rotated a quarter turn left: its descent faces the tick labels.
            let baseline = yTickLabelsLeft - PlotStyle.labelPad - TextMetrics.descent * size
            svg.text(label, x: baseline, baseline: frame.midY, size: size, anchor: .middle, rotateLeft: true,
                     className: "ylabel")
        }
        let tickSize = PlotStyle.tickLabelSize
        if !xTicks.offsetText.isEmpty {
            let top = xTickLabelsBottom + PlotStyle.offsetTextPad
            svg.text(xTicks.offsetText, x: frame.maxX, baseline: top + TextMetrics.ascent * tickSize, size: tickSize,
                     anchor: .end, className: "offset")
        }
        var titleBaseline = frame.y - PlotStyle.titlePad
        if !yTicks.offsetText.isEmpty {
            let baseline = yOffsetTextBaseline
            svg.text(yTicks.offsetText, x: frame.x, baseline: baseline, size: tickSize, anchor: .start, className: "offset")
            // matplotlib lifts a centred title that would collide with it.
            let offsetRight = frame.x + TextMetrics.width(yTicks.offsetText, size: tickSize)
            if let title = axes.title, frame.midX - TextMetrics.width(title, size: PlotStyle.titleSize) / 2 < offsetRight {
                titleBaseline = min(titleBaseline, baseline - TextMetrics.ascent * tickSize - PlotStyle.titlePad)
            }
        }
        if let title = axes.title, !title.isEmpty {
            svg.text(title, x: frame.midX, baseline: titleBaseline, size: PlotStyle.titleSize, anchor: .middle,
                     className: "title")
        }
    }

    /// Above the top of the axes (or of the topmost y tick label), as
    /// matplotlib places the y offset text.
    var yOffsetTextBaseline: Double {
        let size = PlotStyle.tickLabelSize
        var top = frame.y
        for tick in yTicks.major {
            if let label = tick.label { top = min(top, y.position(tick.value) - label.ascent(size: size) / 2) }
        }
        return top - PlotStyle.offsetTextPad
    }
}
