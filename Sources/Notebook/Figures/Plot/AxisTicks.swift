import Foundation
import PyInterpreter

/// One tick: where it is (a data value) and its label, if it has one.
struct Tick: Equatable {
    var value: Double
    var label: TickLabel?
}

/// The ticks one axis draws, in view, with labels as matplotlib writes them.
struct AxisTicks: Equatable {
    var major: [Tick]
    var minor: [Tick]
    /// The offset / scale text at the end of the axis (`1e6`), or empty.
    var offsetText: String

    /// - Parameters:
    ///   - length: the axis's length in points, which sets how many ticks fit
    ///     (`get_tick_space`: a label per 3 font sizes along x, 2 along y).
    static func make(axis: AxisSettings, view: AxisRange, length: Double, isX: Bool, labelSize: Double = 10) -> AxisTicks {
        let tickSpace = PythonFloatMath.int(floor(length / (labelSize * (isX ? 3 : 2))))
        var majorLocs: [Double]
        var minorLocs: [Double] = []
        if let fixed = axis.fixedTicks {
            majorLocs = fixed
        } else if !axis.categories.isEmpty && axis.scale == .linear {
            majorLocs = axis.categories.indices.map(Double.init)
        } else if axis.scale == .log {
            majorLocs = TickLocators.log(view.lower, view.upper, requested: tickSpace, minor: false)
            minorLocs = TickLocators.log(view.lower, view.upper, requested: tickSpace, minor: true)
        } else {
            majorLocs = TickLocators.linear(view.lower, view.upper, maxBins: tickSpace)
        }
        minorLocs = withoutDuplicates(minorLocs, of: majorLocs, view: view, scale: axis.scale)

        var majorLabels: [TickLabel?]
        var offsetText = ""
        if let labels = axis.fixedTickLabels, axis.fixedTicks != nil {
            majorLabels = labels.map { TickLabel($0) }
        } else if axis.fixedTicks == nil && !axis.categories.isEmpty && axis.scale == .linear {
            majorLabels = axis.categories.map { TickLabel($0) }
        } else if axis.scale == .log {
            majorLabels = TickFormatters.log(majorLocs, view: view)
        } else {
            let formatted = TickFormatters.scalar(majorLocs, view: view)
            majorLabels = formatted.labels
            offsetText = formatted.offsetText
        }
        let minorLabels = axis.scale == .log ? TickFormatters.log(minorLocs, view: view) : minorLocs.map { _ in nil }

        return AxisTicks(major: inView(majorLocs, majorLabels, view: view, scale: axis.scale),
                         minor: inView(minorLocs, minorLabels, view: view, scale: axis.scale),
                         offsetText: offsetText)
    }

    /// Ticks whose position lies in the view, with a relative slack of 1e-10
    /// (`_interval_contains_close`), compared on the axis's scale.
    private static func inView(_ locs: [Double], _ labels: [TickLabel?], view: AxisRange, scale: AxisScale) -> [Tick] {
        let a = transformed(view.lower, scale), b = transformed(view.upper, scale)
        let (lo, hi) = a <= b ? (a, b) : (b, a)
        let slack = (hi - lo) * 1e-10
        var ticks: [Tick] = []
        for (i, loc) in locs.enumerated() {
            let t = transformed(loc, scale)
            guard t.isFinite, lo - slack <= t, t <= hi + slack else { continue }
            ticks.append(Tick(value: loc, label: i < labels.count ? labels[i] : nil))
        }
        return ticks
    }

    /// matplotlib drops minor ticks that coincide with major ones.
    private static func withoutDuplicates(_ minor: [Double], of major: [Double], view: AxisRange, scale: AxisScale) -> [Double] {
        guard !minor.isEmpty, !major.isEmpty else { return minor }
        let tolerance = abs(transformed(view.upper, scale) - transformed(view.lower, scale)) * 1e-5
        let majors = major.map { transformed($0, scale) }
        return minor.filter { m in
            let t = transformed(m, scale)
            return !majors.contains { abs($0 - t) <= tolerance }
        }
    }

    static func transformed(_ value: Double, _ scale: AxisScale) -> Double {
        scale == .log ? (value > 0 ? log10(value) : -.infinity) : value
    }
}
