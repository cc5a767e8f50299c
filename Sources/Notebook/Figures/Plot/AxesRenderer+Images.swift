import PyInterpreter

/// Where an Axes with a fixed aspect draws: `adjustable='box'` shrinks the
/// frame, centred in its cell, until a y unit is `ratio` x units long on
/// screen; `'datalim'` keeps the frame and widens a view range instead.
enum AspectFit {
    static func fit(_ axes: PlotAxes, cell: Frame) -> (frame: Frame, x: AxisRange, y: AxisRange) {
        let (xr, yr) = axes.limitsFittingAspect(width: cell.width, height: cell.height)
        guard let aspect = axes.aspect, aspect.adjustable == .box,
              axes.xAxis.scale == .linear, axes.yAxis.scale == .linear else { return (cell, xr, yr) }
        let xsize = abs(xr.upper - xr.lower), ysize = abs(yr.upper - yr.lower)
        guard xsize > 0, ysize > 0, xsize.isFinite, ysize.isFinite, cell.width > 0, cell.height > 0 else {
            return (cell, xr, yr)
        }
        let wanted = aspect.ratio * ysize / xsize   // height / width
        var frame = cell
        if cell.height / cell.width > wanted {
            frame.height = cell.width * wanted
            frame.y = cell.midY - frame.height / 2
        } else {
            frame.width = cell.height / wanted
            frame.x = cell.midX - frame.width / 2
        }
        return (frame, xr, yr)
    }
}

extension AxesRenderer {
    /// One `<rect>` per run of equal colours along a row; NaN cells are left out.
    func drawImage(_ image: PlotImage, into svg: inout SVGWriter) {
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(image.columns + 1)
        ys.reserveCapacity(image.rows + 1)
        for j in 0...image.columns { xs.append(x.position(image.edge(row: 0, column: j).x)) }
        for i in 0...image.rows { ys.append(y.position(image.edge(row: i, column: 0).y)) }
        // Edge to edge without anti-aliased seams between neighbouring cells.
        svg.line("<g class=\"image\" shape-rendering=\"crispEdges\">")
        for i in 0..<image.rows {
            let top = min(ys[i], ys[i + 1]), height = abs(ys[i + 1] - ys[i])
            var j = 0
            while j < image.columns {
                let color = image.colors[i * image.columns + j]
                var end = j + 1
                while end < image.columns && image.colors[i * image.columns + end] == color { end += 1 }
                defer { j = end }
                guard color.alpha > 0 else { continue }
                let left = min(xs[j], xs[end]), width = abs(xs[end] - xs[j])
                guard let box = GeometryClip.limited(Frame(x: left, y: top, width: width, height: height)) else { continue }
                svg.element("rect", [("x", SVGWriter.number(box.x)), ("y", SVGWriter.number(box.y)),
                                     ("width", SVGWriter.number(box.width)), ("height", SVGWriter.number(box.height))]
                            + SVGPaint.attributes(color, "fill"))
            }
        }
        svg.line("</g>")
    }

    /// `text(x, y, s)`: anchored at the data point by its alignments, the
    /// line's box sized like "lp" as matplotlib sizes it; not clipped.
    func drawText(_ text: PlotText, into svg: inout SVGWriter) {
        let (px, py) = point(text.x, text.y)
        guard px.isFinite, py.isFinite, GeometryClip.isNear(px, py) else { return }
        let size = text.fontSize
        let baseline: Double
        switch text.vertical {
        case .top: baseline = py + TextMetrics.ascent * size
        case .bottom: baseline = py - TextMetrics.descent * size
        case .center: baseline = py + (TextMetrics.ascent - TextMetrics.descent) / 2 * size
        case .baseline: baseline = py
        case .centerBaseline: baseline = py + TextMetrics.ascent / 2 * size
        }
        var attributes: [(String, String)] = [("x", SVGWriter.number(px)), ("y", SVGWriter.number(baseline)),
                                              ("font-size", SVGWriter.number(size))]
        attributes += SVGPaint.attributes(text.color, "fill")
        switch text.horizontal {
        case .left: break
        case .center: attributes.append(("text-anchor", "middle"))
        case .right: attributes.append(("text-anchor", "end"))
        }
        attributes.append(("class", "text"))
        svg.element("text", attributes, close: false)
        svg.content(text.text)
        svg.raw("</text>\n")
    }
}
