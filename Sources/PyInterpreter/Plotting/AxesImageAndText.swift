/// `imshow`, `text` and `axis`, shared by the Axes methods and the pyplot
/// functions (which act on the current Axes). `name` is the function as the
/// user called it, for error messages.
enum AxesImageAndText {
    // MARK: imshow

    static let imshowSignature: [NativeSignature.Parameter] = [
        "X", .init("cmap", default: .none), .init("norm", default: .none),
        .keywordOnly("aspect", default: .none), .keywordOnly("interpolation", default: .none),
        .keywordOnly("alpha", default: .none), .keywordOnly("vmin", default: .none), .keywordOnly("vmax", default: .none),
        .keywordOnly("origin", default: .none), .keywordOnly("extent", default: .none),
        .keywordOnly("interpolation_stage", default: .none), .keywordOnly("resample", default: .none),
        .varKeyword("kwargs"),
    ]

    /// Interpolations that look like square cells at notebook sizes: the
    /// image is drawn cell by cell, so smoothing ones are refused.
    static let blockInterpolations: Set<String> = ["nearest", "none", "antialiased", "auto"]
    static let otherInterpolations: Set<String> = [
        "bilinear", "bicubic", "spline16", "spline36", "hanning", "hamming", "hermite", "kaiser", "quadric",
        "catrom", "gaussian", "bessel", "mitchell", "sinc", "lanczos", "blackman",
    ]

    /// `imshow(X, cmap=None, norm=None, *, aspect=None, interpolation=None, alpha=None,
    /// vmin=None, vmax=None, origin=None, extent=None, …)` → an AxesImage.
    static func imshow(_ interp: Interpreter, _ target: AxesHandle, _ args: Arguments, _ name: String) throws -> Value {
        let a = try NativeSignature(name, parameters: imshowSignature).bind(args)
        var keywords = PlotKeywords(a.extraKeywords, artist: "AxesImage")
        _ = try keywords.take("label")
        try keywords.finish()
        let data = try PlotData.array(interp, a["X"])
        guard data.strings == nil else { throw PyError(.typeError, "Image data of dtype <U1 cannot be converted to float") }
        guard data.shape.count == 2 else {
            let shape = data.shape.count == 3 && [3, 4].contains(data.shape[2])
                ? "RGB(A) image data is not supported here; give one value per pixel and a cmap"
                : "Invalid shape \(PlotData.shapeText(data.shape)) for image data"
            throw PyError(data.shape.count == 3 && [3, 4].contains(data.shape[2]) ? .valueError : .typeError, shape)
        }
        var options = ImageOptions()
        if let cmap = a.optional("cmap") {
            guard let map = cmap.stringValue else { throw PyError(.typeError, "cmap must be a colormap name such as 'viridis', not \(cmap.typeName)") }
            options.colormap = map
        }
        if a.optional("norm") != nil { throw PyError(.valueError, "norm= is not supported here; use vmin= and vmax=") }
        if let aspect = a.optional("aspect") {
            switch aspect.stringValue {
            case "auto"?: options.aspect = .auto
            case "equal"?: options.aspect = .ratio(1)
            default: options.aspect = .ratio(try PlotData.number(interp, aspect, "aspect"))
            }
        }
        if let interpolation = a.optional("interpolation") {
            let method = try PlotData.text(interp, interpolation)
            if otherInterpolations.contains(method) {
                throw PyError(.valueError, "interpolation=\(Interpreter.quoted(method)) is not drawn here; use 'nearest'")
            }
            guard blockInterpolations.contains(method) else {
                throw PyError(.valueError, "\(Interpreter.quoted(method)) is not a valid value for interpolation.")
            }
        }
        options.alpha = try PlotData.optionalNumber(interp, a.optional("alpha"), "alpha")
        options.vmin = try PlotData.optionalNumber(interp, a.optional("vmin"), "vmin")
        options.vmax = try PlotData.optionalNumber(interp, a.optional("vmax"), "vmax")
        if let origin = a.optional("origin") {
            let text = try PlotData.text(interp, origin)
            guard text == "upper" || text == "lower" else {
                throw PyError(.valueError, "\(Interpreter.quoted(text)) is not a valid value for origin; supported values are 'upper', 'lower'")
            }
            options.originUpper = text == "upper"
        }
        if let extent = a.optional("extent") { options.extent = try PlotData.numbers(interp, extent, "extent") }
        let (rows, columns) = (data.shape[0], data.shape[1])
        _ = try PlotCalls.run { try target.axes.imshow(data.numbers, rows: rows, columns: columns, options: options) }
        return .object(PyInstance(cls: target.state.types.axesImage, payload: ImageShape(rows: rows, columns: columns)))
    }

    // MARK: text

    /// `text(x, y, s, fontdict=None, **kwargs)` → a Text; `s` through `str()`.
    static func text(_ interp: Interpreter, _ target: AxesHandle, _ args: Arguments, _ name: String) throws -> Value {
        let a = try NativeSignature(name, "x", "y", "s", .init("fontdict", default: .none), .varKeyword("kwargs")).bind(args)
        if a.optional("fontdict") != nil { throw PyError(.valueError, "fontdict= is not supported here; give fontsize= and color=") }
        var keywords = PlotKeywords(a.extraKeywords, artist: "Text")
        let x = try PlotData.number(interp, a["x"], "x"), y = try PlotData.number(interp, a["y"], "y")
        let string = try PlotData.text(interp, a["s"])
        var text = PlotText(x: x, y: y, text: string)
        if let ha = try keywords.take("horizontalalignment", "ha") {
            let value = try PlotData.text(interp, ha)
            guard let h = PlotText.Horizontal(rawValue: value) else {
                throw PyError(.valueError, "\(Interpreter.quoted(value)) is not a valid value for align. Supported values are 'center', 'right', 'left'")
            }
            text.horizontal = h
        }
        if let va = try keywords.take("verticalalignment", "va") {
            let value = try PlotData.text(interp, va)
            guard let v = PlotText.Vertical(rawValue: value) else {
                throw PyError(.valueError, "\(Interpreter.quoted(value)) is not a valid value for align. Supported values are 'top', 'bottom', 'center', 'baseline', 'center_baseline'")
            }
            text.vertical = v
        }
        if let color = try keywords.take("color", "c") { text.color = try PlotStyleArguments.color(interp, color) }
        if let size = try keywords.take("fontsize", "size") { text.fontSize = try PlotStyleArguments.fontSize(interp, size) }
        if let alpha = try keywords.take("alpha") { text.color = text.color.withAlpha(try PlotData.number(interp, alpha, "alpha")) }
        keywords.dropTextStyle()
        try keywords.finish()
        target.axes.addText(text)
        return AxesDecorations.makeText(target.state, (a["x"], a["y"]), string)
    }

    // MARK: axis

    /// `axis(arg=None, /, *, emit=True, **kwargs)`: `'on'`, `'off'`, `'equal'`…,
    /// `[xmin, xmax, ymin, ymax]`, or `xmin=`… keywords → (xmin, xmax, ymin, ymax).
    static func axis(_ interp: Interpreter, _ target: AxesHandle, _ args: Arguments, _ name: String) throws -> Value {
        let a = try NativeSignature(name, .init("arg", default: .none), .keywordOnly("emit", default: .bool(true)),
                                    .varKeyword("kwargs")).bind(args)
        let axes = target.axes
        var limits: (AxisRange, AxisRange)
        if let arg = a.optional("arg") {
            if let option = arg.stringValue {
                limits = try PlotCalls.run { try axes.axis(option) }
            } else if case .bool(let on) = arg {
                limits = try PlotCalls.run { try axes.axis(on ? "on" : "off") }
            } else {
                let items: [Value]
                if case .object(let o) = arg, o is PyList || o is PyTuple { items = try interp.iterate(arg) } else { items = [] }
                guard items.count == 4 else {
                    throw PyError(.typeError, "The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]")
                }
                let numbers = try items.map { try PlotData.number(interp, $0, "axis") }
                limits = try PlotCalls.run { try axes.axis(limits: numbers) }
            }
        } else {
            limits = (axes.xLimits(), axes.yLimits())
        }
        var keywords = PlotKeywords(a.extraKeywords, artist: "Axes")
        let xmin = try keywords.take("xmin"), xmax = try keywords.take("xmax")
        let ymin = try keywords.take("ymin"), ymax = try keywords.take("ymax")
        if let unknown = keywords.leftover {
            throw PyError(.typeError, "axis() got an unexpected keyword argument '\(unknown)'")
        }
        if xmin != nil || xmax != nil || ymin != nil || ymax != nil {
            if a.optional("arg") != nil {
                throw PyError(.typeError, "Cannot pass both positional and keyword arguments for x and/or y.")
            }
            let x = try PlotCalls.run {
                try axes.setXLimits(lower: try PlotData.optionalNumber(interp, xmin, "xmin"),
                                    upper: try PlotData.optionalNumber(interp, xmax, "xmax"))
            }
            let y = try PlotCalls.run {
                try axes.setYLimits(lower: try PlotData.optionalNumber(interp, ymin, "ymin"),
                                    upper: try PlotData.optionalNumber(interp, ymax, "ymax"))
            }
            limits = (x, y)
        }
        return .tuple([.float(limits.0.lower), .float(limits.0.upper), .float(limits.1.lower), .float(limits.1.upper)])
    }
}

/// The payload of an `AxesImage`: its data's shape, for `str()`.
final class ImageShape {
    let rows: Int
    let columns: Int
    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }
}
