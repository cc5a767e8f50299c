/// pyplot in one session: the figure collector (open figures, what was
/// shown), the Python classes of its objects, and one Python object per
/// figure and Axes, so `plt.gca() is ax` holds.
final class PyplotState {
    let collector: FigureCollector
    var types: PyplotTypes { PyplotTypes.shared }
    private var boxes: [ObjectIdentifier: WeakInstance] = [:]
    private var boxCountAfterPruning = 0

    init(collector: FigureCollector) {
        self.collector = collector
    }

    var plots: PlotSession { collector.plots }

    /// The current figure and its current Axes (`plt.plot` draws there).
    func currentAxes() -> AxesHandle {
        let figure = plots.gcf()
        return AxesHandle(axes: figure.gca(), figure: figure, state: self)
    }

    func box(_ figure: PlotFigure) -> Value {
        box(figure) { PyInstance(cls: types.figure, payload: FigureHandle(figure: figure, state: self)) }
    }

    func box(_ axes: PlotAxes, in figure: PlotFigure) -> Value {
        box(axes) { PyInstance(cls: types.axes, payload: AxesHandle(axes: axes, figure: figure, state: self)) }
    }

    /// Boxes are held weakly: a box keeps its model alive, so a live entry
    /// always belongs to the same model, and a dead one is replaced.
    private func box(_ model: AnyObject, make: () -> PyInstance) -> Value {
        let key = ObjectIdentifier(model)
        if let existing = boxes[key]?.instance { return .object(existing) }
        let instance = make()
        boxes[key] = WeakInstance(instance)
        if boxes.count > 2 * max(boxCountAfterPruning, 32) {
            boxes = boxes.filter { $0.value.instance != nil }
            boxCountAfterPruning = boxes.count
        }
        return .object(instance)
    }
}

private final class WeakInstance {
    weak var instance: PyInstance?
    init(_ instance: PyInstance) { self.instance = instance }
}

/// The payload of a `Figure`.
final class FigureHandle {
    let figure: PlotFigure
    let state: PyplotState
    init(figure: PlotFigure, state: PyplotState) {
        self.figure = figure
        self.state = state
    }
}

/// The payload of an `Axes`: the model and the figure it belongs to.
final class AxesHandle {
    let axes: PlotAxes
    let figure: PlotFigure
    let state: PyplotState
    init(axes: PlotAxes, figure: PlotFigure, state: PyplotState) {
        self.axes = axes
        self.figure = figure
        self.state = state
    }
}

extension Value {
    func figureHandle() throws -> FigureHandle { try requirePayload(FigureHandle.self, "Figure") }
    func axesHandle() throws -> AxesHandle { try requirePayload(AxesHandle.self, "Axes") }
}
