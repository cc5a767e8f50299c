/// matplotlib's `fmt` argument of `plot` (`'r--'`, `'o-'`, `'C2:'`, `'k'`):
/// optional colour, marker and line style, in any order.
public struct FormatString: Equatable, Sendable {
    public var color: PlotColor?
    public var marker: Marker?
    /// nil only when the string set neither a style nor a marker (then the
    /// line is solid); a marker alone means no line.
    public var lineStyle: LineStyle

    /// Parses as `matplotlib.axes._base._process_plot_format`.
    public static func parse(_ fmt: String) throws -> FormatString {
        // A whole colour spec ("red", "tab:blue", "0.5") — except "0" and "1",
        // which are the tri_down marker and its neighbour, not grey levels.
        if fmt != "0" && fmt != "1", let color = PlotColor.lookUp(fmt) {
            return FormatString(color: color, marker: nil, lineStyle: .solid)
        }
        func failure(_ reason: String) -> PlotError {
            .value("\(pythonRepr(fmt)) is not a valid format string (\(reason))")
        }
        var style: LineStyle?
        var marker: Marker?
        var markerSet = false
        var color: PlotColor?
        let chars = Array(fmt)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let pair = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
            if pair == "--" || pair == "-." {
                if style != nil { throw failure("two linestyle symbols") }
                style = try LineStyle.parse(pair)
                i += 2
            } else if c == "-" || c == ":" || c == " " {
                if style != nil { throw failure("two linestyle symbols") }
                style = try LineStyle.parse(String(c))
                i += 1
            } else if let m = Marker(rawValue: String(c)) {
                if markerSet { throw failure("two marker symbols") }
                marker = m
                markerSet = true
                i += 1
            } else if let base = PlotColor.baseColors[c] {
                if color != nil { throw failure("two color symbols") }
                color = base
                i += 1
            } else if c == "C" {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                guard j > i + 1, let n = Int(String(chars[(i + 1)..<j])) else {
                    throw failure("'C' must be followed by a number")
                }
                // matplotlib lets a `C<n>` replace an earlier colour without complaint.
                color = PlotColor.tab10[n % PlotColor.tab10.count]
                i = j
            } else {
                throw failure("unrecognized character \(pythonRepr(String(c)))")
            }
        }
        let lineStyle: LineStyle = style ?? (markerSet ? .none : .solid)
        return FormatString(color: color, marker: marker, lineStyle: lineStyle)
    }
}
