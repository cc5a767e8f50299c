import Foundation

/// The Python classes of pyplot's objects, built once for all sessions as
/// the torch classes are (their methods find a session's state through the payload).
struct PyplotTypes {
    static let shared = PyplotTypes()

    let figure = FigureClass.make()
    let axes = AxesClass.make()
    let axesArray = AxesArrayClass.make()
    let line2D = PyplotTypes.line2DClass()
    let text = PyplotTypes.textClass()
    let legend = NativeClassBuilder("Legend", module: "matplotlib.legend", instantiable: false)
        .method("__str__") { _, _, _ in .string("Legend") }
        .build()
    let barContainer = NativeClassBuilder("BarContainer", module: "matplotlib.container", instantiable: false)
        .method("__len__") { _, this, _ in .int(try this.requirePayload(ArtistCount.self, "BarContainer").count) }
        .method("__repr__") { _, this, _ in
            .string("<BarContainer object of \(try this.requirePayload(ArtistCount.self, "BarContainer").count) artists>")
        }
        .build()
    let pathCollection = NativeClassBuilder("PathCollection", module: "matplotlib.collections", instantiable: false).build()
    let axesImage = NativeClassBuilder("AxesImage", module: "matplotlib.image", instantiable: false)
        .method("__str__") { _, this, _ in
            let image = try this.requirePayload(ImageShape.self, "AxesImage")
            return .string("AxesImage(shape=(\(image.rows), \(image.columns)))")
        }
        .build()
    let polygon = NativeClassBuilder("Polygon", module: "matplotlib.patches", instantiable: false).build()

    private static func line2DClass() -> PyType {
        func line(_ v: Value) throws -> PlotLine { try v.requirePayload(LineHandle.self, "Line2D").line }
        return NativeClassBuilder("Line2D", module: "matplotlib.lines", instantiable: false)
            .method("get_label") { _, this, _ in .string(try line(this).label ?? "") }
            .method("get_xdata") { _, this, _ in .list(try line(this).x.map(Value.float)) }
            .method("get_ydata") { _, this, _ in .list(try line(this).y.map(Value.float)) }
            .build()
    }

    private static func textClass() -> PyType {
        NativeClassBuilder("Text", module: "matplotlib.text", instantiable: false)
            .method("get_text") { _, this, _ in .string(try this.requirePayload(TextHandle.self, "Text").text) }
            .method("__repr__") { interp, this, _ in
                let t = try this.requirePayload(TextHandle.self, "Text")
                return .string("Text(\(try interp.repr(t.x)), \(try interp.repr(t.y)), \(try interp.repr(.string(t.text))))")
            }
            .build()
    }
}

/// `matplotlib.axes.Axes`: the methods of `AxesPlotting` and `AxesDecorations`.
enum AxesClass {
    /// Methods with the same meaning on an Axes and (under another name) in pyplot.
    static let methods: [(String, AxesDecorations.Body)] = [
        ("plot", AxesPlotting.plot), ("scatter", AxesPlotting.scatter), ("bar", AxesPlotting.bar), ("hist", AxesPlotting.hist),
        ("semilogx", AxesPlotting.logPlot(x: true, y: false)), ("semilogy", AxesPlotting.logPlot(x: false, y: true)),
        ("loglog", AxesPlotting.logPlot(x: true, y: true)),
        ("set_title", AxesDecorations.setText(.title, parameter: "label")),
        ("set_xlabel", AxesDecorations.setText(.xLabel, parameter: "xlabel")),
        ("set_ylabel", AxesDecorations.setText(.yLabel, parameter: "ylabel")),
        ("get_title", AxesDecorations.getText(.title)), ("get_xlabel", AxesDecorations.getText(.xLabel)),
        ("get_ylabel", AxesDecorations.getText(.yLabel)),
        ("set_xlim", AxesDecorations.setLimits(x: true)), ("set_ylim", AxesDecorations.setLimits(x: false)),
        ("get_xlim", AxesDecorations.getLimits(x: true)), ("get_ylim", AxesDecorations.getLimits(x: false)),
        ("set_xscale", AxesDecorations.setScale(x: true)), ("set_yscale", AxesDecorations.setScale(x: false)),
        ("get_xscale", AxesDecorations.getScale(x: true)), ("get_yscale", AxesDecorations.getScale(x: false)),
        ("set_xticks", AxesDecorations.setTicks(x: true)), ("set_yticks", AxesDecorations.setTicks(x: false)),
        ("set_xticklabels", AxesDecorations.setTickLabels(x: true)), ("set_yticklabels", AxesDecorations.setTickLabels(x: false)),
        ("legend", AxesDecorations.legend), ("grid", AxesDecorations.grid), ("set", AxesDecorations.set),
        ("imshow", AxesImageAndText.imshow), ("text", AxesImageAndText.text), ("axis", AxesImageAndText.axis),
    ]

    static func make() -> PyType {
        let b = NativeClassBuilder("Axes", module: "matplotlib.axes", instantiable: false)
        for (name, body) in methods {
            b.method(name) { interp, this, args in try body(interp, try this.axesHandle(), args, name) }
        }
        b.property("figure") { _, this in
            let handle = try this.axesHandle()
            return handle.state.box(handle.figure)
        }
        b.method("get_figure") { _, this, args in
            _ = try NativeSignature("get_figure").bind(args)
            let handle = try this.axesHandle()
            return handle.state.box(handle.figure)
        }
        b.method("__repr__") { interp, this, _ in .string(try repr(interp, try this.axesHandle().axes)) }
        b.method("__str__") { _, this, _ in
            let handle = try this.axesHandle()
            return .string(position(handle.axes.slot, handle.figure.subplotParameters))
        }
        return b.build()
    }

    /// `<Axes: title={'center': 'Loss'}, xlabel='epoch'>`.
    static func repr(_ interp: Interpreter, _ axes: PlotAxes) throws -> String {
        var parts: [String] = []
        if let title = axes.title, !title.isEmpty { parts.append("title={'center': \(try interp.repr(.string(title)))}") }
        if let label = axes.xAxis.label, !label.isEmpty { parts.append("xlabel=\(try interp.repr(.string(label)))") }
        if let label = axes.yAxis.label, !label.isEmpty { parts.append("ylabel=\(try interp.repr(.string(label)))") }
        return "<Axes: \(parts.joined(separator: ", "))>"
    }

    /// `Axes(left,bottom;widthxheight)` in figure fractions, as `str(ax)`:
    /// the grid cell of `slot` under the subplot parameters.
    static func position(_ slot: GridSlot, _ p: SubplotParameters) -> String {
        let cellWidth = (p.right - p.left) / (Double(slot.columns) + p.wspace * Double(slot.columns - 1))
        let cellHeight = (p.top - p.bottom) / (Double(slot.rows) + p.hspace * Double(slot.rows - 1))
        let left = p.left + Double(slot.column) * cellWidth * (1 + p.wspace)
        let bottom = p.top - Double(slot.row + 1) * cellHeight - Double(slot.row) * cellHeight * p.hspace
        return "Axes(\(g(left)),\(g(bottom));\(g(cellWidth))x\(g(cellHeight)))"
    }

    /// C's `%g`, as matplotlib formats positions.
    static func g(_ x: Double) -> String { String(format: "%g", x) }
}
