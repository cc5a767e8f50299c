/// A listed colormap, looked up as matplotlib's `Colormap.__call__` does for
/// values normalised to 0…1: entry `floor(x · N)`, with 1 in the last entry
/// and values outside 0…1 in the end entries.
public struct Colormap: Equatable, Sendable {
    public let name: String
    let entries: [UInt32]

    public static func named(_ name: String) throws -> Colormap {
        switch name {
        case "viridis": return Colormap(name: name, entries: viridisTable)
        case "plasma": return Colormap(name: name, entries: plasmaTable)
        case "coolwarm": return Colormap(name: name, entries: coolwarmTable)
        case "tab10": return Colormap(name: name, entries: tab10Table)
        case "Blues": return Colormap(name: name, entries: bluesTable)
        case "Greys": return Colormap(name: name, entries: greysTable)
        case "gray", "grey": return Colormap(name: name, entries: grayTable)
        default:
            throw PlotError.value("\(pythonRepr(name)) is not a colormap supported here; supported values are 'viridis', 'plasma', 'coolwarm', 'tab10', 'Blues', 'Greys', 'gray'")
        }
    }

    public func color(at x: Double) -> PlotColor {
        guard !x.isNaN else { return .transparent }   // matplotlib's "bad" colour is transparent
        let n = entries.count
        let scaled = x * Double(n)
        let index = scaled >= Double(n) ? n - 1 : (scaled < 0 ? 0 : Int(scaled))
        return PlotColor(hex: entries[index])
    }

    /// `Normalize(vmin, vmax)` then the lookup; equal bounds map everything to 0.
    public func colors(for values: [Double], vmin: Double? = nil, vmax: Double? = nil) -> [PlotColor] {
        let finite = values.filter(\.isFinite)
        let lo = vmin ?? finite.min() ?? 0
        let hi = vmax ?? finite.max() ?? 1
        return values.map { v in
            color(at: hi == lo ? 0 : (v - lo) / (hi - lo))
        }
    }
}
