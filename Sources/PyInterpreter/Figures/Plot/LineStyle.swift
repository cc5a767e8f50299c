/// How a line is stroked (`linestyle=`).
public enum LineStyle: String, Equatable, Sendable {
    case solid = "-"
    case dashed = "--"
    case dashDot = "-."
    case dotted = ":"
    case none = "None"

    /// `'-'`, `'--'`, `'-.'`, `':'`, their names (`'dashed'`…), or
    /// `'None'`/`'none'`/`' '`/`''` for no line.
    public static func parse(_ spec: String) throws -> LineStyle {
        switch spec {
        case "-", "solid": return .solid
        case "--", "dashed": return .dashed
        case "-.", "dashdot": return .dashDot
        case ":", "dotted": return .dotted
        case "None", "none", " ", "": return .none
        default:
            throw PlotError.value("\(pythonRepr(spec)) is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'")
        }
    }

    /// Dash and gap lengths in units of the line width (matplotlib's
    /// `lines.*_pattern`, scaled by the width); nil for a solid line.
    public var dashPattern: [Double]? {
        switch self {
        case .solid, .none: return nil
        case .dashed: return [3.7, 1.6]
        case .dashDot: return [6.4, 1.6, 1, 1.6]
        case .dotted: return [1, 1.65]
        }
    }
}

/// A marker symbol (`marker=`), named by its matplotlib character.
public enum Marker: String, Equatable, Sendable, CaseIterable {
    case point = "."
    case pixel = ","
    case circle = "o"
    case triangleDown = "v"
    case triangleUp = "^"
    case triangleLeft = "<"
    case triangleRight = ">"
    case triDown = "1"
    case triUp = "2"
    case triLeft = "3"
    case triRight = "4"
    case octagon = "8"
    case square = "s"
    case pentagon = "p"
    case star = "*"
    case hexagon1 = "h"
    case hexagon2 = "H"
    case plus = "+"
    case x = "x"
    case diamond = "D"
    case thinDiamond = "d"
    case vline = "|"
    case hline = "_"
    case plusFilled = "P"
    case xFilled = "X"

    /// A marker character; `'None'`, `'none'`, `' '` and `''` mean no marker (nil).
    public static func parse(_ spec: String) throws -> Marker? {
        if ["None", "none", " ", ""].contains(spec) { return nil }
        if let marker = Marker(rawValue: spec) { return marker }
        throw PlotError.value("Unrecognized marker style \(pythonRepr(spec))")
    }

    /// Markers drawn as strokes only, which have no face to fill.
    public var isFilled: Bool {
        switch self {
        case .triDown, .triUp, .triLeft, .triRight, .plus, .x, .vline, .hline: return false
        default: return true
        }
    }
}
