/// An RGBA colour, components in 0…1, parsed as `matplotlib.colors.to_rgba` does.
public struct PlotColor: Equatable, Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xff) / 255, green: Double((hex >> 8) & 0xff) / 255,
                  blue: Double(hex & 0xff) / 255, alpha: alpha)
    }

    /// matplotlib's default colour cycle (`tab10`), also `C0`…`C9`.
    public static let tab10: [PlotColor] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { PlotColor(hex: $0) }

    static let tableauNames = ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"]

    /// The one-letter colours of format strings (`'r'`, `'k'`…).
    static let baseColors: [Character: PlotColor] = [
        "b": PlotColor(red: 0, green: 0, blue: 1), "g": PlotColor(red: 0, green: 0.5, blue: 0),
        "r": PlotColor(red: 1, green: 0, blue: 0), "c": PlotColor(red: 0, green: 0.75, blue: 0.75),
        "m": PlotColor(red: 0.75, green: 0, blue: 0.75), "y": PlotColor(red: 0.75, green: 0.75, blue: 0),
        "k": PlotColor(red: 0, green: 0, blue: 0), "w": PlotColor(red: 1, green: 1, blue: 1),
    ]

    public static let black = PlotColor(red: 0, green: 0, blue: 0)
    /// `'none'`: nothing is painted.
    public static let transparent = PlotColor(red: 0, green: 0, blue: 0, alpha: 0)

    /// A colour given as a string: `'red'`, `'r'`, `'C3'`, `'tab:orange'`,
    /// `'#1f77b4'`, `'#1f77b480'`, `'#abc'`, a grey level `'0.8'`, or `'none'`.
    public static func parse(_ spec: String) throws -> PlotColor {
        if let color = lookUp(spec) { return color }
        throw PlotError.value("Invalid RGBA argument: \(pythonRepr(spec))")
    }

    /// A colour given as a tuple of three or four numbers in 0…1.
    public static func fromComponents(_ components: [Double]) throws -> PlotColor {
        guard components.count == 3 || components.count == 4 else {
            throw PlotError.value("RGBA sequence should have length 3 or 4")
        }
        guard components.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw PlotError.value("RGBA values should be within 0-1 range")
        }
        return PlotColor(red: components[0], green: components[1], blue: components[2],
                         alpha: components.count == 4 ? components[3] : 1)
    }

    static func lookUp(_ spec: String) -> PlotColor? {
        if spec.lowercased() == "none" { return .transparent }
        if spec.count == 1, let letter = spec.first, let base = baseColors[letter] { return base }
        if spec.hasPrefix("C"), let n = Int(spec.dropFirst()), n >= 0, spec.dropFirst().allSatisfy(\.isASCII) {
            return tab10[n % tab10.count]
        }
        if spec.hasPrefix("#") { return hexColor(spec.dropFirst()) }
        let name = spec.lowercased()
        if name.hasPrefix("tab:") {
            let colour = String(name.dropFirst(4)).replacingOccurrences(of: "grey", with: "gray")
            return tableauNames.firstIndex(of: colour).map { tab10[$0] }
        }
        if let hex = cssNames[name] { return PlotColor(hex: hex) }
        // A grey level: a string holding one number in 0…1.
        if spec.allSatisfy({ "0123456789.eE+-".contains($0) }), let level = Double(spec), level >= 0, level <= 1 {
            return PlotColor(red: level, green: level, blue: level)
        }
        return nil
    }

    private static func hexColor(_ digits: Substring) -> PlotColor? {
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let expanded: String
        switch digits.count {
        case 3, 4: expanded = digits.map { "\($0)\($0)" }.joined()
        case 6, 8: expanded = String(digits)
        default: return nil
        }
        guard let value = UInt64(expanded, radix: 16) else { return nil }
        if expanded.count == 8 {
            return PlotColor(hex: UInt32(value >> 8), alpha: Double(value & 0xff) / 255)
        }
        return PlotColor(hex: UInt32(value))
    }

    /// This colour with `alpha` replaced, as an artist's `alpha=` does.
    public func withAlpha(_ alpha: Double?) -> PlotColor {
        guard let alpha else { return self }
        var c = self
        c.alpha = alpha
        return c
    }
}
