import Foundation

/// Builds SVG text with numbers at a fixed precision (hundredths of a
/// point), so the same figure always gives the same bytes.
struct SVGWriter {
    private(set) var text = ""

    init() {
        text.reserveCapacity(16_384)
    }

    /// A coordinate or length: two decimals (half away from zero), trailing
    /// zeros dropped, no `-0`. Hand-rolled because paths have many of them.
    static func number(_ value: Double) -> String {
        let scaled = (value * 100).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return value.isFinite ? String(format: "%.0f", value) : "0" }
        let hundredths = Int64(scaled)
        let magnitude = hundredths.magnitude
        var s = hundredths < 0 ? "-" : ""
        s += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            s += fraction < 10 ? ".0" : "."
            s += String(fraction % 10 == 0 ? fraction / 10 : fraction)
        }
        return s
    }

    /// An opacity or other fraction: three decimals.
    static func fraction(_ value: Double) -> String {
        var s = String(format: "%.3f", min(max(value, 0), 1))
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    mutating func raw(_ s: String) {
        text += s
    }

    mutating func line(_ s: String) {
        text += s
        text += "\n"
    }

    /// `<tag a="v" …/>` with attribute values escaped.
    /// `<tag a="v" …/>` with attribute values escaped; `close: false` leaves
    /// the element open (`<tag …>`) for content that follows on the same line.
    mutating func element(_ tag: String, _ attributes: [(String, String)], close: Bool = true) {
        text += "<" + tag
        for (name, value) in attributes {
            text += " " + name + "=\"" + MarkupText.escaped(value) + "\""
        }
        text += close ? "/>\n" : ">"
    }

    /// Text content, escaped.
    mutating func content(_ s: String) {
        text += MarkupText.escaped(s)
    }
}

/// A path's `d` attribute, built point by point.
struct SVGPath {
    private(set) var d = ""

    var isEmpty: Bool { d.isEmpty }

    mutating func move(_ x: Double, _ y: Double) {
        d += (d.isEmpty ? "M" : " M") + SVGWriter.number(x) + " " + SVGWriter.number(y)
    }

    mutating func lineTo(_ x: Double, _ y: Double) {
        d += " L" + SVGWriter.number(x) + " " + SVGWriter.number(y)
    }

    mutating func close() {
        d += " Z"
    }

    /// A full circle as two arcs.
    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double) {
        let rs = SVGWriter.number(r)
        move(cx + r, cy)
        d += " A" + rs + " " + rs + " 0 1 0 " + SVGWriter.number(cx - r) + " " + SVGWriter.number(cy)
        d += " A" + rs + " " + rs + " 0 1 0 " + SVGWriter.number(cx + r) + " " + SVGWriter.number(cy) + " Z"
    }

    /// A polygon or polyline through `points`.
    mutating func polygon(_ points: [(Double, Double)], closed: Bool) {
        guard let first = points.first else { return }
        move(first.0, first.1)
        for p in points.dropFirst() { lineTo(p.0, p.1) }
        if closed { close() }
    }
}
