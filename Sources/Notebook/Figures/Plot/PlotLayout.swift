import Foundation
import PyInterpreter

/// A rectangle in SVG coordinates (points, y down).
struct Frame: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
}

/// Maps data values on one axis to SVG coordinates.
struct AxisMapping {
    let start: Double
    let end: Double
    let low: Double
    let high: Double

    /// `range` across the pixels from `start` to `end`, on `scale`.
    init(range: AxisRange, scale: AxisScale, start: Double, end: Double) {
        self.start = start
        self.end = end
        low = Self.transform(range.lower, scale)
        high = Self.transform(range.upper, scale)
        self.scale = scale
    }

    let scale: AxisScale

    /// matplotlib's log scale clips nonpositive values to a point far below
    /// the axis (`nonpositive='clip'`), so lines run off the bottom.
    static func transform(_ value: Double, _ scale: AxisScale) -> Double {
        guard scale == .log else { return value }
        return value > 0 ? log10(value) : -1000
    }

    func position(_ value: Double) -> Double {
        let t = Self.transform(value, scale)
        let span = high - low
        guard span != 0, span.isFinite else { return start }
        return start + (t - low) / span * (end - start)
    }
}

/// Where each Axes of a figure goes: matplotlib's `GridSpec` positions
/// from the subplot parameters (fractions of the figure).
enum PlotLayout {
    static func frame(of slot: GridSlot, in figure: PlotFigure, parameters p: SubplotParameters) -> Frame {
        let width = figure.width * 72, height = figure.height * 72
        let rows = Double(slot.rows), columns = Double(slot.columns)
        let cellH = (p.top - p.bottom) / (rows + p.hspace * (rows - 1))
        let cellW = (p.right - p.left) / (columns + p.wspace * (columns - 1))
        let top = p.top - Double(slot.row) * cellH * (1 + p.hspace)
        let left = p.left + Double(slot.column) * cellW * (1 + p.wspace)
        return Frame(x: left * width, y: (1 - top) * height, width: cellW * width, height: cellH * height)
    }
}
