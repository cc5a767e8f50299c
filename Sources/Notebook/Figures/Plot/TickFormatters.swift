import Foundation
import PyInterpreter

/// A tick label: plain text, or text followed by a superscript exponent
/// (`10` with `−2` for 10⁻², `2×10` with `0`).
struct TickLabel: Equatable {
    var text: String
    var exponent: String?

    init(_ text: String, exponent: String? = nil) {
        self.text = text
        self.exponent = exponent
    }

    /// The label as one string (`10^−2`), for tests and messages.
    var flattened: String { exponent.map { text + "^" + $0 } ?? text }
}

/// How matplotlib writes tick labels.
enum TickFormatters {
    /// `ScalarFormatter` with the default rcParams (offset on, offset
    /// threshold 4, scientific outside 1e-5…1e6, Unicode minus): one label per
    /// location, all with the same number of decimals, plus the offset text
    /// shown at the end of the axis (`1e6`, `+1e3`, `1e−5+1`).
    static func scalar(_ locs: [Double], view: AxisRange) -> (labels: [TickLabel], offsetText: String) {
        guard !locs.isEmpty else { return ([], "") }
        let (vmin, vmax) = view.sorted
        let visible = locs.filter { vmin <= $0 && $0 <= vmax }
        let offset = computeOffset(visible)
        let order = orderOfMagnitude(visible, offset: offset, vmin: vmin, vmax: vmax)
        let digits = decimals(locs, offset: offset, order: order, view: (vmin, vmax))
        let labels = locs.map { x -> TickLabel in
            var xp = (x - offset) / pow(10, Double(order))
            if abs(xp) < 1e-8 { xp = 0 }
            return TickLabel(PythonFloatMath.unicodeMinus(PythonFloatMath.fixed(xp, digits: digits)))
        }
        var offsetText = ""
        if order != 0 || offset != 0 {
            var offsetString = ""
            if offset != 0 {
                offsetString = formatData(offset)
                if offset > 0 { offsetString = "+" + offsetString }
            }
            let scientific = order != 0 ? "1e\(order)" : ""
            offsetText = PythonFloatMath.unicodeMinus(scientific + offsetString)
        }
        return (labels, offsetText)
    }

    /// `_compute_offset`: a round number subtracted from every label when the
    /// ticks share at least four leading digits (`offset_threshold`).
    private static func computeOffset(_ locs: [Double]) -> Double {
        guard let lmin = locs.min(), let lmax = locs.max(), lmin.isFinite, lmax.isFinite else { return 0 }
        if lmin == lmax || (lmin <= 0 && 0 <= lmax) { return 0 }
        let absMin = min(abs(lmin), abs(lmax)), absMax = max(abs(lmin), abs(lmax))
        let sign = copysign(1, lmin)
        let oomMax = ceil(log10(absMax))
        func floorDiv(_ a: Double, _ e: Double) -> Double { PythonFloatMath.floorDivide(a, pow(10, e)) }
        var oom = oomMax
        // Bounded: the quotients part long before 10^oom underflows.
        while floorDiv(absMin, oom) == floorDiv(absMax, oom), oom > -400 { oom -= 1 }
        oom += 1
        if (absMax - absMin) / pow(10, oom) <= 1e-2 {
            oom = oomMax
            while !(floorDiv(absMax, oom) - floorDiv(absMin, oom) > 1), oom > -400 { oom -= 1 }
            oom += 1
        }
        let threshold = 4.0
        return floorDiv(absMax, oom) >= pow(10, threshold - 1) ? sign * floorDiv(absMax, oom) * pow(10, oom) : 0
    }

    /// `_set_order_of_magnitude` with power limits (-5, 6).
    private static func orderOfMagnitude(_ locs: [Double], offset: Double, vmin: Double, vmax: Double) -> Int {
        guard !locs.isEmpty else { return 0 }
        let oom: Int
        if offset != 0 {
            oom = PythonFloatMath.int(floor(log10(vmax - vmin)))
        } else {
            let val = locs.map(abs).max() ?? 0
            oom = val == 0 || !val.isFinite ? 0 : PythonFloatMath.int(floor(log10(val)))
        }
        return (oom <= -5 || oom >= 6) ? oom : 0
    }

    /// `_set_format`: the fewest decimals that still tell the ticks apart.
    private static func decimals(_ locs: [Double], offset: Double, order: Int, view: (Double, Double)) -> Int {
        let all = locs.count < 2 ? locs + [view.0, view.1] : locs
        let scale = pow(10, Double(order))
        var values = all.map { ($0 - offset) / scale }
        var range = (values.max() ?? 0) - (values.min() ?? 0)
        if range == 0 { range = values.map(abs).max() ?? 0 }
        if range == 0 { range = 1 }
        if locs.count < 2 { values.removeLast(2) }
        let rangeOOM = range.isFinite ? PythonFloatMath.int(floor(log10(range))) : 0
        var sigfigs = max(0, 3 - rangeOOM)
        let threshold = 1e-3 * pow(10, Double(rangeOOM))
        while sigfigs >= 0 {
            let error = values.map { abs($0 - PythonFloatMath.round($0, decimals: sigfigs)) }.max() ?? 0
            if error < threshold { sigfigs -= 1 } else { break }
        }
        return sigfigs + 1
    }

    /// `format_data`: a number as `2e3`, `1.5e-4`, or plain when its exponent is 0.
    private static func formatData(_ value: Double) -> String {
        let e = PythonFloatMath.int(floor(log10(abs(value))))
        let s = PythonFloatMath.round(value / pow(10, Double(e)), decimals: 10)
        let significand = s.truncatingRemainder(dividingBy: 1) == 0 ? String(PythonFloatMath.int(s)) : String(format: "%1.10g", s)
        return e == 0 ? significand : "\(significand)e\(e)"
    }

    /// `LogFormatterSciNotation` (base 10): decades as 10^k; other ticks as
    /// c×10^k only when the view spans at most one decade tick, and then only
    /// some (`minor_thresholds=(1, 0.4)`).
    static func log(_ locs: [Double], view: AxisRange) -> [TickLabel?] {
        let (vmin, vmax) = view.sorted
        var sublabels: Set<Int>? = [1]
        if vmin > 0 {
            let lmin = Foundation.log(vmin) / Foundation.log(10.0), lmax = Foundation.log(vmax) / Foundation.log(10.0)
            let numTicks = floor(lmax) - floor(lmin.nextDown)
            let numDecades = abs(lmax - lmin)
            if numTicks > 1 {
                sublabels = [1]
            } else if numDecades > 0.4 {
                sublabels = [1, 2, 3, 4, 6, 10]   // round(geomspace(1, 10, 6))
            } else {
                sublabels = Set(1...10)
            }
        }
        return locs.map { x in
            guard x > 0, x.isFinite else { return nil }
            let fx = Foundation.log(x) / Foundation.log(10.0)
            let rounded = fx.rounded(.toNearestOrEven)
            let isDecade = isClose(fx, rounded)
            let exponent = isDecade ? rounded : floor(fx)
            let coefficient = PythonFloatMath.int(pow(10, fx - exponent).rounded(.toNearestOrEven))
            if let sublabels, !sublabels.contains(coefficient) { return nil }
            let power = PythonFloatMath.unicodeMinus(String(PythonFloatMath.int(exponent)))
            if isDecade { return TickLabel("10", exponent: power) }
            var c = pow(10, fx - exponent)
            if isClose(c, c.rounded(.toNearestOrEven)) { c = c.rounded(.toNearestOrEven) }
            return TickLabel(String(format: "%g", c) + "×10", exponent: power)
        }
    }

    /// `math.isclose` with its default relative tolerance.
    private static func isClose(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }
}

extension AxisRange {
    /// The limits in increasing order (an inverted axis has lower > upper).
    var sorted: (Double, Double) { lower <= upper ? (lower, upper) : (upper, lower) }
}
