/// One set of axes (`matplotlib.axes.Axes`): its artists in drawing order,
/// its two axes, title and legend. A reference type because Python code holds
/// it (`ax = plt.gca()`) and keeps changing it.
public final class PlotAxes {
    public let slot: GridSlot
    public internal(set) var artists: [PlotArtist] = []
    public var title: String?
    public var xAxis = AxisSettings()
    public var yAxis = AxisSettings()
    public var legend: PlotLegend?
    /// `axis('off')` hides spines, ticks, tick labels and axis labels (not the title).
    public var axisOn = true
    /// `imshow`'s `aspect='equal'`, `set_aspect`, `axis('equal')`; nil: fill the frame.
    public var aspect: AxesAspect?
    /// Position in matplotlib's two property cycles: `plot`/`hist` take the
    /// next colour from the first, `bar`/`scatter` from the second.
    var lineCycleIndex = 0
    var patchCycleIndex = 0

    public init(slot: GridSlot) {
        self.slot = slot
    }

    func nextLineColor() -> PlotColor {
        defer { lineCycleIndex = (lineCycleIndex + 1) % PlotColor.tab10.count }
        return PlotColor.tab10[lineCycleIndex]
    }

    func nextPatchColor() -> PlotColor {
        defer { patchCycleIndex = (patchCycleIndex + 1) % PlotColor.tab10.count }
        return PlotColor.tab10[patchCycleIndex]
    }

    // MARK: labels, scales, limits, ticks

    public func setTitle(_ text: String) { title = text }
    public func setXLabel(_ text: String) { xAxis.label = text }
    public func setYLabel(_ text: String) { yAxis.label = text }

    public func setXScale(_ name: String) throws { xAxis.scale = try AxisScale.parse(name) }
    public func setYScale(_ name: String) throws { yAxis.scale = try AxisScale.parse(name) }

    /// `set_xticks(ticks, labels)`: labels, if given, one per tick.
    public func setXTicks(_ ticks: [Double], labels: [String]? = nil) throws {
        try Self.setTicks(&xAxis, ticks, labels)
    }

    public func setYTicks(_ ticks: [Double], labels: [String]? = nil) throws {
        try Self.setTicks(&yAxis, ticks, labels)
    }

    private static func setTicks(_ axis: inout AxisSettings, _ ticks: [Double], _ labels: [String]?) throws {
        if let labels, labels.count != ticks.count {
            throw PlotError.value("The number of FixedLocator locations (\(ticks.count)), usually from a call to set_ticks, does not match the number of labels (\(labels.count)).")
        }
        axis.fixedTicks = ticks
        axis.fixedTickLabels = labels
    }

    /// `grid(visible, axis=…)`: nil toggles, as `ax.grid()` does; a style
    /// turns the grid on.
    public func grid(_ visible: Bool?, axis: String = "both", style: GridStyle? = nil) throws {
        guard ["both", "x", "y"].contains(axis) else {
            throw PlotError.value("\(pythonRepr(axis)) is not a valid value for axis; supported values are 'x', 'y', 'both'")
        }
        let on: Bool? = style != nil ? true : visible
        if axis != "y" { Self.setGrid(&xAxis, on, style) }
        if axis != "x" { Self.setGrid(&yAxis, on, style) }
    }

    private static func setGrid(_ axis: inout AxisSettings, _ visible: Bool?, _ style: GridStyle?) {
        if let style { axis.gridStyle = style }
        let on = visible ?? (axis.grid == nil)
        axis.grid = on ? axis.gridStyle : nil
    }

    /// What matplotlib logs when `legend()` finds nothing labelled.
    public static let noLegendEntriesWarning = "No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument."

    /// `legend(labels=None, loc=…)`. With `labels`, they go to the artists in
    /// legend order, as matplotlib does. Returns false when nothing has a
    /// label (matplotlib then emits `noLegendEntriesWarning` as a UserWarning).
    @discardableResult
    public func showLegend(_ settings: PlotLegend = PlotLegend(), labels: [String]? = nil) -> Bool {
        if let labels {
            for (index, label) in zip(legendOrder(), labels) {
                setLabel(label, ofArtistAt: index)
            }
        }
        legend = settings
        return !legendEntries().isEmpty
    }

    /// Artists in the order matplotlib lists legend handles: lines,
    /// collections and histogram patches as added, then `bar` containers.
    func legendOrder() -> [Int] {
        var first: [Int] = [], containers: [Int] = []
        for (i, artist) in artists.enumerated() {
            if case .bars(let bars) = artist, !bars.isHistogram {
                containers.append(i)
            } else if artist.isLegendable {
                first.append(i)
            }
        }
        return first + containers
    }

    /// Artists shown in the legend: those with a label not starting with `_`.
    public func legendEntries() -> [PlotArtist] {
        legendOrder().map { artists[$0] }.filter { artist in
            guard let label = artist.label else { return false }
            return !label.isEmpty && !label.hasPrefix("_")
        }
    }

    private func setLabel(_ label: String, ofArtistAt index: Int) {
        switch artists[index] {
        case .line(var a): a.label = label; artists[index] = .line(a)
        case .scatter(var a): a.label = label; artists[index] = .scatter(a)
        case .bars(var a): a.label = label; artists[index] = .bars(a)
        case .step(var a): a.label = label; artists[index] = .step(a)
        case .image, .text: break
        }
    }

    /// Numbers for values on an axis; strings become category indices,
    /// adding categories the axis has not seen.
    static func coordinates(_ values: PlotValues, on axis: inout AxisSettings) -> [Double] {
        switch values {
        case .numbers(let numbers):
            return numbers
        case .categories(let names):
            return names.map { name in
                if let index = axis.categories.firstIndex(of: name) { return Double(index) }
                axis.categories.append(name)
                return Double(axis.categories.count - 1)
            }
        }
    }
}
