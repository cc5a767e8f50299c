import PyInterpreter

/// Colours as SVG paint. Pure black — matplotlib's colour for axes, ticks,
/// text and `'k'` data — becomes `currentColor`, so figures follow the
/// page's text colour in light and dark themes; other colours stay as given.
enum SVGPaint {
    /// `#rrggbb` as matplotlib's `to_hex` rounds (half to even).
    static func hex(_ c: PlotColor) -> String {
        func byte(_ v: Double) -> Int { Int((min(max(v, 0), 1) * 255).rounded(.toNearestOrEven)) }
        let digits = "0123456789abcdef".map { $0 }
        var s = "#"
        for v in [c.red, c.green, c.blue] {
            let b = byte(v)
            s.append(digits[b / 16])
            s.append(digits[b % 16])
        }
        return s
    }

    /// `fill`/`stroke` and its opacity attribute; `none` when invisible.
    static func attributes(_ color: PlotColor?, _ property: String) -> [(String, String)] {
        guard let color, color.alpha > 0 else { return [(property, "none")] }
        let isBlack = color.red == 0 && color.green == 0 && color.blue == 0
        var result = [(property, isBlack ? "currentColor" : hex(color))]
        if color.alpha < 1 { result.append((property + "-opacity", SVGWriter.fraction(color.alpha))) }
        return result
    }

    /// A grey that should read as a faint version of the text colour in both
    /// themes (grid `#b0b0b0`, legend edge `#cccccc`): currentColor at the
    /// opacity that gives that grey on white.
    static func faintInk(grey: Double, _ property: String) -> [(String, String)] {
        [(property, "currentColor"), (property + "-opacity", SVGWriter.fraction(1 - grey))]
    }
}
