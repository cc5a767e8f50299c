/// `import matplotlib.pyplot as plt`: figures and Axes as the inline backend
/// shows them. Drawing functions go to the current Axes; `plt.show()` and
/// the end of each cell show the open figures (see `FigureCollector`).
/// `import matplotlib; matplotlib.use('Agg')` is accepted and changes nothing.
public enum PyplotBindings {
    public static func register(in registry: ModuleRegistry) {
        registry.register("matplotlib") { _ in
            let m = PyModule(name: "matplotlib")
            // There is one backend (SVG figures inline); choosing another changes nothing.
            m.addFunction("use") { _, args in
                let a = try NativeSignature("use", "backend", .keywordOnly("force", default: .bool(true))).bind(args)
                _ = try a.string("backend")
                return .none
            }
            return m
        }
        registry.register("matplotlib.pyplot") { _ in
            PyplotModule.make(PyplotState(collector: FigureCollector.current ?? FigureCollector()))
        }
    }
}

enum PyplotModule {
    /// pyplot functions that draw on (or change) the current Axes, as the
    /// Axes method they stand for.
    static let axesFunctions: [(String, AxesDecorations.Body)] = [
        ("plot", AxesPlotting.plot), ("scatter", AxesPlotting.scatter), ("bar", AxesPlotting.bar), ("hist", AxesPlotting.hist),
        ("semilogx", AxesPlotting.logPlot(x: true, y: false)), ("semilogy", AxesPlotting.logPlot(x: false, y: true)),
        ("loglog", AxesPlotting.logPlot(x: true, y: true)),
        ("title", AxesDecorations.setText(.title, parameter: "label")),
        ("xlabel", AxesDecorations.setText(.xLabel, parameter: "xlabel")),
        ("ylabel", AxesDecorations.setText(.yLabel, parameter: "ylabel")),
        ("xlim", AxesDecorations.limits(x: true)), ("ylim", AxesDecorations.limits(x: false)),
        ("xscale", AxesDecorations.setScale(x: true)), ("yscale", AxesDecorations.setScale(x: false)),
        ("xticks", AxesDecorations.ticks(x: true)), ("yticks", AxesDecorations.ticks(x: false)),
        ("legend", AxesDecorations.legend), ("grid", AxesDecorations.grid),
        ("imshow", AxesImageAndText.imshow), ("text", AxesImageAndText.text), ("axis", AxesImageAndText.axis),
    ]

    static func make(_ state: PyplotState) -> PyModule {
        let m = PyModule(name: "matplotlib.pyplot")
        for (name, body) in axesFunctions {
            m.addFunction(name) { interp, args in try body(interp, state.currentAxes(), args, name) }
        }
        m.addFunction("figure") { interp, args in try figure(interp, state, args) }
        m.addFunction("subplots") { interp, args in try subplots(interp, state, args) }
        m.addFunction("subplot") { interp, args in
            let (rows, columns, index) = try FigureClass.subplotSpec(interp, args, "subplot")
            let figure = state.plots.gcf()
            let axes = try PlotCalls.run { try figure.subplot(rows: rows, columns: columns, index: index) }
            return state.box(axes, in: figure)
        }
        m.addFunction("gcf") { _, args in
            _ = try NativeSignature("gcf").bind(args)
            return state.box(state.plots.gcf())
        }
        m.addFunction("gca") { _, args in
            _ = try NativeSignature("gca").bind(args)
            let current = state.currentAxes()
            return state.box(current.axes, in: current.figure)
        }
        m.addFunction("sca") { _, args in
            let a = try NativeSignature("sca", "ax").bind(args)
            let handle = try a["ax"].axesHandle()
            state.plots.setCurrentFigure(handle.figure)
            try PlotCalls.run { try state.plots.setCurrentAxes(handle.axes) }
            return .none
        }
        m.addFunction("suptitle") { interp, args in
            try FigureClass.suptitle(interp, state.plots.gcf(), state, args, "suptitle")
        }
        m.addFunction("tight_layout") { _, args in try FigureClass.tightLayout(state.plots.gcf(), args, "tight_layout") }
        m.addFunction("subplots_adjust") { interp, args in
            try FigureClass.subplotsAdjust(interp, state.plots.gcf(), args, "subplots_adjust")
        }
        m.addFunction("show") { _, args in
            _ = try NativeSignature("show", .keywordOnly("block", default: .none)).bind(args)
            state.collector.show()
            return .none
        }
        m.addFunction("close") { interp, args in try close(interp, state, args) }
        m.addFunction("savefig") { interp, args in try FigureClass.savefig(interp, args) }
        m["Figure"] = .object(state.types.figure)
        m["Axes"] = .object(state.types.axes)
        return m
    }

    // MARK: figures

    /// Keywords of `figure()` and the figure keywords of `subplots()`.
    struct FigureOptions {
        var width: Double?
        var height: Double?
        var dpi: Double?
        var tightLayout = false

        /// Takes `figsize`, `dpi`, `layout`, `tight_layout`, `constrained_layout`
        /// (constrained layout is drawn as tight layout) out of `keywords`.
        init(_ interp: Interpreter, _ keywords: inout [(name: Symbol, value: Value)]) throws {
            func take(_ name: String) -> Value? {
                guard let i = keywords.firstIndex(where: { $0.name.name == name }) else { return nil }
                let value = keywords.remove(at: i).value
                return value.isNone ? nil : value
            }
            if let size = take("figsize") {
                guard case .object(let o) = size, o is PyTuple || o is PyList else {
                    throw PyError(.typeError, "object of type '\(size.typeName)' has no len()")
                }
                let parts = try interp.iterate(size)
                guard parts.count == 2 else {
                    throw PyError(.valueError, "Invalid figsize format, expected (x, y) or (x, y, unit) but got \(try interp.repr(.tuple(parts)))")
                }
                let (w, h) = (try PlotData.number(interp, parts[0], "figsize"), try PlotData.number(interp, parts[1], "figsize"))
                guard w.isFinite, h.isFinite, w > 0, h > 0 else {
                    // The model would print the sizes as floats; matplotlib echoes them as given.
                    throw PyError(.valueError, "figure size must be positive finite not \(try interp.repr(size))")
                }
                (width, height) = (w, h)
            }
            dpi = try PlotData.optionalNumber(interp, take("dpi"), "dpi")
            if let layout = take("layout") {
                guard let name = layout.stringValue, ["tight", "constrained", "compressed", "none"].contains(name) else {
                    throw PyError(.valueError, "Invalid value for 'layout': \(try interp.repr(layout))")
                }
                tightLayout = name != "none"
            }
            for name in ["tight_layout", "constrained_layout"] {
                if let v = take(name), try interp.isTruthy(v) { tightLayout = true }
            }
        }
    }

    /// `figure(num=None, figsize=None, dpi=None, …)`: a new figure, or the
    /// open figure numbered `num` made current.
    static func figure(_ interp: Interpreter, _ state: PyplotState, _ args: Arguments) throws -> Value {
        guard args.positional.count <= 3 else {
            throw PyError(.typeError, "figure() takes from 0 to 3 positional arguments but \(args.positional.count) were given")
        }
        var keywords = args.keywords
        let num = args.positional.first ?? keywords.first { $0.name.name == "num" }?.value
        keywords.removeAll { $0.name.name == "num" }
        for (i, name) in ["figsize", "dpi"].enumerated() where args.positional.count > i + 1 {
            keywords.append((Symbol.intern(name), args.positional[i + 1]))
        }
        let options = try FigureOptions(interp, &keywords)
        if let extra = keywords.first {
            throw PyError(.typeError, "Figure.__init__() got an unexpected keyword argument '\(extra.name.name)'")
        }
        if let num, !num.isNone {
            if let handle = num.payload(FigureHandle.self) {
                state.plots.setCurrentFigure(handle.figure)
                return num
            }
            let number = try PlotData.int(num, "num")
            if let open = state.plots.openFigures.first(where: { $0.number == number }) {
                state.plots.setCurrentFigure(open)
                return state.box(open)
            }
        }
        let figure = try PlotCalls.run { try state.plots.figure(width: options.width, height: options.height, dpi: options.dpi) }
        figure.tightLayout = options.tightLayout
        return state.box(figure)
    }

    /// `subplots(nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, **fig_kw)`
    /// → (fig, ax): one Axes, or an AxesArray (1-D when one of the counts is 1, unless squeeze=False).
    static func subplots(_ interp: Interpreter, _ state: PyplotState, _ args: Arguments) throws -> Value {
        let a = try NativeSignature("subplots", .init("nrows", default: .int(1)), .init("ncols", default: .int(1)),
                                    .keywordOnly("sharex", default: .bool(false)), .keywordOnly("sharey", default: .bool(false)),
                                    .keywordOnly("squeeze", default: .bool(true)), .varKeyword("fig_kw")).bind(args)
        var keywords = a.extraKeywords
        let options = try FigureOptions(interp, &keywords)
        if let extra = keywords.first {
            throw PyError(.typeError, "Figure.__init__() got an unexpected keyword argument '\(extra.name.name)'")
        }
        for name in ["sharex", "sharey"] {
            let v = a[name]
            let shared = try v.stringValue.map { $0 != "none" } ?? interp.isTruthy(v)
            if shared {
                interp.warn("\(name) is not drawn by Litgrad: each Axes keeps its own limits and tick labels")
            }
        }
        let rows = try PlotData.int(a["nrows"], "nrows"), columns = try PlotData.int(a["ncols"], "ncols")
        let (figure, grid) = try PlotCalls.run {
            try state.plots.subplots(rows: rows, columns: columns, width: options.width, height: options.height, dpi: options.dpi)
        }
        figure.tightLayout = options.tightLayout
        let boxes = grid.flatMap { $0 }.map { state.box($0, in: figure) }
        let axes: Value
        if try interp.isTruthy(a["squeeze"]) {
            if boxes.count == 1 {
                axes = boxes[0]
            } else if rows == 1 || columns == 1 {
                axes = AxesArrayClass.array(boxes, shape: [boxes.count], cls: state.types.axesArray)
            } else {
                axes = AxesArrayClass.array(boxes, shape: [rows, columns], cls: state.types.axesArray)
            }
        } else {
            axes = AxesArrayClass.array(boxes, shape: [rows, columns], cls: state.types.axesArray)
        }
        return .tuple([state.box(figure), axes])
    }

    /// `close()` (the current figure), `close('all')`, `close(fig)`, `close(num)`;
    /// an unknown figure label closes nothing, as in matplotlib.
    static func close(_ interp: Interpreter, _ state: PyplotState, _ args: Arguments) throws -> Value {
        let a = try NativeSignature("close", .init("fig", default: .none)).bind(args)
        let target = a["fig"]
        switch target {
        case .none:
            state.plots.close()
        case .str(let s):
            if s.value == "all" { state.plots.closeAll() }
        case .int(let number):
            if let figure = state.plots.openFigures.first(where: { $0.number == number }) { state.plots.close(figure) }
        default:
            guard let handle = target.payload(FigureHandle.self) else {
                throw PyError(.typeError, "'fig' must be an instance of matplotlib.figure.Figure, int, str or None, not \(PlotData.withArticle(target.typeName))")
            }
            state.plots.close(handle.figure)
        }
        return .none
    }
}
