import Foundation
import PyInterpreter

/// Figures covering each kind of artist, built through the same API the
/// pyplot binding uses; the tests render them and check their SVG.
enum PlotGallery {
    static func numbers(_ values: [Double]) -> PlotArgument { .data(.numbers(values)) }

    /// scatter + bar + legend on one Axes.
    static func scatterAndBars() throws -> PlotFigure {
        let plt = PlotSession()
        let ax = plt.gca()
        var s = ScatterOptions()
        s.label = "points"
        try ax.scatter(x: .numbers([1, 2, 3]), y: .numbers([3, 1, 2]), options: s)
        var b = BarOptions()
        b.label = "bars"
        try ax.bar(x: .numbers([1, 2]), heights: [1, 2], options: b)
        ax.showLegend()
        return plt.gcf()
    }

    /// A histogram of 200 deterministic values.
    static func histogram() throws -> PlotFigure {
        let plt = PlotSession()
        let values = (0..<200).map { i -> Double in
            let u = Double((i * 37) % 200) / 200
            return sin(u * 6.283) * 2 + Double(i % 7) * 0.3
        }
        var o = HistogramOptions()
        o.bins = .count(20)
        o.label = "samples"
        try plt.gca().hist(values, options: o)
        var step = HistogramOptions()
        step.style = .step
        step.bins = .count(20)
        try plt.gca().hist(values.map { $0 * 0.8 + 1 }, options: step)
        plt.gca().setTitle("Histogram")
        return plt.gcf()
    }

    /// 2 × 2 subplots with tight_layout, a suptitle, a log axis, markers.
    static func subplotGrid() throws -> PlotFigure {
        let plt = PlotSession()
        let (figure, axes) = try plt.subplots(rows: 2, columns: 2, width: 8, height: 6)
        let xs = (0..<50).map { Double($0) / 5 }
        try axes[0][0].plot([numbers(xs), numbers(xs.map { sin($0) }), .format("r-"),
                             numbers(xs), numbers(xs.map { cos($0) }), .format("b--")])
        axes[0][0].setTitle("sin and cos")
        try axes[0][1].plot([numbers([1, 2, 3, 4, 5]), numbers([1, 4, 9, 16, 25]), .format("o-")])
        axes[0][1].setXLabel("n")
        axes[0][1].setYLabel("n²")
        try axes[1][0].plot([numbers((1...40).map { 10 * pow(0.8, Double($0)) })])
        try axes[1][0].setYScale("log")
        axes[1][0].setYLabel("loss")
        try axes[1][0].grid(true)
        try axes[1][1].bar(x: .categories(["SGD", "Adam", "RMSprop"]), heights: [0.31, 0.12, 0.18])
        axes[1][1].setTitle("final loss")
        figure.suptitle = "Optimisers"
        figure.tightLayout = true
        return figure
    }

    /// Large values with an offset, and a figure-wide x offset.
    static func offsets() throws -> PlotFigure {
        let plt = PlotSession()
        try plt.gca().plot([numbers([0, 1, 2, 3]), numbers([1_000_001, 1_000_002.5, 1_000_001.5, 1_000_003])])
        try plt.gca().plot([numbers([0, 3]), numbers([1_000_002, 1_000_002]), .format("k:")])
        return plt.gcf()
    }
}

extension PlotGallery {
    /// Markers, a colormapped scatter, a filled step histogram, a legend
    /// with a title in two columns.
    static func styles() throws -> PlotFigure {
        let plt = PlotSession()
        let (figure, axes) = try plt.subplots(rows: 1, columns: 2, width: 10, height: 4)
        let left = axes[0][0], right = axes[0][1]
        let markers: [String] = ["o", "s", "^", "v", "D", "*", "+", "x", "p", "h", "P", "X", "1", "|"]
        for (i, m) in markers.enumerated() {
            var o = LineOptions()
            o.label = m
            try left.plot([numbers([Double(i % 7)]), numbers([Double(i / 7)]), .format(m)], options: o)
        }
        var legend = PlotLegend()
        legend.columns = 2
        legend.title = "markers"
        legend.location = .lowerRight
        left.showLegend(legend)
        try left.setYLimits(lower: -1, upper: 3)
        var s = ScatterOptions()
        s.colors = .values((0..<40).map(Double.init))
        s.sizes = (0..<40).map { Double($0 * 4 + 10) }
        try right.scatter(x: .numbers((0..<40).map { cos(Double($0) / 4) * Double($0) }),
                          y: .numbers((0..<40).map { sin(Double($0) / 4) * Double($0) }), options: s)
        var h = HistogramOptions()
        h.style = .stepFilled
        h.alpha = 0.3
        try right.hist((0..<40).map { Double($0 % 13) * 3 - 20 }, options: h)
        right.setTitle("spiral")
        return figure
    }
}
