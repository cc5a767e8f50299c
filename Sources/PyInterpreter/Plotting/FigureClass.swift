/// `matplotlib.figure.Figure`.
enum FigureClass {
    static func make() -> PyType {
        let b = NativeClassBuilder("Figure", module: "matplotlib.figure", instantiable: false)
        b.method("suptitle") { interp, this, args in
            let handle = try this.figureHandle()
            return try suptitle(interp, handle.figure, handle.state, args, "suptitle")
        }
        b.method("tight_layout") { _, this, args in
            try tightLayout(try this.figureHandle().figure, args, "tight_layout")
        }
        b.method("set_size_inches") { interp, this, args in
            let a = try NativeSignature("set_size_inches", "w", .init("h", default: .none), .init("forward", default: .bool(true))).bind(args)
            var (w, h) = (a["w"], a["h"])
            if h.isNone {
                let pair = try interp.iterate(w)
                guard pair.count == 2 else { throw PyError(.valueError, "set_size_inches() needs a width and a height") }
                (w, h) = (pair[0], pair[1])
            }
            let figure = try this.figureHandle().figure
            try PlotCalls.run { try figure.setSize(width: try PlotData.number(interp, w, "w"), height: try PlotData.number(interp, h, "h")) }
            return .none
        }
        b.method("get_size_inches") { _, this, args in
            _ = try NativeSignature("get_size_inches").bind(args)
            let figure = try this.figureHandle().figure
            return .tuple([.float(figure.width), .float(figure.height)])
        }
        b.method("add_subplot") { interp, this, args in
            let handle = try this.figureHandle()
            let (rows, columns, index) = try subplotSpec(interp, args, "add_subplot")
            let axes = try PlotCalls.run { try handle.figure.subplot(rows: rows, columns: columns, index: index) }
            return handle.state.box(axes, in: handle.figure)
        }
        b.method("subplots_adjust") { interp, this, args in
            try subplotsAdjust(interp, try this.figureHandle().figure, args, "subplots_adjust")
        }
        b.method("gca") { _, this, args in
            _ = try NativeSignature("gca").bind(args)
            let handle = try this.figureHandle()
            return handle.state.box(handle.figure.gca(), in: handle.figure)
        }
        b.method("savefig") { interp, _, args in try savefig(interp, args) }
        // In the inline backend a figure is shown when its cell ends; `fig.show()` adds nothing.
        b.method("show") { _, _, _ in .none }
        b.property("number") { _, this in .int(try this.figureHandle().figure.number) }
        b.property("axes") { _, this in
            let handle = try this.figureHandle()
            return .list(handle.figure.axes.map { handle.state.box($0, in: handle.figure) })
        }
        b.method("__str__") { _, this, _ in
            let f = try this.figureHandle().figure
            return .string("Figure(\(AxesClass.g(f.width * f.dpi))x\(AxesClass.g(f.height * f.dpi)))")
        }
        b.method("__repr__") { _, this, _ in
            let f = try this.figureHandle().figure
            let count = f.axes.count
            return .string("<Figure size \(AxesClass.g(f.width * f.dpi))x\(AxesClass.g(f.height * f.dpi)) with \(count) Axes>")
        }
        return b.build()
    }

    /// `suptitle(t, **kwargs)` → Text at (0.5, 0.98).
    static func suptitle(_ interp: Interpreter, _ figure: PlotFigure, _ state: PyplotState, _ args: Arguments, _ name: String) throws -> Value {
        let a = try NativeSignature(name, "t", .varKeyword("kwargs")).bind(args)
        var keywords = PlotKeywords(a.extraKeywords, artist: "Text")
        keywords.dropTextStyle()
        try keywords.finish()
        let text = try PlotData.text(interp, a["t"])
        figure.suptitle = text
        return AxesDecorations.makeText(state, (.float(0.5), .float(0.98)), text)
    }

    /// `tight_layout(*, pad=1.08, h_pad=None, w_pad=None, rect=None)`: the
    /// margins are fitted with the default padding.
    static func tightLayout(_ figure: PlotFigure, _ args: Arguments, _ name: String) throws -> Value {
        _ = try NativeSignature(name, .keywordOnly("pad", default: .none), .keywordOnly("h_pad", default: .none),
                                .keywordOnly("w_pad", default: .none), .keywordOnly("rect", default: .none)).bind(args)
        figure.tightLayout = true
        return .none
    }

    static func subplotsAdjust(_ interp: Interpreter, _ figure: PlotFigure, _ args: Arguments, _ name: String) throws -> Value {
        let names = ["left", "bottom", "right", "top", "wspace", "hspace"]
        let a = try NativeSignature(name, parameters: names.map { .init($0, default: .none) }).bind(args)
        let v = try names.map { try PlotData.optionalNumber(interp, a.optional($0), $0) }
        try PlotCalls.run {
            try figure.subplotParameters.adjust(left: v[0], right: v[2], bottom: v[1], top: v[3], wspace: v[4], hspace: v[5])
        }
        return .none
    }

    /// `subplot(nrows, ncols, index)`, `subplot(221)` or `subplot()` (111).
    static func subplotSpec(_ interp: Interpreter, _ args: Arguments, _ name: String) throws -> (Int, Int, Int) {
        if let extra = args.keywords.first {
            throw PyError(.typeError, "\(name)() got an unexpected keyword argument '\(extra.name.name)'")
        }
        switch args.positional.count {
        case 0:
            return (1, 1, 1)
        case 1:
            let code = try PlotData.int(args.positional[0], "subplot specification")
            guard (100...999).contains(code) else {
                throw PyError(.valueError, "Integer subplot specification must be a three-digit number, not \(code)")
            }
            return (code / 100, code / 10 % 10, code % 10)
        case 3:
            if case .object(let o) = args.positional[2], o is PyTuple {
                throw PyError(.valueError, "subplots spanning several cells (index as a tuple) are not supported here")
            }
            let n = try args.positional.map { try PlotData.int($0, "subplot specification") }
            return (n[0], n[1], n[2])
        default:
            throw PyError(.typeError, "\(name)() takes 1 or 3 positional arguments but \(args.positional.count) were given")
        }
    }

    /// `savefig(...)`: there is no file access; figures are shown inline instead.
    static func savefig(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        var message = "savefig() writes no files in Litgrad: figures are shown inline in the rendered notebook"
        if let file = args.positional.first { message += "; \(try interp.repr(file)) was not written" }
        interp.warn(message)
        return .none
    }
}
