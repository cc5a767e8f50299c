import Foundation

/// View limits: set by `set_xlim`, else autoscaled as matplotlib's
/// `autoscale_view` does — data limits, a 5% margin (in log space on a log
/// axis) that stops at sticky edges such as a bar's base, and widening of an
/// empty or single-valued range.
extension PlotAxes {
    /// The x range the axes show (`get_xlim()`).
    public func xLimits() -> AxisRange {
        xAxis.limits ?? Self.autoscaled(dataInterval(x: true), scale: xAxis.scale, stickies: stickyEdges(x: true))
    }

    /// The y range the axes show (`get_ylim()`).
    public func yLimits() -> AxisRange {
        yAxis.limits ?? Self.autoscaled(dataInterval(x: false), scale: yAxis.scale, stickies: stickyEdges(x: false))
    }

    /// `set_xlim(left, right)`: a missing side keeps its current value.
    @discardableResult
    public func setXLimits(lower: Double?, upper: Double?) throws -> AxisRange {
        let range = try Self.limits(lower: lower, upper: upper, current: xLimits(), scale: xAxis.scale, name: "x")
        xAxis.limits = range
        return range
    }

    @discardableResult
    public func setYLimits(lower: Double?, upper: Double?) throws -> AxisRange {
        let range = try Self.limits(lower: lower, upper: upper, current: yLimits(), scale: yAxis.scale, name: "y")
        yAxis.limits = range
        return range
    }

    private static func limits(lower: Double?, upper: Double?, current: AxisRange, scale: AxisScale,
                               name: String) throws -> AxisRange {
        for value in [lower, upper].compactMap({ $0 }) where !value.isFinite {
            throw PlotError.value("Axis limits cannot be NaN or Inf")
        }
        var lo = lower ?? current.lower
        var hi = upper ?? current.upper
        if scale == .log {
            // matplotlib ignores a nonpositive limit on a log axis (with a warning).
            if lo <= 0 { lo = current.lower }
            if hi <= 0 { hi = current.upper }
        }
        if lo == hi {
            // "Attempting to set identical low and high xlims…": widened as the locator would.
            (lo, hi) = scale == .log ? (lo / 10, hi * 10) : nonsingular(lo, hi, expander: 0.05)
        }
        return AxisRange(lo, hi)
    }

    /// The smallest and largest finite data values along one axis, and the
    /// smallest positive one (for log axes); nil without data.
    struct DataInterval {
        var low: Double
        var high: Double
        var minPositive: Double
    }

    func dataInterval(x isX: Bool) -> DataInterval? {
        var interval: DataInterval?
        func include(_ v: Double) {
            guard v.isFinite else { return }
            if var i = interval {
                i.low = Swift.min(i.low, v)
                i.high = Swift.max(i.high, v)
                if v > 0 { i.minPositive = Swift.min(i.minPositive, v) }
                interval = i
            } else {
                interval = DataInterval(low: v, high: v, minPositive: v > 0 ? v : .infinity)
            }
        }
        for artist in artists {
            switch artist {
            case .line(let a):
                // A point with a non-finite coordinate is a gap in the line.
                for (x, y) in zip(a.x, a.y) where x.isFinite && y.isFinite { include(isX ? x : y) }
            case .scatter(let a):
                for (x, y) in zip(a.x, a.y) where x.isFinite && y.isFinite { include(isX ? x : y) }
            case .bars(let a):
                for i in a.lefts.indices {
                    if isX {
                        include(a.lefts[i])
                        include(a.lefts[i] + a.widths[i])
                    } else {
                        include(a.bottoms[i])
                        include(a.bottoms[i] + a.heights[i])
                    }
                }
            case .step(let a):
                for v in (isX ? a.x : a.y) { include(v) }
            case .image(let a):
                let (lo, hi) = isX ? (a.left, a.right) : (a.bottom, a.top)
                include(lo)
                include(hi)
            case .text:
                break   // matplotlib leaves texts out of the data limits
            }
        }
        return interval
    }

    /// Values the margin may not cross: a bar's base, a histogram's zero, an image's edges.
    func stickyEdges(x isX: Bool) -> [Double] {
        var edges: [Double] = []
        for artist in artists {
            switch artist {
            case .bars(let a): if !isX { edges += a.bottoms }
            case .step: if !isX { edges.append(0) }
            case .image(let a): edges += isX ? [a.left, a.right] : [a.bottom, a.top]
            case .line, .scatter, .text: break
            }
        }
        return edges.sorted()
    }

    /// matplotlib's `autoscale_view` for one axis with the default margin 0.05.
    static func autoscaled(_ data: DataInterval?, scale: AxisScale, stickies: [Double], margin: Double = 0.05) -> AxisRange {
        guard let data else {
            // A fresh Axes shows 0…1 (matplotlib never autoscales it).
            return AxisRange(0, 1)
        }
        var (x0, x1) = (data.low, data.high)
        switch scale {
        case .linear:
            (x0, x1) = nonsingular(x0, x1, expander: 0.05)
        case .log:
            (x0, x1) = logNonsingular(x0, x1, minPositive: data.minPositive)
        }
        let stickies = scale == .log ? stickies.filter { $0 > 0 } : stickies
        var lowBound: Double?, highBound: Double?
        if !stickies.isEmpty {
            let tolerance = 1e-5 * Swift.abs(x1 - x0)
            lowBound = stickies.last { $0 < x0 + tolerance }
            highBound = stickies.first { $0 >= x1 - tolerance }
        }
        switch scale {
        case .linear:
            let delta = (x1 - x0) * margin
            if delta.isFinite {
                x0 -= delta
                x1 += delta
            }
        case .log:
            let minPositive = data.minPositive.isFinite ? data.minPositive : 1e-300
            if x0 <= 0 { x0 = minPositive }
            if x1 <= 0 { x1 = minPositive }
            let (t0, t1) = (log10(x0), log10(x1))
            let delta = (t1 - t0) * margin
            if delta.isFinite {
                x0 = pow(10, t0 - delta)
                x1 = pow(10, t1 + delta)
            }
        }
        if let lowBound { x0 = Swift.max(x0, lowBound) }
        if let highBound { x1 = Swift.min(x1, highBound) }
        switch scale {
        case .linear: (x0, x1) = nonsingular(x0, x1, expander: 1e-12, tiny: 1e-13)   // MaxNLocator.view_limits
        case .log: (x0, x1) = logNonsingular(x0, x1, minPositive: data.minPositive)
        }
        return AxisRange(x0, x1)
    }

    /// `matplotlib.transforms.nonsingular`: widens a degenerate range.
    static func nonsingular(_ v0: Double, _ v1: Double, expander: Double, tiny: Double = 1e-15) -> (Double, Double) {
        guard v0.isFinite && v1.isFinite else { return (-expander, expander) }
        var (vmin, vmax) = v0 <= v1 ? (v0, v1) : (v1, v0)
        let maxAbs = Swift.max(Swift.abs(vmin), Swift.abs(vmax))
        if maxAbs < (1e6 / tiny) * Double.leastNormalMagnitude {
            (vmin, vmax) = (-expander, expander)
        } else if vmax - vmin <= maxAbs * tiny {
            if vmax == 0 && vmin == 0 {
                (vmin, vmax) = (-expander, expander)
            } else {
                vmin -= expander * Swift.abs(vmin)
                vmax += expander * Swift.abs(vmax)
            }
        }
        return (vmin, vmax)
    }

    /// `LogLocator.nonsingular`: positive limits, a decade each way around a
    /// single value.
    static func logNonsingular(_ v0: Double, _ v1: Double, minPositive: Double) -> (Double, Double) {
        var (vmin, vmax) = v0 <= v1 ? (v0, v1) : (v1, v0)
        guard vmin.isFinite && vmax.isFinite, vmax > 0 else { return (1, 10) }
        if vmin <= 0 { vmin = minPositive.isFinite ? minPositive : 1e-300 }
        if vmin == vmax {
            vmin = decadeBelow(vmin)
            vmax = decadeAbove(vmax)
        }
        return (vmin, vmax)
    }

    /// A power of ten strictly below positive `x` (matplotlib's `_decade_less`,
    /// exponent from natural logs as there, so 1000 gives 100).
    static func decadeBelow(_ x: Double) -> Double {
        let d = pow(10, floor(log(x) / log(10)))
        return d == x ? d / 10 : d
    }

    /// A power of ten strictly above positive `x` (`_decade_greater`).
    static func decadeAbove(_ x: Double) -> Double {
        let d = pow(10, ceil(log(x) / log(10)))
        return d == x ? d * 10 : d
    }
}
