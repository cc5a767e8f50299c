/// `imshow`: a grid of coloured cells covering `extent`. Row 0 is at `top`
/// when the origin is upper (matplotlib's default), at `bottom` otherwise;
/// column 0 is at `left`.
public struct PlotImage: Equatable, Sendable {
    public var rows: Int
    public var columns: Int
    /// One per cell, row by row; transparent for NaN (matplotlib's "bad" colour).
    public var colors: [PlotColor]
    public var left: Double
    public var right: Double
    public var bottom: Double
    public var top: Double
    public var originUpper: Bool

    /// The data rectangle of cell (row, column): x from `x0` to `x1`, y from `y0` to `y1`.
    public func cell(row: Int, column: Int) -> (x0: Double, x1: Double, y0: Double, y1: Double) {
        let (x0, y0) = edge(row: row, column: column)
        let (x1, y1) = edge(row: row + 1, column: column + 1)
        return (x0, x1, y0, y1)
    }

    /// The corner where row `row` and column `column` start (edges run 0…rows, 0…columns).
    public func edge(row: Int, column: Int) -> (x: Double, y: Double) {
        let x = left + Double(column) * (right - left) / Double(columns)
        let (start, end) = originUpper ? (top, bottom) : (bottom, top)
        return (x, start + Double(row) * (end - start) / Double(rows))
    }
}

/// `text(x, y, s)`: a string at a data point, aligned around it. Not clipped
/// to the axes and not part of the data limits, as in matplotlib.
public struct PlotText: Equatable, Sendable {
    public enum Horizontal: String, Sendable, CaseIterable { case left, center, right }
    public enum Vertical: String, Sendable, CaseIterable {
        case top, bottom, center, baseline
        case centerBaseline = "center_baseline"
    }

    public var x: Double
    public var y: Double
    public var text: String
    public var horizontal: Horizontal = .left
    public var vertical: Vertical = .baseline
    public var color: PlotColor = .black
    /// Points (rcParams `font.size`).
    public var fontSize: Double = 10

    public init(x: Double, y: Double, text: String) {
        self.x = x
        self.y = y
        self.text = text
    }
}

/// The ratio of a y unit to an x unit on screen, and what gives way to keep
/// it: the axes box (imshow, `set_aspect`) or the view limits (`axis('equal')`).
public struct AxesAspect: Equatable, Sendable {
    public enum Adjustable: String, Sendable { case box, datalim }
    public var ratio: Double
    public var adjustable: Adjustable
    public init(ratio: Double, adjustable: Adjustable) {
        self.ratio = ratio
        self.adjustable = adjustable
    }
}

/// Keyword arguments of `imshow`; nil means matplotlib's default.
public struct ImageOptions: Equatable, Sendable {
    public enum Aspect: Equatable, Sendable {
        case auto
        case ratio(Double)
    }

    /// `'viridis'` by default.
    public var colormap: String?
    public var vmin: Double?
    public var vmax: Double?
    public var alpha: Double?
    /// `'upper'` unless given.
    public var originUpper = true
    /// (left, right, bottom, top).
    public var extent: [Double]?
    /// `'equal'` (ratio 1) by default.
    public var aspect: Aspect = .ratio(1)
    public init() {}
}

extension PlotAxes {
    /// `imshow(X)` for a rows × columns grid of values (row by row): values
    /// normalised to vmin…vmax (the data's range by default) and coloured
    /// through the colormap; the view becomes exactly the image (y inverted
    /// for origin 'upper') with square cells unless `aspect='auto'`.
    @discardableResult
    public func imshow(_ values: [Double], rows: Int, columns: Int, options: ImageOptions = ImageOptions()) throws -> PlotImage {
        guard rows > 0, columns > 0, values.count == rows * columns else {
            throw PlotError.value("Invalid shape (\(rows), \(columns)) for image data")
        }
        let map = try Colormap.named(options.colormap ?? "viridis")
        if let lo = options.vmin, let hi = options.vmax, lo > hi {
            throw PlotError.value("minvalue must be less than or equal to maxvalue")
        }
        var colors = map.colors(for: values, vmin: options.vmin, vmax: options.vmax)
        if let alpha = options.alpha {
            colors = colors.map { $0.alpha > 0 ? $0.withAlpha(alpha) : $0 }
        }
        let extent: [Double]
        if let given = options.extent {
            guard given.count == 4 else { throw PlotError.value("extent must be a sequence of 4 numbers (left, right, bottom, top)") }
            guard given.allSatisfy(\.isFinite) else { throw PlotError.value("extent values must be finite") }
            extent = given
        } else {
            let (r, c) = (Double(rows), Double(columns))
            extent = options.originUpper ? [-0.5, c - 0.5, r - 0.5, -0.5] : [-0.5, c - 0.5, -0.5, r - 0.5]
        }
        let image = PlotImage(rows: rows, columns: columns, colors: colors, left: extent[0], right: extent[1],
                              bottom: extent[2], top: extent[3], originUpper: options.originUpper)
        artists.append(.image(image))
        // `AxesImage.set_extent` sets the view to the extent.
        xAxis.limits = AxisRange(extent[0], extent[1])
        yAxis.limits = AxisRange(extent[2], extent[3])
        switch options.aspect {
        case .auto: aspect = nil
        case .ratio(let r):
            guard r.isFinite, r > 0 else { throw PlotError.value("aspect must be finite and positive") }
            aspect = AxesAspect(ratio: r, adjustable: .box)
        }
        return image
    }

    /// `text(x, y, s, …)`.
    public func addText(_ text: PlotText) {
        artists.append(.text(text))
    }

    /// `axis('on' | 'off' | 'equal' | 'scaled' | 'image' | 'auto' | 'tight')`:
    /// returns the view limits (xmin, xmax, ymin, ymax) afterwards, as
    /// matplotlib does. The aspect options autoscale the view again first
    /// (keeping an inverted axis inverted); `'tight'` and `'image'` without margins.
    @discardableResult
    public func axis(_ option: String) throws -> (AxisRange, AxisRange) {
        let mode = option.lowercased()
        switch mode {
        case "on": axisOn = true
        case "off": axisOn = false
        case "equal", "scaled", "image", "auto", "tight":
            aspect = nil
            rescale(tight: mode == "tight" || mode == "image")
            switch mode {
            case "equal": aspect = AxesAspect(ratio: 1, adjustable: .datalim)
            case "scaled", "image": aspect = AxesAspect(ratio: 1, adjustable: .box)
            default: break
            }
        default:
            throw PlotError.value("Unrecognized string \(pythonRepr(option)) to axis; try 'on' or 'off'")
        }
        return (xLimits(), yLimits())
    }

    /// Autoscales both axes to the data again, an inverted axis staying inverted.
    private func rescale(tight: Bool) {
        func rescaled(_ axis: inout AxisSettings, isX: Bool) {
            let wasInverted = axis.limits.map { $0.lower > $0.upper } ?? false
            let range = Self.autoscaled(dataInterval(x: isX), scale: axis.scale, stickies: stickyEdges(x: isX),
                                        margin: tight ? 0 : 0.05)
            axis.limits = wasInverted ? AxisRange(range.upper, range.lower) : (tight ? range : nil)
        }
        rescaled(&xAxis, isX: true)
        rescaled(&yAxis, isX: false)
    }

    /// `axis([xmin, xmax, ymin, ymax])`.
    @discardableResult
    public func axis(limits: [Double]) throws -> (AxisRange, AxisRange) {
        guard limits.count == 4 else {
            throw PlotError.type("The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]")
        }
        try setXLimits(lower: limits[0], upper: limits[1])
        try setYLimits(lower: limits[2], upper: limits[3])
        return (xLimits(), yLimits())
    }
}

extension PlotAxes {
    /// The view limits once a fixed aspect with `adjustable='datalim'` has
    /// widened one of them for a frame of `width` × `height` points, as
    /// matplotlib's `apply_aspect` does at draw time; otherwise `xLimits()`, `yLimits()`.
    public func limitsFittingAspect(width: Double, height: Double) -> (AxisRange, AxisRange) {
        let xr = xLimits(), yr = yLimits()
        guard let aspect, aspect.adjustable == .datalim, xAxis.scale == .linear, yAxis.scale == .linear,
              width > 0, height > 0 else { return (xr, yr) }
        let (xmin, xmax) = (Swift.min(xr.lower, xr.upper), Swift.max(xr.lower, xr.upper))
        let (ymin, ymax) = (Swift.min(yr.lower, yr.upper), Swift.max(yr.lower, yr.upper))
        let xsize = xmax - xmin, ysize = ymax - ymin
        guard xsize > 0, ysize > 0, xsize.isFinite, ysize.isFinite else { return (xr, yr) }
        let dataRatio = height / width / aspect.ratio
        let yExpander = dataRatio * xsize / ysize - 1
        guard Swift.abs(yExpander) >= 0.005 else { return (xr, yr) }
        let dx = dataInterval(x: true).map { $0.high - $0.low } ?? xsize
        let dy = dataInterval(x: false).map { $0.high - $0.low } ?? ysize
        let (xMargin, yMargin) = (xsize - 1.05 * dx, ysize - 1.05 * dy)
        let wantedY = dataRatio * xsize, wantedX = ysize / dataRatio
        let adjustY: Bool
        if xMargin > 0 && yMargin > 0 {
            adjustY = (wantedY - 1.05 * dy > 0 && yExpander < 0) || (wantedX - 1.05 * dx < 0 && yExpander > 0)
        } else {
            adjustY = yExpander > 0
        }
        // `set_ybound`/`set_xbound`: new bounds, the axis keeping its direction.
        func bounded(_ current: AxisRange, center: Double, size: Double) -> AxisRange {
            let (lo, hi) = (center - size / 2, center + size / 2)
            return current.lower > current.upper ? AxisRange(hi, lo) : AxisRange(lo, hi)
        }
        if adjustY { return (xr, bounded(yr, center: (ymin + ymax) / 2, size: wantedY)) }
        return (bounded(xr, center: (xmin + xmax) / 2, size: wantedX), yr)
    }
}
