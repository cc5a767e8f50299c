/// What an Axes draws, in the order it was added. Colours are resolved when
/// the artist is created (property cycle, colormaps), so the renderer only paints.
public enum PlotArtist: Equatable, Sendable {
    case line(PlotLine)
    case scatter(PlotScatter)
    case bars(PlotBars)
    case step(PlotStepOutline)
    case image(PlotImage)
    case text(PlotText)

    /// Images and texts never appear in a legend, so they have no label.
    public var label: String? {
        switch self {
        case .line(let a): return a.label
        case .scatter(let a): return a.label
        case .bars(let a): return a.label
        case .step(let a): return a.label
        case .image, .text: return nil
        }
    }

    /// Whether `legend(labels)` hands this artist a label.
    var isLegendable: Bool {
        switch self {
        case .image, .text: return false
        case .line, .scatter, .bars, .step: return true
        }
    }
}

/// `plot`: a polyline through the points, with optional markers at them.
public struct PlotLine: Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: PlotColor
    public var lineStyle: LineStyle
    /// Points.
    public var lineWidth: Double
    public var marker: Marker?
    /// Points (the marker's nominal diameter).
    public var markerSize: Double
    /// nil: the line colour.
    public var markerFaceColor: PlotColor?
}

/// `scatter`: one marker per point; sizes are areas in points², one for all
/// or one per point, and colours likewise.
public struct PlotScatter: Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    public var sizes: [Double]
    public var colors: [PlotColor]
    /// nil: the face colour (matplotlib's `edgecolors='face'`).
    public var edgeColors: [PlotColor]?
    public var lineWidth: Double
    public var marker: Marker
    public var label: String?
}

/// `bar` and `hist(histtype='bar')`: rectangles from `bottoms[i]` to
/// `bottoms[i] + heights[i]`, spanning `lefts[i]` to `lefts[i] + widths[i]`.
public struct PlotBars: Equatable, Sendable {
    public var lefts: [Double]
    public var widths: [Double]
    public var bottoms: [Double]
    public var heights: [Double]
    /// One per bar.
    public var colors: [PlotColor]
    public var edgeColor: PlotColor?
    public var lineWidth: Double
    public var label: String?
    /// `hist` puts its label on the first rectangle, so its legend entry keeps
    /// its place among lines; `bar` puts it on the container, listed after them.
    public var isHistogram: Bool
}

/// `hist(histtype='step' | 'stepfilled')`: the outline of the histogram.
public struct PlotStepOutline: Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    /// nil: no outline (`stepfilled`'s default).
    public var edgeColor: PlotColor?
    /// nil for `step` (outline only).
    public var fillColor: PlotColor?
    public var lineWidth: Double
    public var label: String?
}
