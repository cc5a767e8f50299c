/// Text extents in DejaVu Sans (what matplotlib draws with), without
/// kerning: enough to lay out labels, legends and margins the way matplotlib
/// does. Sizes are in points; a browser substituting another font shifts
/// text slightly but never the layout.
enum TextMetrics {
    /// Height above the baseline of a line of text, in ems: matplotlib sizes
    /// every line like the string "lp".
    static let ascent = 0.7597656
    /// Depth below the baseline, in ems.
    static let descent = 0.2403125
    /// A line's full height in ems.
    static var lineHeight: Double { ascent + descent }
    /// Superscripts (log tick exponents) are drawn at this fraction of the
    /// font size, as mathtext does.
    static let superscriptScale = 0.7

    /// Advance width of `text` at `size` points.
    static func width(_ text: String, size: Double) -> Double {
        var units = 0.0
        for scalar in text.unicodeScalars {
            units += Double(advance(of: scalar.value))
        }
        return units / unitsPerEm * size
    }

    private static func advance(of codePoint: UInt32) -> UInt16 {
        if codePoint >= 0x20 && codePoint < 0x7F { return asciiAdvances[Int(codePoint - 0x20)] }
        if let known = otherAdvances[codePoint] { return known }
        // Wide scripts (CJK, emoji) take a full em; anything else an average glyph.
        return codePoint >= 0x2E80 ? 2048 : 1229
    }

    /// Width of a tick label, its exponent set smaller.
    static func width(_ label: TickLabel, size: Double) -> Double {
        width(label.text, size: size) + (label.exponent.map { width($0, size: size * superscriptScale) } ?? 0)
    }
}
