/// Data for one coordinate: numbers, or strings that make the axis categorical.
public enum PlotValues: Equatable, Sendable {
    case numbers([Double])
    case categories([String])
}

/// One positional argument of `plot`: data, or a format string (`'r--'`).
public enum PlotArgument: Equatable, Sendable {
    case data(PlotValues)
    case format(String)
}

/// Keyword arguments of `plot`; nil means matplotlib's default.
public struct LineOptions: Equatable, Sendable {
    public var label: String?
    public var color: PlotColor?
    public var lineStyle: LineStyle?
    /// `.some(nil)` is an explicit "no marker" (`marker=''`).
    public var marker: Marker??
    public var lineWidth: Double?
    public var markerSize: Double?
    public var markerFaceColor: PlotColor?
    public var alpha: Double?
    public init() {}
}

/// `scatter`'s `c=`: one colour, one per point, or numbers for a colormap.
public enum ScatterColors: Equatable, Sendable {
    case single(PlotColor)
    case perPoint([PlotColor])
    case values([Double])
}

/// Keyword arguments of `scatter`.
public struct ScatterOptions: Equatable, Sendable {
    /// `s=`: marker areas in points², one for all or one per point.
    public var sizes: [Double]?
    public var colors: ScatterColors?
    public var marker: Marker = .circle
    public var alpha: Double?
    public var label: String?
    public var edgeColors: [PlotColor]?
    public var lineWidth: Double?
    /// `cmap=` for numeric colours; `'viridis'` by default.
    public var colormap: String?
    public var vmin: Double?
    public var vmax: Double?
    public init() {}
}

/// Keyword arguments of `bar`.
public struct BarOptions: Equatable, Sendable {
    public enum Alignment: String, Sendable { case center, edge }
    /// One for all bars or one per bar.
    public var widths: [Double] = [0.8]
    public var bottoms: [Double] = [0]
    public var alignment: Alignment = .center
    /// Cycled over the bars when fewer than the bars.
    public var colors: [PlotColor]?
    public var edgeColor: PlotColor?
    public var lineWidth: Double?
    public var label: String?
    public var alpha: Double?
    /// `tick_label=`: one text per bar, shown under it.
    public var tickLabels: [String]?
    public init() {}
}

/// Keyword arguments of `hist`.
public struct HistogramOptions: Equatable, Sendable {
    public enum Style: String, Sendable {
        case bar, step
        case stepFilled = "stepfilled"
    }

    public var bins: Histogram.Bins = .count(10)
    public var range: AxisRange?
    public var density = false
    public var style: Style = .bar
    public var color: PlotColor?
    public var edgeColor: PlotColor?
    public var lineWidth: Double?
    public var label: String?
    public var alpha: Double?
    /// `rwidth=`: bar width as a fraction of the bin.
    public var relativeWidth: Double?
    public init() {}
}
