/// Titles, labels, limits, scales, ticks, legend and grid of an Axes, shared
/// by the Axes methods and the pyplot functions. `name` is the function as
/// the user called it, for error messages.
enum AxesDecorations {
    typealias Body = (Interpreter, AxesHandle, Arguments, String) throws -> Value

    // MARK: text

    enum TextRole {
        case title, xLabel, yLabel

        /// Where matplotlib reports the text (`Text(0.5, 1.0, 'Loss')`).
        var position: (Value, Value) {
            switch self {
            case .title: return (.float(0.5), .float(1.0))
            case .xLabel: return (.float(0.5), .int(0))
            case .yLabel: return (.int(0), .float(0.5))
            }
        }
    }

    /// `set_title(label, …)`, `set_xlabel(xlabel, …)`, `set_ylabel(ylabel, …)`
    /// (and `plt.title` …) → a Text. Font and placement keywords are accepted;
    /// the text is drawn in the default style.
    static func setText(_ role: TextRole, parameter: String) -> Body {
        return { interp, target, args, name in
            let a = try NativeSignature(name, parameters: [.init(parameter), .varKeyword("kwargs")]).bind(args)
            let text = try PlotData.text(interp, a[parameter])
            var keywords = PlotKeywords(a.extraKeywords, artist: "Text")
            keywords.dropTextStyle()
            try keywords.finish()
            switch role {
            case .title: target.axes.setTitle(text)
            case .xLabel: target.axes.setXLabel(text)
            case .yLabel: target.axes.setYLabel(text)
            }
            return makeText(target.state, role.position, text)
        }
    }

    static func makeText(_ state: PyplotState, _ position: (Value, Value), _ text: String) -> Value {
        .object(PyInstance(cls: state.types.text, payload: TextHandle(x: position.0, y: position.1, text: text)))
    }

    static func getText(_ role: TextRole) -> Body {
        return { _, target, args, name in
            _ = try NativeSignature(name).bind(args)
            switch role {
            case .title: return .string(target.axes.title ?? "")
            case .xLabel: return .string(target.axes.xAxis.label ?? "")
            case .yLabel: return .string(target.axes.yAxis.label ?? "")
            }
        }
    }

    // MARK: limits

    /// `set_xlim(left=None, right=None, *, emit=True, auto=False, xmin=None, xmax=None)`
    /// (`set_ylim` with bottom/top, ymin/ymax): `left` may be a pair. Returns the new limits.
    static func setLimits(x isX: Bool) -> Body {
        let (low, high) = isX ? ("left", "right") : ("bottom", "top")
        let (lowAlias, highAlias) = isX ? ("xmin", "xmax") : ("ymin", "ymax")
        return { interp, target, args, name in
            let a = try NativeSignature(name, .init(low, default: .none), .init(high, default: .none),
                                        .keywordOnly("emit", default: .bool(true)), .keywordOnly("auto", default: .bool(false)),
                                        .keywordOnly(lowAlias, default: .none), .keywordOnly(highAlias, default: .none)).bind(args)
            var lower = a.optional(low), upper = a.optional(high)
            if let v = lower, upper == nil, case .object(let o) = v, o is PyTuple || o is PyList {
                let pair = try interp.iterate(v)
                guard pair.count == 2 else {
                    throw PyError(.valueError, pair.count < 2 ? "not enough values to unpack (expected 2, got \(pair.count))"
                                                              : "too many values to unpack (expected 2)")
                }
                (lower, upper) = (pair[0].isNone ? nil : pair[0], pair[1].isNone ? nil : pair[1])
            }
            if let v = a.optional(lowAlias) {
                if lower != nil { throw PyError(.typeError, "Cannot pass both '\(low)' and '\(lowAlias)'") }
                lower = v
            }
            if let v = a.optional(highAlias) {
                if upper != nil { throw PyError(.typeError, "Cannot pass both '\(high)' and '\(highAlias)'") }
                upper = v
            }
            let lo = try PlotData.optionalNumber(interp, lower, low), hi = try PlotData.optionalNumber(interp, upper, high)
            let range = try PlotCalls.run {
                isX ? try target.axes.setXLimits(lower: lo, upper: hi) : try target.axes.setYLimits(lower: lo, upper: hi)
            }
            return .tuple([.float(range.lower), .float(range.upper)])
        }
    }

    static func getLimits(x isX: Bool) -> Body {
        return { _, target, args, name in
            _ = try NativeSignature(name).bind(args)
            let range = isX ? target.axes.xLimits() : target.axes.yLimits()
            return .tuple([.float(range.lower), .float(range.upper)])
        }
    }

    /// `plt.xlim()` gets, `plt.xlim(…)` sets.
    static func limits(x isX: Bool) -> Body {
        let get = getLimits(x: isX), set = setLimits(x: isX)
        return { interp, target, args, name in
            args.isEmpty ? try get(interp, target, args, name) : try set(interp, target, args, name)
        }
    }

    // MARK: scales

    static func setScale(x isX: Bool) -> Body {
        return { interp, target, args, name in
            let a = try NativeSignature(name, "value").bind(args)
            let scale = try PlotData.text(interp, a["value"])
            try PlotCalls.run { isX ? try target.axes.setXScale(scale) : try target.axes.setYScale(scale) }
            return .none
        }
    }

    static func getScale(x isX: Bool) -> Body {
        return { _, target, args, name in
            _ = try NativeSignature(name).bind(args)
            return .string((isX ? target.axes.xAxis : target.axes.yAxis).scale.rawValue)
        }
    }

    // MARK: ticks

    /// `set_xticks(ticks, labels=None, *, minor=False, **kwargs)`; text keywords are accepted.
    static func setTicks(x isX: Bool) -> Body {
        return { interp, target, args, name in
            let a = try NativeSignature(name, "ticks", .init("labels", default: .none), .keywordOnly("minor", default: .bool(false)),
                                        .varKeyword("kwargs")).bind(args)
            try applyTicks(interp, target, isX: isX, ticks: a["ticks"], labels: a.optional("labels"),
                           minor: a["minor"], keywords: a.extraKeywords)
            return .none
        }
    }

    /// `set_xticklabels(labels, **kwargs)`: labels for ticks set before.
    static func setTickLabels(x isX: Bool) -> Body {
        return { interp, target, args, name in
            let a = try NativeSignature(name, "labels", .varKeyword("kwargs")).bind(args)
            try applyTicks(interp, target, isX: isX, ticks: nil, labels: a["labels"], minor: .bool(false), keywords: a.extraKeywords)
            return .none
        }
    }

    /// `plt.xticks(ticks=None, labels=None, *, minor=False, **kwargs)`: only
    /// text keywords (`rotation=45`) leave the ticks as they are.
    static func ticks(x isX: Bool) -> Body {
        return { interp, target, args, name in
            let a = try NativeSignature(name, .init("ticks", default: .none), .init("labels", default: .none),
                                        .keywordOnly("minor", default: .bool(false)), .varKeyword("kwargs")).bind(args)
            if a.optional("ticks") == nil && a.optional("labels") == nil {
                var keywords = PlotKeywords(a.extraKeywords, artist: "Text")
                keywords.dropTextStyle()
                try keywords.finish()
                return .none
            }
            try applyTicks(interp, target, isX: isX, ticks: a.optional("ticks"), labels: a.optional("labels"),
                           minor: a["minor"], keywords: a.extraKeywords)
            return .none
        }
    }

    private static func applyTicks(_ interp: Interpreter, _ target: AxesHandle, isX: Bool, ticks: Value?, labels: Value?,
                                   minor: Value, keywords: [(name: Symbol, value: Value)]) throws {
        var rest = PlotKeywords(keywords, artist: "Text")
        rest.dropTextStyle()
        try rest.finish()
        if try interp.isTruthy(minor) { throw PyError(.valueError, "minor ticks are not drawn here") }
        let axis = isX ? target.axes.xAxis : target.axes.yAxis
        let positions: [Double]
        if let ticks {
            positions = try PlotData.numbers(interp, ticks, "ticks")
        } else if let fixed = axis.fixedTicks {
            positions = fixed
        } else {
            throw PyError(.valueError, "tick labels need fixed ticks here: set the tick positions first (set_\(isX ? "x" : "y")ticks)")
        }
        let texts = try labels.map { try interp.iterate($0).map { try PlotData.text(interp, $0) } }
        try PlotCalls.run {
            isX ? try target.axes.setXTicks(positions, labels: texts) : try target.axes.setYTicks(positions, labels: texts)
        }
    }

    // MARK: legend and grid

    /// `legend()`, `legend(labels)`, with loc, frameon, title, ncol(s), fontsize → a Legend.
    static func legend(_ interp: Interpreter, _ target: AxesHandle, _ args: Arguments, _ name: String) throws -> Value {
        var settings = PlotLegend()
        var labels: [String]?
        switch args.positional.count {
        case 0: break
        case 1: labels = try interp.iterate(args.positional[0]).map { try PlotData.text(interp, $0) }
        default: throw PyError(.typeError, "legend(handles, labels) is not supported here; give the lines label= or call legend(labels)")
        }
        for (symbol, value) in args.keywords where !value.isNone {
            switch symbol.name {
            case "loc":
                if let s = value.stringValue {
                    settings.location = try PlotCalls.run { try LegendLocation.parse(s) }
                } else if case .int(let code) = value {
                    settings.location = try PlotCalls.run { try LegendLocation.fromCode(code) }
                } else {
                    throw PyError(.valueError, "loc must be string, coordinate tuple, or an integer 0-10, not \(try interp.repr(value))")
                }
            case "frameon": settings.frameOn = try interp.isTruthy(value)
            case "title": settings.title = try PlotData.text(interp, value)
            case "ncol", "ncols": settings.columns = try PlotData.int(value, symbol.name)
            case "fontsize": settings.fontSize = try PlotStyleArguments.fontSize(interp, value)
            case "labels": labels = try interp.iterate(value).map { try PlotData.text(interp, $0) }
            case "handles":
                throw PyError(.typeError, "legend(handles=…) is not supported here; give the lines label= or call legend(labels)")
            default: throw PyError(.typeError, "Legend.__init__() got an unexpected keyword argument '\(symbol.name)'")
            }
        }
        if !target.axes.showLegend(settings, labels: labels) {
            interp.warn(PlotAxes.noLegendEntriesWarning)
        }
        return .object(PyInstance(cls: target.state.types.legend))
    }

    /// `grid(visible=None, which='major', axis='both', **kwargs)`; `b=` is
    /// accepted for `visible` as older matplotlib did.
    static func grid(_ interp: Interpreter, _ target: AxesHandle, _ args: Arguments, _ name: String) throws -> Value {
        let a = try NativeSignature(name, .init("visible", default: .none), .init("which", default: .string("major")),
                                    .init("axis", default: .string("both")), .varKeyword("kwargs")).bind(args)
        var keywords = PlotKeywords(a.extraKeywords, artist: "Line2D")
        var visibleValue = a.optional("visible")
        if let b = try keywords.take("b") {
            guard visibleValue == nil else { throw PyError(.typeError, "Got both 'visible' and 'b', which are aliases of one another") }
            visibleValue = b
        }
        let which = try PlotData.text(interp, a["which"])
        guard ["major", "minor", "both"].contains(which) else {
            throw PyError(.valueError, "\(Interpreter.quoted(which)) is not a valid value for which; supported values are 'major', 'minor', 'both'")
        }
        var style: GridStyle? = nil
        func styled() -> GridStyle { style ?? GridStyle() }
        if let v = try keywords.take("color", "c") { var s = styled(); s.color = try PlotStyleArguments.color(interp, v); style = s }
        if let v = try keywords.take("linestyle", "ls") { var s = styled(); s.lineStyle = try PlotStyleArguments.lineStyle(interp, v); style = s }
        if let v = try keywords.take("linewidth", "lw") { var s = styled(); s.lineWidth = try PlotData.number(interp, v, "linewidth"); style = s }
        if let v = try keywords.take("alpha") { var s = styled(); s.alpha = try PlotData.number(interp, v, "alpha"); style = s }
        if let unknown = keywords.leftover {
            throw PyError(.valueError, "keyword grid_\(unknown) is not recognized; valid keywords are ['color', 'c', 'linestyle', 'ls', 'linewidth', 'lw', 'alpha']")
        }
        // Minor ticks are off, so their grid lines do not exist (as in matplotlib).
        guard which != "minor" else { return .none }
        let visible = try visibleValue.map { try interp.isTruthy($0) }
        try PlotCalls.run { try target.axes.grid(visible, axis: try PlotData.text(interp, a["axis"]), style: style) }
        return .none
    }

    // MARK: set

    /// `ax.set(title=…, xlabel=…, xlim=…, …)`: each property through its setter.
    static func set(_ interp: Interpreter, _ target: AxesHandle, _ args: Arguments, _ name: String) throws -> Value {
        guard args.positional.isEmpty else {
            throw PyError(.typeError, "Axes.set() takes 1 positional argument but \(args.positional.count + 1) were given")
        }
        let setters: [String: Body] = [
            "title": setText(.title, parameter: "label"), "xlabel": setText(.xLabel, parameter: "xlabel"),
            "ylabel": setText(.yLabel, parameter: "ylabel"), "xlim": setLimits(x: true), "ylim": setLimits(x: false),
            "xscale": setScale(x: true), "yscale": setScale(x: false), "xticks": setTicks(x: true), "yticks": setTicks(x: false),
            "xticklabels": setTickLabels(x: true), "yticklabels": setTickLabels(x: false),
        ]
        for (symbol, value) in args.keywords {
            guard let setter = setters[symbol.name] else {
                throw PyError(.attributeError, "Axes.set() got an unexpected keyword argument '\(symbol.name)'")
            }
            _ = try setter(interp, target, Arguments([value]), "set_\(symbol.name)")
        }
        return .none
    }
}

/// The payload of a `Text`: a snapshot of what was set, for its repr.
final class TextHandle {
    let x: Value
    let y: Value
    let text: String
    init(x: Value, y: Value, text: String) {
        self.x = x
        self.y = y
        self.text = text
    }
}

