/// The plotting methods, with matplotlib's argument semantics.
extension PlotAxes {
    /// `plot(*args, **kwargs)`: groups of `x, y[, fmt]` or `y[, fmt]` (x is
    /// then 0…n−1), one line per group. Keyword options win over the format
    /// string; a line without a colour takes the next one in the cycle.
    @discardableResult
    public func plot(_ args: [PlotArgument], options: LineOptions = LineOptions()) throws -> [PlotLine] {
        var groups: [ArraySlice<PlotArgument>] = []
        var rest = args[...]
        while !rest.isEmpty {
            var end = rest.startIndex + min(2, rest.count)
            if end < rest.endIndex, case .format = rest[end] { end += 1 }
            groups.append(rest[rest.startIndex..<end])
            rest = rest[end...]
        }
        var lines: [PlotLine] = []
        for group in groups {
            var data: [PlotValues] = []
            var format: FormatString?
            for (k, argument) in group.enumerated() {
                switch argument {
                case .data(let values):
                    data.append(values)
                case .format(let fmt):
                    guard k == group.count - 1, k > 0 else {
                        throw PlotError.value("plot() takes x, y and a format string; a format string cannot come first")
                    }
                    format = try FormatString.parse(fmt)
                }
            }
            if data.count == 2 && format == nil && group.count == 3 {
                throw PlotError.value("third arg must be a format string")
            }
            let x: [Double], y: [Double]
            if data.count == 2 {
                x = Self.coordinates(data[0], on: &xAxis)
                y = Self.coordinates(data[1], on: &yAxis)
            } else {
                y = Self.coordinates(data[0], on: &yAxis)
                x = y.indices.map(Double.init)
            }
            guard x.count == y.count else {
                throw PlotError.value("x and y must have same first dimension, but have shapes (\(x.count),) and (\(y.count),)")
            }
            let marker: Marker? = options.marker ?? format?.marker
            let style = options.lineStyle ?? format?.lineStyle ?? .solid
            let color = (options.color ?? format?.color ?? nextLineColor()).withAlpha(options.alpha)
            let line = PlotLine(x: x, y: y, label: options.label, color: color, lineStyle: style,
                                lineWidth: options.lineWidth ?? 1.5, marker: marker,
                                markerSize: options.markerSize ?? 6,
                                markerFaceColor: options.markerFaceColor?.withAlpha(options.alpha))
            artists.append(.line(line))
            lines.append(line)
        }
        return lines
    }

    /// `scatter(x, y, s=None, c=None, …)`: default size 36 pt², colour from
    /// the patch cycle, numbers in `c` through a colormap (viridis).
    public func scatter(x xValues: PlotValues, y yValues: PlotValues, options: ScatterOptions = ScatterOptions()) throws {
        let x = Self.coordinates(xValues, on: &xAxis)
        let y = Self.coordinates(yValues, on: &yAxis)
        guard x.count == y.count else { throw PlotError.value("x and y must be the same size") }
        let sizes = options.sizes ?? [36]
        guard sizes.count == 1 || sizes.count == x.count else {
            throw PlotError.value("s must be a scalar, or float array-like with the same size as x and y")
        }
        var colors: [PlotColor]
        switch options.colors {
        case nil:
            colors = [nextPatchColor()]
        case .single(let c):
            colors = [c]
        case .perPoint(let list):
            guard list.count == 1 || list.count == x.count else {
                throw PlotError.value("'c' argument has \(list.count) elements, which is inconsistent with 'x' and 'y' with size \(x.count).")
            }
            colors = list
        case .values(let numbers):
            guard numbers.count == x.count else {
                throw PlotError.value("'c' argument has \(numbers.count) elements, which is inconsistent with 'x' and 'y' with size \(x.count).")
            }
            let map = try Colormap.named(options.colormap ?? "viridis")
            colors = map.colors(for: numbers, vmin: options.vmin, vmax: options.vmax)
        }
        if let alpha = options.alpha { colors = colors.map { $0.withAlpha(alpha) } }
        artists.append(.scatter(PlotScatter(
            x: x, y: y, sizes: sizes, colors: colors,
            edgeColors: options.edgeColors?.map { $0.withAlpha(options.alpha) },
            lineWidth: options.lineWidth ?? (options.marker.isFilled ? 1 : 1.5), marker: options.marker, label: options.label)))
    }

    /// `bar(x, height, width=0.8, bottom=0, align='center', …)`: scalars
    /// broadcast against the per-bar lists.
    public func bar(x xValues: PlotValues, heights: [Double], options: BarOptions = BarOptions()) throws {
        let x = Self.coordinates(xValues, on: &xAxis)
        let named: [(String, Int)] = [("'x'", x.count), ("'height'", heights.count),
                                      ("'width'", options.widths.count), ("'y'", options.bottoms.count)]
        let n = named.map(\.1).max() ?? 0
        if let bad = named.first(where: { $0.1 != 1 && $0.1 != n }), let other = named.first(where: { $0.1 == n }) {
            throw PlotError.value("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between \(other.0) with shape (\(other.1),) and \(bad.0) with shape (\(bad.1),).")
        }
        func at(_ list: [Double], _ i: Int) -> Double { list.count == 1 ? list[0] : list[i] }
        let widths = (0..<n).map { at(options.widths, $0) }
        let centers = (0..<n).map { at(x, $0) }
        let lefts = options.alignment == .center ? zip(centers, widths).map { $0 - $1 / 2 } : centers
        if let labels = options.tickLabels {
            guard labels.count == n || labels.count == 1 else {
                throw PlotError.value("The number of FixedLocator locations (\(n)), usually from a call to set_ticks, does not match the number of labels (\(labels.count)).")
            }
            xAxis.fixedTicks = centers
            xAxis.fixedTickLabels = labels.count == n ? labels : Array(repeating: labels[0], count: n)
        }
        let palette = options.colors ?? [nextPatchColor()]
        let colors = (0..<n).map { palette.isEmpty ? PlotColor.transparent : palette[$0 % palette.count].withAlpha(options.alpha) }
        artists.append(.bars(PlotBars(
            lefts: lefts, widths: widths, bottoms: (0..<n).map { at(options.bottoms, $0) },
            heights: (0..<n).map { at(heights, $0) }, colors: colors,
            edgeColor: options.edgeColor?.withAlpha(options.alpha), lineWidth: options.lineWidth ?? 1,
            label: options.label, isHistogram: false)))
    }

    /// `hist(x, bins=10, range=None, density=False, histtype='bar', …)`:
    /// counts as `numpy.histogram`, drawn as bars or a step outline; returns
    /// the counts and edges (`n, bins, patches = plt.hist(…)`).
    @discardableResult
    public func hist(_ values: [Double], options: HistogramOptions = HistogramOptions()) throws -> Histogram {
        let histogram = try Histogram.compute(values, bins: options.bins,
                                              range: options.range.map { ($0.lower, $0.upper) },
                                              density: options.density)
        let color = (options.color ?? nextLineColor()).withAlpha(options.alpha)
        let edges = histogram.edges, counts = histogram.counts
        switch options.style {
        case .bar:
            let fraction = min(max(options.relativeWidth ?? 1, 0), 1)
            var lefts: [Double] = [], widths: [Double] = []
            for i in counts.indices {
                let binWidth = edges[i + 1] - edges[i]
                let width = fraction * binWidth
                lefts.append(edges[i] + 0.5 * binWidth - width / 2)
                widths.append(width)
            }
            artists.append(.bars(PlotBars(
                lefts: lefts, widths: widths, bottoms: Array(repeating: 0, count: counts.count), heights: counts,
                colors: Array(repeating: color, count: counts.count),
                edgeColor: options.edgeColor?.withAlpha(options.alpha), lineWidth: options.lineWidth ?? 1,
                label: options.label, isHistogram: true)))
        case .step, .stepFilled:
            // (e0, 0), (e0, c0), (e1, c0), (e1, c1), …, (en, c_{n-1}), (en, 0)
            var x = [edges[0]], y = [0.0]
            for i in counts.indices {
                x += [edges[i], edges[i + 1]]
                y += [counts[i], counts[i]]
            }
            x.append(edges[edges.count - 1])
            y.append(0)
            let filled = options.style == .stepFilled
            artists.append(.step(PlotStepOutline(
                x: x, y: y, edgeColor: filled ? options.edgeColor?.withAlpha(options.alpha) : (options.edgeColor ?? color),
                fillColor: filled ? color : nil, lineWidth: options.lineWidth ?? 1, label: options.label)))
        }
        return histogram
    }
}
