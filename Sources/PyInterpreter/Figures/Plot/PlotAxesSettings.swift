/// How one axis maps data to position.
public enum AxisScale: String, Equatable, Sendable {
    case linear
    case log

    /// `set_xscale(name)`: `'linear'` or `'log'` (matplotlib's other scales are
    /// not drawn here and say so).
    public static func parse(_ name: String) throws -> AxisScale {
        if let scale = AxisScale(rawValue: name) { return scale }
        let known = ["asinh", "function", "functionlog", "linear", "log", "logit", "mercator", "symlog"]
        if known.contains(name) {
            throw PlotError.value("the \(pythonRepr(name)) scale is not supported here; use 'linear' or 'log'")
        }
        throw PlotError.value("\(pythonRepr(name)) is not a valid value for scale; supported values are "
                              + known.map(pythonRepr).joined(separator: ", "))
    }
}

/// A closed interval of data values shown along an axis (`lower` may exceed
/// `upper` for an inverted axis).
public struct AxisRange: Equatable, Sendable {
    public var lower: Double
    public var upper: Double
    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

/// Everything about the x or y axis of an Axes besides its data.
public struct AxisSettings: Equatable, Sendable {
    public var scale: AxisScale = .linear
    public var label: String?
    /// Set by `set_xlim`; nil while the axis autoscales to its data.
    public var limits: AxisRange?
    /// Category names when the data on this axis were strings, in order of
    /// first appearance; each sits at its index.
    public var categories: [String] = []
    /// Ticks set by `set_xticks`/`plt.xticks`, with optional labels.
    public var fixedTicks: [Double]?
    public var fixedTickLabels: [String]?
    /// Grid lines at the major ticks, and how they look.
    public var grid: GridStyle?
    /// Style requested for grid lines, kept while the grid is toggled off.
    var gridStyle = GridStyle()

    public init() {}
}

/// `grid.*` rcParams: light grey 0.8pt solid lines.
public struct GridStyle: Equatable, Sendable {
    public var color = PlotColor(hex: 0xb0b0b0)
    public var lineStyle = LineStyle.solid
    public var lineWidth = 0.8
    public var alpha = 1.0
    public init() {}
}

/// Where a legend goes (`loc=`), with matplotlib's codes 0…10.
public enum LegendLocation: String, Equatable, Sendable, CaseIterable {
    case best
    case upperRight = "upper right"
    case upperLeft = "upper left"
    case lowerLeft = "lower left"
    case lowerRight = "lower right"
    case right
    case centerLeft = "center left"
    case centerRight = "center right"
    case lowerCenter = "lower center"
    case upperCenter = "upper center"
    case center

    public static func parse(_ name: String) throws -> LegendLocation {
        if let location = LegendLocation(rawValue: name) { return location }
        throw PlotError.value("\(pythonRepr(name)) is not a valid value for loc; supported values are "
                              + allCases.map { pythonRepr($0.rawValue) }.joined(separator: ", "))
    }

    public static func fromCode(_ code: Int) throws -> LegendLocation {
        guard allCases.indices.contains(code) else {
            throw PlotError.value("loc must be string, coordinate tuple, or an integer 0-10, not \(code)")
        }
        return allCases[code]
    }
}

/// `ax.legend(...)`.
public struct PlotLegend: Equatable, Sendable {
    public var location: LegendLocation = .best
    public var frameOn = true
    public var title: String?
    public var columns = 1
    /// Points; nil for the default (10).
    public var fontSize: Double?
    public init() {}
}

/// A subplot's cell in its figure's grid (`subplot(nrows, ncols, index)`).
public struct GridSlot: Equatable, Sendable {
    public var rows: Int
    public var columns: Int
    /// Zero-based.
    public var row: Int
    public var column: Int
    public init(rows: Int, columns: Int, row: Int, column: Int) {
        self.rows = rows
        self.columns = columns
        self.row = row
        self.column = column
    }
}
