import Foundation
import PyInterpreter

/// An Axes legend laid out as matplotlib's: one row per labelled artist
/// (handle, then text), in columns, with a title on top, inside a rounded
/// frame; `loc='best'` tries the nine other places in matplotlib's order and
/// takes the first that covers the least data.
struct LegendBox {
    let entries: [(artist: PlotArtist, label: String)]
    let settings: PlotLegend
    let renderer: AxesRenderer
    let fontSize: Double
    /// Rows per column.
    let columns: [[Int]]
    let size: (width: Double, height: Double)

    init?(axes: PlotAxes, renderer: AxesRenderer) {
        guard let settings = axes.legend else { return nil }
        let entries: [(artist: PlotArtist, label: String)] = axes.legendEntries().compactMap { artist in
            artist.label.map { (artist: artist, label: $0) }
        }
        guard !entries.isEmpty else { return nil }
        self.entries = entries
        self.settings = settings
        self.renderer = renderer
        fontSize = settings.fontSize ?? PlotStyle.legendFontSize
        // matplotlib fills columns top to bottom, the first ones one longer.
        let ncols = max(1, min(settings.columns, entries.count))
        let (perColumn, extra) = (entries.count / ncols, entries.count % ncols)
        var columns: [[Int]] = []
        var next = 0
        for c in 0..<ncols {
            let count = perColumn + (c < extra ? 1 : 0)
            columns.append(Array(next..<(next + count)))
            next += count
        }
        self.columns = columns.filter { !$0.isEmpty }
        let fs = fontSize
        let columnWidths = self.columns.map { column in
            column.map { 2.8 * fs + TextMetrics.width(entries[$0].label, size: fs) }.max() ?? 0
        }
        var width = columnWidths.reduce(0, +) + 2.0 * fs * Double(max(self.columns.count - 1, 0))
        let rows = Double(self.columns.first?.count ?? 0)
        var height = rows * Self.rowHeight(fs) + 0.5 * fs * max(rows - 1, 0)
        if let title = settings.title, !title.isEmpty {
            width = max(width, TextMetrics.width(title, size: fs))
            height += TextMetrics.lineHeight * fs + 0.5 * fs
        }
        size = (width + 0.8 * fs, height + 0.8 * fs)
    }

    /// A row: the taller of the text's ascent and the 0.7 em handle, plus the descent.
    static func rowHeight(_ fs: Double) -> Double {
        max(TextMetrics.ascent, 0.7) * fs + TextMetrics.descent * fs
    }

    /// Top-left corner for a location (codes 1…10), `borderaxespad` (0.5 em)
    /// inside the axes.
    func origin(_ location: LegendLocation) -> (Double, Double) {
        let f = renderer.frame, pad = 0.5 * fontSize
        let left = f.x + pad, right = f.maxX - pad - size.width, midX = f.midX - size.width / 2
        let top = f.y + pad, bottom = f.maxY - pad - size.height, midY = f.midY - size.height / 2
        switch location {
        case .best, .upperRight: return (right, top)
        case .upperLeft: return (left, top)
        case .lowerLeft: return (left, bottom)
        case .lowerRight: return (right, bottom)
        case .right, .centerRight: return (right, midY)
        case .centerLeft: return (left, midY)
        case .lowerCenter: return (midX, bottom)
        case .upperCenter: return (midX, top)
        case .center: return (midX, midY)
        }
    }

    /// matplotlib's `_find_best_position`: badness counts line vertices and
    /// scatter points inside the box, bars overlapping it, and lines crossing
    /// it; ties go to the earlier location.
    func bestLocation() -> LegendLocation {
        var lines: [[(Double, Double)]] = []
        var points: [(Double, Double)] = []
        var boxes: [Frame] = []
        for artist in renderer.axes.artists {
            switch artist {
            case .line(let a): lines.append(zip(a.x, a.y).map { renderer.point($0, $1) })
            case .step(let a): lines.append(zip(a.x, a.y).map { renderer.point($0, $1) })
            case .scatter(let a): points += zip(a.x, a.y).map { renderer.point($0, $1) }
            case .bars(let a):
                for i in a.lefts.indices {
                    let (x0, y0) = renderer.point(a.lefts[i], a.bottoms[i])
                    let (x1, y1) = renderer.point(a.lefts[i] + a.widths[i], a.bottoms[i] + a.heights[i])
                    boxes.append(Frame(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)))
                }
            case .image, .text: break   // matplotlib's best location ignores them
            }
        }
        var best: (badness: Int, location: LegendLocation)?
        for location in LegendLocation.allCases.dropFirst() {
            let (x0, y0) = origin(location)
            let box = Frame(x: x0, y: y0, width: size.width, height: size.height)
            func inside(_ p: (Double, Double)) -> Bool {
                box.x < p.0 && p.0 < box.maxX && box.y < p.1 && p.1 < box.maxY
            }
            var badness = 0
            for line in lines {
                badness += line.filter(inside).count
                if Self.crosses(line, box) { badness += 1 }
            }
            badness += points.filter(inside).count
            badness += boxes.filter { !($0.maxX <= box.x || $0.x >= box.maxX || $0.maxY <= box.y || $0.y >= box.maxY) }.count
            if let current = best, current.badness <= badness {} else { best = (badness, location) }
            if badness == 0 { break }
        }
        return best?.location ?? .upperRight
    }

    /// Whether any segment of `line` meets the box (matplotlib's
    /// `segment_intersects_rectangle`, a separating-axis test).
    static func crosses(_ line: [(Double, Double)], _ box: Frame) -> Bool {
        let cx = box.midX, cy = box.midY, w = box.width, h = box.height
        for (a, b) in zip(line, line.dropFirst()) {
            guard a.0.isFinite, a.1.isFinite, b.0.isFinite, b.1.isFinite else { continue }
            let (x1, y1, x2, y2) = (a.0, a.1, b.0, b.1)
            if abs(x1 + x2 - 2 * cx) < abs(x1 - x2) + w,
               abs(y1 + y2 - 2 * cy) < abs(y1 - y2) + h,
               2 * abs((x1 - cx) * (y1 - y2) - (y1 - cy) * (x1 - x2)) < w * abs(y1 - y2) + h * abs(x1 - x2) {
                return true
            }
        }
        return false
    }

    func draw(into svg: inout SVGWriter, id: String) {
        let location = settings.location == .best ? bestLocation() : settings.location
        let (left, top) = origin(location)
        let fs = fontSize
        svg.line("<g id=\"\(id)\" class=\"legend\">")
        if settings.frameOn {
            var attributes: [(String, String)] = [
                ("x", SVGWriter.number(left)), ("y", SVGWriter.number(top)),
                ("width", SVGWriter.number(size.width)), ("height", SVGWriter.number(size.height)),
                ("rx", SVGWriter.number(0.2 * fs)), ("class", "legend-frame"),
                // White at 0.8 like matplotlib, or the page background where supported.
                ("style", "fill:#fff;fill:Canvas"), ("fill-opacity", "0.8"),
            ]
            attributes += SVGPaint.faintInk(grey: 0.8, "stroke")
            svg.element("rect", attributes)
        }
        var rowTop = top + 0.4 * fs
        if let title = settings.title, !title.isEmpty {
            svg.text(title, x: left + size.width / 2, baseline: rowTop + TextMetrics.ascent * fs, size: fs, anchor: .middle)
            rowTop += (TextMetrics.ascent + TextMetrics.descent) * fs + 0.5 * fs
        }
        var columnLeft = left + 0.4 * fs
        for column in columns {
            var y = rowTop
            var widest = 0.0
            for index in column {
                let baseline = y + max(TextMetrics.ascent, 0.7) * fs
                drawHandle(entries[index].artist, left: columnLeft, baseline: baseline, into: &svg)
                svg.text(entries[index].label, x: columnLeft + 2.8 * fs, baseline: baseline, size: fs, anchor: .start)
                widest = max(widest, 2.8 * fs + TextMetrics.width(entries[index].label, size: fs))
                y += Self.rowHeight(fs) + 0.5 * fs
            }
            columnLeft += widest + 2 * fs
        }
        svg.line("</g>")
    }

    /// The 2 em × 0.7 em sample to the left of each label.
    private func drawHandle(_ artist: PlotArtist, left: Double, baseline: Double, into svg: inout SVGWriter) {
        let fs = fontSize, width = 2 * fs, height = 0.7 * fs
        switch artist {
        case .line(let line):
            let y = baseline - height / 2
            if line.lineStyle != .none {
                var path = SVGPath()
                path.move(left, y)
                path.lineTo(left + width, y)
                svg.element("path", [("d", path.d), ("fill", "none")]
                            + AxesRenderer.stroke(line.color, width: line.lineWidth, style: line.lineStyle))
            }
            if let marker = line.marker {
                var path = SVGPath()
                MarkerShapes.append(marker, size: line.markerSize, at: left + width / 2, y, to: &path)
                svg.element("path", [("d", path.d)]
                            + SVGPaint.attributes(marker.isFilled ? (line.markerFaceColor ?? line.color) : nil, "fill")
                            + SVGPaint.attributes(line.color, "stroke") + [("stroke-width", "1")])
            }
        case .scatter(let scatter):
            var path = SVGPath()
            let sizes = scatter.sizes
            let area = ((sizes.max() ?? 36) + (sizes.min() ?? 36)) / 2
            MarkerShapes.append(scatter.marker, size: area > 0 ? area.squareRoot() : 0,
                                at: left + width / 2, baseline - 0.375 * height, to: &path)
            let color = scatter.colors.first ?? PlotColor.tab10[0]
            svg.element("path", [("d", path.d)]
                        + SVGPaint.attributes(scatter.marker.isFilled ? color : nil, "fill")
                        + SVGPaint.attributes(scatter.edgeColors?.first ?? color, "stroke")
                        + [("stroke-width", SVGWriter.number(scatter.lineWidth))])
        case .bars(let bars):
            var attributes: [(String, String)] = [
                ("x", SVGWriter.number(left)), ("y", SVGWriter.number(baseline - height)),
                ("width", SVGWriter.number(width)), ("height", SVGWriter.number(height)),
            ]
            attributes += SVGPaint.attributes(bars.colors.first, "fill")
            if let edge = bars.edgeColor {
                attributes += SVGPaint.attributes(edge, "stroke") + [("stroke-width", SVGWriter.number(bars.lineWidth))]
            }
            svg.element("rect", attributes)
        case .step(let step):
            svg.element("rect", [
                ("x", SVGWriter.number(left)), ("y", SVGWriter.number(baseline - height)),
                ("width", SVGWriter.number(width)), ("height", SVGWriter.number(height)),
            ] + SVGPaint.attributes(step.fillColor, "fill") + SVGPaint.attributes(step.edgeColor, "stroke")
              + [("stroke-width", SVGWriter.number(step.lineWidth))])
        case .image, .text:
            break   // never legend entries
        }
    }
}
