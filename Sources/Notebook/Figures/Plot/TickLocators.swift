import Autograd
import Foundation

/// Where matplotlib puts ticks. Results include the ticks just outside the
/// view, as matplotlib's locators return them (the formatter sees them all);
/// the caller keeps those in view.
enum TickLocators {
    /// `MaxNLocator(nbins='auto', steps=[1, 2, 2.5, 5, 10])`, i.e. `AutoLocator`,
    /// with at least two ticks in view. `maxBins` is the axis's
    /// `get_tick_space()` clipped to 1…9.
    static func linear(_ vmin: Double, _ vmax: Double, maxBins: Int) -> [Double] {
        let (lo, hi) = nonsingular(vmin, vmax, expander: 1e-13, tiny: 1e-14)
        let nbins = Double(min(max(maxBins, 1), 9))
        let (scale, offset) = scaleRange(lo, hi, n: nbins)
        let low = lo - offset, high = hi - offset
        let steps = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20].map { $0 * scale }
        let rawStep = (high - low) / nbins
        let firstLarge = steps.firstIndex { $0 >= rawStep } ?? steps.count - 1
        var ticks: [Double] = []
        for step in steps[...firstLarge].reversed() {
            let best = PythonFloatMath.floorDivide(low, step) * step
            let edge = EdgeInteger(step: step, offset: offset)
            let first = edge.le(low - best), last = edge.ge(high - best)
            // Only a degenerate range (NaN, overflow) could ask for more.
            guard last - first <= 1000 else { continue }
            ticks = stride(from: first, through: last, by: 1).map { $0 * step + best }
            if ticks.filter({ $0 <= high && $0 >= low }).count >= 2 { break }
        }
        return ticks.map { $0 + offset }
    }

    /// `scale_range`: a power of ten near the step size, and an offset that
    /// keeps precision when the range sits far from zero.
    private static func scaleRange(_ vmin: Double, _ vmax: Double, n: Double) -> (Double, Double) {
        let dv = abs(vmax - vmin)
        let meanv = (vmax + vmin) / 2
        var offset = 0.0
        if abs(meanv) / dv >= 100 {
            offset = copysign(pow(10, PythonFloatMath.floorDivide(log10(abs(meanv)), 1)), meanv)
        }
        let scale = pow(10, PythonFloatMath.floorDivide(log10(dv / n), 1))
        return (scale, offset)
    }

    /// `_Edge_integer`: multiples of `step` with tolerance for rounding error.
    private struct EdgeInteger {
        let step: Double
        let offset: Double

        init(step: Double, offset: Double) {
            self.step = step
            self.offset = abs(offset)
        }

        func closeTo(_ ms: Double, _ edge: Double) -> Bool {
            var tolerance = 1e-10
            if offset > 0 {
                let digits = log10(offset / step)
                tolerance = min(0.4999, max(1e-10, pow(10, digits - 12)))
            }
            return abs(ms - edge) < tolerance
        }

        /// The largest n with n·step <= x.
        func le(_ x: Double) -> Double {
            let (d, m) = FloorDivision.divmod(x, step)
            return closeTo(m / step, 1) ? d + 1 : d
        }

        /// The smallest n with n·step >= x.
        func ge(_ x: Double) -> Double {
            let (d, m) = FloorDivision.divmod(x, step)
            return closeTo(m / step, 0) ? d : d + 1
        }
    }

    /// `transforms._nonsingular`, as the locators call it.
    static func nonsingular(_ v0: Double, _ v1: Double, expander: Double, tiny: Double) -> (Double, Double) {
        guard v0.isFinite && v1.isFinite else { return (-expander, expander) }
        var (vmin, vmax) = v0 <= v1 ? (v0, v1) : (v1, v0)
        let maxAbs = max(abs(vmin), abs(vmax))
        if maxAbs < (1e6 / tiny) * Double.leastNormalMagnitude {
            (vmin, vmax) = (-expander, expander)
        } else if vmax - vmin <= maxAbs * tiny {
            if vmax == 0 && vmin == 0 {
                (vmin, vmax) = (-expander, expander)
            } else {
                vmin -= expander * abs(vmin)
                vmax += expander * abs(vmax)
            }
        }
        return (vmin, vmax)
    }

    /// Ticks of a log axis: `LogLocator(base=10)` for the major ticks and
    /// `LogLocator(subs='auto')` for the minor ones (2…9 × 10^k), which falls
    /// back to `AutoLocator` when it would leave fewer than two ticks.
    /// `requested` is `get_tick_space()`; limits must be positive.
    static func log(_ vmin: Double, _ vmax: Double, requested: Int, minor: Bool) -> [Double] {
        var (lo, hi) = (vmin, vmax)
        if hi < lo { (lo, hi) = (hi, lo) }
        guard lo > 0, lo.isFinite, hi.isFinite else { return [] }
        var nRequest = min(max(requested, 2), 9)
        let efmin = log10(lo), efmax = log10(hi)
        let emin = Int(ceil(efmin)), emax = Int(floor(efmax))
        let nAvail = emax - emin + 1
        var subs: [Double] = [1]
        if minor {
            if nAvail >= 10 { return [] }
            subs = (2...9).map(Double.init)
        }
        var stride = pythonFloorDiv(nAvail, nRequest + 1) + 1
        let nr = Int(ceil(Double(nAvail) / Double(stride)))
        if nr <= nRequest { nRequest = nr }
        var decades: [Int]
        if nRequest == 0 {
            decades = [emin - 1, emax + 1]
            stride = decades[1] - decades[0]
        } else if nRequest == 1 {
            let mid = Int(((efmin + efmax) / 2).rounded(.toNearestOrEven))
            stride = max(mid - (emin - 1), (emax + 1) - mid)
            decades = [mid - stride, mid, mid + stride]
        } else {
            stride = pythonFloorDiv(nAvail - 1, nRequest - 1)
            if Double(stride) < Double(nAvail) / Double(nRequest) { stride = pythonFloorDiv(nAvail, nRequest) }
            let olo = max(nAvail - stride * nRequest, 0)
            let ohi = min(nAvail - stride * (nRequest - 1), stride)
            var offset = ((-emin) % stride + stride) % stride
            if !(olo <= offset && offset < ohi) { offset = olo }
            decades = Array(Swift.stride(from: emin + offset - stride, through: emax + stride, by: stride))
        }
        guard minor else { return decades.map { pow(10, Double($0)) } }
        var ticks: [Double] = []
        if stride == 1 || nAvail <= 1 {
            for decade in (emin - 1)...emax {
                ticks += subs.map { $0 * pow(10, Double(decade)) }
            }
        }
        let inView = ticks.filter { lo <= $0 && $0 <= hi }.count
        if stride == 1 && (decades.count - 2 + inView) <= 1 {
            return linear(lo, hi, maxBins: 9)
        }
        return ticks
    }

    private static func pythonFloorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
