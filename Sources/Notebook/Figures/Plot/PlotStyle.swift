import PyInterpreter

/// matplotlib's default font sizes and paddings, in points.
enum PlotStyle {
    static let fontFamily = "DejaVu Sans, Bitstream Vera Sans, Arial, Helvetica, sans-serif"
    static let tickLabelSize = 10.0
    static let axisLabelSize = 10.0
    static let titleSize = 12.0
    static let legendFontSize = 10.0
    static let suptitleSize = 12.0
    static let majorTickLength = 3.5
    static let majorTickWidth = 0.8
    static let minorTickLength = 2.0
    static let minorTickWidth = 0.6
    static let tickPad = 3.5
    static let labelPad = 4.0
    static let titlePad = 6.0
    static let offsetTextPad = 3.0
    static let spineWidth = 0.8
    /// Mathtext labels (log ticks: 10 with a raised exponent) sit a little
    /// lower and taller than plain text; measured from matplotlib's output.
    static let mathAscent = 0.8725
    static let mathDescent = 0.3075
    static let superscriptRise = 0.413
}

/// Writes text elements: escaped, at a baseline we computed (no reliance
/// on the browser's baseline alignment), exponents as a raised smaller tspan.
extension SVGWriter {
    enum Anchor: String { case start, middle, end }

    mutating func text(_ label: TickLabel, x: Double, baseline: Double, size: Double, anchor: Anchor,
                       rotateLeft: Bool = false, className: String? = nil) {
        var attributes: [(String, String)] = [("x", SVGWriter.number(x)), ("y", SVGWriter.number(baseline)),
                                              ("font-size", SVGWriter.number(size)), ("fill", "currentColor")]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if rotateLeft {
            attributes.append(("transform", "rotate(-90 \(SVGWriter.number(x)) \(SVGWriter.number(baseline)))"))
        }
        if let className { attributes.append(("class", className)) }
        element("text", attributes, close: false)
        content(label.text)
        if let exponent = label.exponent {
            let small = size * TextMetrics.superscriptScale
            raw("<tspan dy=\"\(SVGWriter.number(-PlotStyle.superscriptRise * size))\" font-size=\"\(SVGWriter.number(small))\">")
            content(exponent)
            raw("</tspan>")
        }
        raw("</text>\n")
    }

    mutating func text(_ string: String, x: Double, baseline: Double, size: Double, anchor: Anchor,
                       rotateLeft: Bool = false, className: String? = nil) {
        text(TickLabel(string), x: x, baseline: baseline, size: size, anchor: anchor,
             rotateLeft: rotateLeft, className: className)
    }
}

extension TickLabel {
    /// Height above the baseline and depth below, in points.
    func ascent(size: Double) -> Double { (exponent == nil ? TextMetrics.ascent : PlotStyle.mathAscent) * size }
    func descent(size: Double) -> Double { (exponent == nil ? TextMetrics.descent : PlotStyle.mathDescent) * size }
}
