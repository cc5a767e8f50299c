/// `plot`, `scatter`, `bar`, `hist` and the log-scale plots, shared by the
/// Axes methods and the pyplot functions (which draw on the current Axes).
/// `name` is the function as the user called it, for error messages.
enum AxesPlotting {
    // MARK: plot

    /// `plot(*args, **kwargs)` → a list of Line2D.
    static func plot(_ interp: Interpreter, _ target: AxesHandle, _ args: Arguments, _ name: String) throws -> Value {
        var keywords = PlotKeywords(args.keywords, artist: "Line2D")
        let options = try lineOptions(interp, &keywords)
        try keywords.finish()
        let arguments = try plotArguments(interp, args.positional)
        let lines = try PlotCalls.run { try target.axes.plot(arguments, options: options) }
        return .list(lines.map { .object(PyInstance(cls: target.state.types.line2D, payload: LineHandle($0))) })
    }

    static func lineOptions(_ interp: Interpreter, _ keywords: inout PlotKeywords) throws -> LineOptions {
        var options = LineOptions()
        if let v = try keywords.take("label") { options.label = try PlotData.text(interp, v) }
        if let v = try keywords.take("color", "c") { options.color = try PlotStyleArguments.color(interp, v) }
        if let v = try keywords.take("linestyle", "ls") { options.lineStyle = try PlotStyleArguments.lineStyle(interp, v) }
        if let v = try keywords.take("linewidth", "lw") { options.lineWidth = try PlotData.number(interp, v, "linewidth") }
        if let v = try keywords.take("marker") { options.marker = .some(try PlotStyleArguments.marker(interp, v)) }
        if let v = try keywords.take("markersize", "ms") { options.markerSize = try PlotData.number(interp, v, "markersize") }
        if let v = try keywords.take("markerfacecolor", "mfc") { options.markerFaceColor = try PlotStyleArguments.color(interp, v) }
        if let v = try keywords.take("alpha") { options.alpha = try PlotData.number(interp, v, "alpha") }
        return options
    }

    /// The positional arguments as the model takes them. Groups are formed
    /// as matplotlib does (`x, y[, fmt]` or `y[, fmt]`); 2-D data become one
    /// group per column, with x given explicitly so the model regroups them alike.
    static func plotArguments(_ interp: Interpreter, _ positional: [Value]) throws -> [PlotArgument] {
        var result: [PlotArgument] = []
        var rest = positional[...]
        while !rest.isEmpty {
            var end = rest.startIndex + min(2, rest.count)
            if end < rest.endIndex, rest[end].stringValue != nil { end += 1 }
            let group = rest[rest.startIndex..<end]
            rest = rest[end...]
            var data: [PlotArray] = []
            var format: String?
            var arguments: [PlotArgument] = []
            for value in group {
                if let s = value.stringValue {
                    format = s
                    arguments.append(.format(s))
                } else {
                    let array = try PlotData.array(interp, value)
                    data.append(array)
                    arguments.append(.data(array.values))
                }
            }
            if data.contains(where: { $0.shape.count > 1 }) {
                result += try columnGroups(data, format: format)
            } else {
                result += arguments
            }
        }
        return result
    }

    /// `plot(x, Y)` with 2-D data: one line per column of Y (and of X).
    private static func columnGroups(_ data: [PlotArray], format: String?) throws -> [PlotArgument] {
        for a in data where a.shape.count > 2 {
            throw PyError(.valueError, "x and y can be no greater than 2D, but have shapes \(PlotData.shapeText(a.shape))")
        }
        let y = data[data.count - 1]
        let x: PlotArray? = data.count == 2 ? data[0] : nil
        if let x, x.strings != nil || y.strings != nil {
            throw PyError(.valueError, "2-D data cannot be categorical")
        }
        let yColumns = y.columns
        let rows = y.shape.first ?? y.count
        let xColumns = x?.columns ?? [(0..<rows).map(Double.init)]
        if let x, x.shape.first ?? x.count != rows {
            throw PyError(.valueError, "x and y must have same first dimension, but have shapes \(PlotData.shapeText(x.shape)) and \(PlotData.shapeText(y.shape))")
        }
        guard xColumns.count == yColumns.count || xColumns.count == 1 || yColumns.count == 1 else {
            throw PyError(.valueError, "x has \(xColumns.count) columns but y has \(yColumns.count) columns")
        }
        var result: [PlotArgument] = []
        for i in 0..<max(xColumns.count, yColumns.count) {
            result.append(.data(.numbers(xColumns[xColumns.count == 1 ? 0 : i])))
            result.append(.data(.numbers(yColumns[yColumns.count == 1 ? 0 : i])))
            if let format { result.append(.format(format)) }
        }
        return result
    }

    /// `semilogy`, `semilogx`, `loglog`: `plot`, then log scales.
    static func logPlot(x: Bool, y: Bool) -> (Interpreter, AxesHandle, Arguments, String) throws -> Value {
        return { interp, target, args, name in
            let lines = try plot(interp, target, args, name)
            if x { try PlotCalls.run { try target.axes.setXScale("log") } }
            if y { try PlotCalls.run { try target.axes.setYScale("log") } }
            return lines
        }
    }

    // MARK: scatter

    static let scatterSignature: [NativeSignature.Parameter] = [
        "x", "y", .init("s", default: .none), .init("c", default: .none), .init("marker", default: .none),
        .init("cmap", default: .none), .init("norm", default: .none), .init("vmin", default: .none),
        .init("vmax", default: .none), .init("alpha", default: .none), .init("linewidths", default: .none),
        .keywordOnly("edgecolors", default: .none), .varKeyword("kwargs"),
    ]

    /// `scatter(x, y, s=None, c=None, marker=None, cmap=None, …)` → a PathCollection.
    static func scatter(_ interp: Interpreter, _ target: AxesHandle, _ args: Arguments, _ name: String) throws -> Value {
        let a = try NativeSignature(name, parameters: scatterSignature).bind(args)
        var keywords = PlotKeywords(a.extraKeywords, artist: "PathCollection")
        let x = try PlotData.array(interp, a["x"]), y = try PlotData.array(interp, a["y"])
        var options = ScatterOptions()
        if let s = a.optional("s") { options.sizes = try PlotData.numbers(interp, s, "s") }
        let color = try keywords.take("color")
        if let c = a.optional("c") {
            if color != nil {
                throw PyError(.valueError, "Supply a 'c' argument or a 'color' kwarg but not both; they differ but their functionalities overlap.")
            }
            options.colors = try scatterColors(interp, c, pointCount: x.count)
        } else if let color {
            let colors = try PlotStyleArguments.colors(interp, color)
            options.colors = colors.count == 1 ? .single(colors[0]) : .perPoint(colors)
        }
        if let m = a.optional("marker") {
            guard let marker = try PlotStyleArguments.marker(interp, m) else {
                throw PyError(.valueError, "scatter() needs a marker to draw, not \(try interp.repr(m))")
            }
            options.marker = marker
        }
        if let cmap = a.optional("cmap") {
            guard let name = cmap.stringValue else { throw PyError(.typeError, "cmap must be a colormap name such as 'viridis', not \(cmap.typeName)") }
            options.colormap = name
        }
        if a.optional("norm") != nil { throw PyError(.valueError, "norm= is not supported here; use vmin= and vmax=") }
        options.vmin = try PlotData.optionalNumber(interp, a.optional("vmin"), "vmin")
        options.vmax = try PlotData.optionalNumber(interp, a.optional("vmax"), "vmax")
        options.alpha = try PlotData.optionalNumber(interp, a.optional("alpha"), "alpha")
        if let lw = try a.optional("linewidths") ?? keywords.take("linewidth", "lw") {
            let widths = try PlotData.numbers(interp, lw, "linewidths")
            guard let first = widths.first else { throw PyError(.valueError, "linewidths must not be empty") }
            options.lineWidth = first
        }
        if let edges = try a.optional("edgecolors") ?? keywords.take("edgecolor", "ec") {
            if edges.stringValue == "face" { options.edgeColors = nil } else { options.edgeColors = try PlotStyleArguments.colors(interp, edges) }
        }
        if let label = try keywords.take("label") { options.label = try PlotData.text(interp, label) }
        try keywords.finish()
        try PlotCalls.run { try target.axes.scatter(x: x.values, y: y.values, options: options) }
        return .object(PyInstance(cls: target.state.types.pathCollection))
    }

    /// `c=`: a colour, colours, or numbers for the colormap. Numbers of
    /// length 3 or 4 are one RGB(A) colour only when they cannot be one value per point.
    private static func scatterColors(_ interp: Interpreter, _ c: Value, pointCount: Int) throws -> ScatterColors {
        if let s = c.stringValue { return .single(try PlotCalls.run { try PlotColor.parse(s) }) }
        let items: [Value]
        if case .object(let o) = c, o is PyList || o is PyTuple { items = try interp.iterate(c) } else { items = [] }
        if !items.isEmpty, items.allSatisfy({ $0.stringValue != nil || $0.object is PyTuple || $0.object is PyList }) {
            return .perPoint(try items.map { try PlotStyleArguments.color(interp, $0) })
        }
        let numbers = try PlotData.numbers(interp, c, "c")
        if numbers.count != pointCount, numbers.count == 3 || numbers.count == 4, numbers.allSatisfy({ $0 >= 0 && $0 <= 1 }) {
            return .single(try PlotCalls.run { try PlotColor.fromComponents(numbers) })
        }
        return .values(numbers)
    }

    // MARK: bar

    static let barSignature: [NativeSignature.Parameter] = [
        "x", "height", .init("width", default: .float(0.8)), .init("bottom", default: .none),
        .keywordOnly("align", default: .string("center")), .varKeyword("kwargs"),
    ]

    /// `bar(x, height, width=0.8, bottom=None, *, align='center', …)` → a BarContainer.
    static func bar(_ interp: Interpreter, _ target: AxesHandle, _ args: Arguments, _ name: String) throws -> Value {
        let a = try NativeSignature(name, parameters: barSignature).bind(args)
        var keywords = PlotKeywords(a.extraKeywords, artist: "Rectangle")
        let x = try PlotData.values(interp, a["x"], "x")
        let heights = try PlotData.numbers(interp, a["height"], "height")
        var options = BarOptions()
        options.widths = try PlotData.numbers(interp, a["width"], "width")
        if let bottom = a.optional("bottom") { options.bottoms = try PlotData.numbers(interp, bottom, "bottom") }
        guard let align = BarOptions.Alignment(rawValue: try a.string("align")) else {
            throw PyError(.valueError, "\(Interpreter.quoted(try a.string("align"))) is not a valid value for align; supported values are 'center', 'edge'")
        }
        options.alignment = align
        if let color = try keywords.take("color") { options.colors = try PlotStyleArguments.colors(interp, color) }
        if let edge = try keywords.take("edgecolor", "ec") { options.edgeColor = try PlotStyleArguments.color(interp, edge) }
        if let lw = try keywords.take("linewidth", "lw") { options.lineWidth = try PlotData.number(interp, lw, "linewidth") }
        if let label = try keywords.take("label") { options.label = try PlotData.text(interp, label) }
        if let alpha = try keywords.take("alpha") { options.alpha = try PlotData.number(interp, alpha, "alpha") }
        if let labels = try keywords.take("tick_label") {
            if let single = labels.stringValue { options.tickLabels = [single] } else {
                options.tickLabels = try interp.iterate(labels).map { try PlotData.text(interp, $0) }
            }
        }
        try keywords.finish()
        try PlotCalls.run { try target.axes.bar(x: x, heights: heights, options: options) }
        guard case .bars(let bars)? = target.axes.artists.last else { return .none }
        return container(target.state, count: bars.heights.count)
    }

    static func container(_ state: PyplotState, count: Int) -> Value {
        .object(PyInstance(cls: state.types.barContainer, payload: ArtistCount(count)))
    }

    // MARK: hist

    static let histSignature: [NativeSignature.Parameter] = [
        "x", .init("bins", default: .none), .init("range", default: .none), .init("density", default: .bool(false)),
        .init("weights", default: .none), .init("cumulative", default: .bool(false)), .init("bottom", default: .none),
        .init("histtype", default: .string("bar")), .init("align", default: .string("mid")),
        .init("orientation", default: .string("vertical")), .init("rwidth", default: .none), .init("log", default: .bool(false)),
        .init("color", default: .none), .init("label", default: .none), .init("stacked", default: .bool(false)),
        .varKeyword("kwargs"),
    ]

    /// `hist(x, bins=None, range=None, density=False, …)` → (counts, edges, patches),
    /// counts and edges as lists of floats (there is no NumPy).
    static func hist(_ interp: Interpreter, _ target: AxesHandle, _ args: Arguments, _ name: String) throws -> Value {
        let a = try NativeSignature(name, parameters: histSignature).bind(args)
        var options = HistogramOptions()
        let data = try PlotData.array(interp, a["x"])
        guard data.shape.count <= 1, data.strings == nil else {
            throw PyError(.valueError, "hist() draws one dataset of numbers here; got data of shape \(PlotData.shapeText(data.shape))")
        }
        if let bins = a.optional("bins") {
            if let s = bins.stringValue {
                throw PyError(.valueError, "bins=\(Interpreter.quoted(s)) is not supported here; give a number of bins or the bin edges")
            }
            if case .int = bins {
                let count = try PlotData.int(bins, "bins")
                try interp.checkSize(count, "list of bins")
                options.bins = .count(count)
            } else {
                let edges = try PlotData.array(interp, bins)
                options.bins = edges.shape.isEmpty ? .count(try PlotData.int(bins, "bins")) : .edges(edges.numbers)
            }
        }
        if let range = a.optional("range") {
            let bounds = try interp.iterate(range)
            guard bounds.count == 2 else { throw PyError(.valueError, "too many values to unpack (expected 2)") }
            options.range = AxisRange(try PlotData.number(interp, bounds[0], "range"), try PlotData.number(interp, bounds[1], "range"))
        }
        options.density = try interp.isTruthy(a["density"])
        let unsupported = [("weights", a.optional("weights") != nil), ("cumulative", try interp.isTruthy(a["cumulative"])),
                           ("bottom", a.optional("bottom") != nil), ("align", a["align"].stringValue != "mid"),
                           ("orientation", a["orientation"].stringValue != "vertical"), ("log", try interp.isTruthy(a["log"])),
                           ("stacked", try interp.isTruthy(a["stacked"]))]
        if let (parameter, _) = unsupported.first(where: { $0.1 }) {
            throw PyError(.valueError, "hist(\(parameter)=…) is not supported here")
        }
        let histtype = try a.string("histtype")
        switch histtype {
        case "bar", "barstacked": options.style = .bar
        case "step": options.style = .step
        case "stepfilled": options.style = .stepFilled
        default:
            throw PyError(.valueError, "\(Interpreter.quoted(histtype)) is not a valid value for histtype. Supported values are 'bar', 'barstacked', 'step', 'stepfilled'")
        }
        options.relativeWidth = try PlotData.optionalNumber(interp, a.optional("rwidth"), "rwidth")
        if let color = a.optional("color") { options.color = try PlotStyleArguments.color(interp, color) }
        if let label = a.optional("label") { options.label = try PlotData.text(interp, label) }
        var keywords = PlotKeywords(a.extraKeywords, artist: options.style == .bar ? "Rectangle" : "Polygon")
        if let edge = try keywords.take("edgecolor", "ec") { options.edgeColor = try PlotStyleArguments.color(interp, edge) }
        if let lw = try keywords.take("linewidth", "lw") { options.lineWidth = try PlotData.number(interp, lw, "linewidth") }
        if let alpha = try keywords.take("alpha") { options.alpha = try PlotData.number(interp, alpha, "alpha") }
        if let color = try keywords.take("facecolor", "fc") {
            guard options.color == nil else { throw PyError(.typeError, "Got both 'color' and 'facecolor', which are aliases of one another") }
            options.color = try PlotStyleArguments.color(interp, color)
        }
        try keywords.finish()
        let histogram = try PlotCalls.run { try target.axes.hist(data.numbers, options: options) }
        let patches: Value = options.style == .bar
            ? container(target.state, count: histogram.counts.count)
            : .list([.object(PyInstance(cls: target.state.types.polygon))])
        return .tuple([.list(histogram.counts.map(Value.float)), .list(histogram.edges.map(Value.float)), patches])
    }
}

/// The payload of a `Line2D`: the line as drawn (Line2D objects are read-only here).
final class LineHandle {
    let line: PlotLine
    init(_ line: PlotLine) { self.line = line }
}

/// The payload of a `BarContainer`: how many bars it holds.
final class ArtistCount {
    let count: Int
    init(_ count: Int) { self.count = count }
}
