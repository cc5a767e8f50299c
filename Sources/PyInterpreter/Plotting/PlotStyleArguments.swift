/// Colours, line styles, markers and font sizes given as Python values.
enum PlotStyleArguments {
    /// `'red'`, `'C1'`, `'#1f77b4'`, `(r, g, b)`, `(r, g, b, a)` or `('red', 0.5)`.
    static func color(_ interp: Interpreter, _ v: Value) throws -> PlotColor {
        if case .str(let s) = v { return try PlotCalls.run { try PlotColor.parse(s.value) } }
        guard case .object(let o) = v, o is PyTuple || o is PyList else {
            if let t = TorchValues.tensor(v), t.dim == 1, t.count == 3 || t.count == 4 {
                return try PlotCalls.run { try PlotColor.fromComponents(t.doubles()) }
            }
            throw PyError(.valueError, "Invalid RGBA argument: \(try interp.repr(v))")
        }
        let items = try interp.iterate(v)
        if items.count == 2, case .str(let name) = items[0] {
            let alpha = try PlotData.number(interp, items[1], "alpha")
            return try PlotCalls.run { try PlotColor.parse(name.value).withAlpha(alpha) }
        }
        let components = try items.map { item -> Double in
            guard case .str = item else { return try PlotData.number(interp, item, "RGBA value") }
            throw PyError(.valueError, "Invalid RGBA argument: \(try interp.repr(v))")
        }
        return try PlotCalls.run { try PlotColor.fromComponents(components) }
    }

    /// One colour or a sequence of them (`bar(color=['r', 'g'])`, `edgecolors=`).
    static func colors(_ interp: Interpreter, _ v: Value) throws -> [PlotColor] {
        if case .object(let o) = v, o is PyTuple || o is PyList {
            let items = try interp.iterate(v)
            let isSingle = (items.count == 3 || items.count == 4) && items.allSatisfy { if case .str = $0 { return false } else { return true } }
                && items.allSatisfy { !isSequence($0) }
            let isPair = items.count == 2 && items[0].stringValue != nil && !isSequence(items[1]) && items[1].stringValue == nil
            if !isSingle && !isPair { return try items.map { try color(interp, $0) } }
        }
        return [try color(interp, v)]
    }

    private static func isSequence(_ v: Value) -> Bool {
        if case .object(let o) = v { return o is PyTuple || o is PyList }
        return false
    }

    static func lineStyle(_ interp: Interpreter, _ v: Value) throws -> LineStyle {
        guard case .str(let s) = v else {
            throw PyError(.valueError, "dash patterns such as \(try interp.repr(v)) are not supported here; use '-', '--', '-.' or ':'")
        }
        return try PlotCalls.run { try LineStyle.parse(s.value) }
    }

    /// A marker, or nil for `'None'`/`''` (explicitly no marker).
    static func marker(_ interp: Interpreter, _ v: Value) throws -> Marker? {
        guard case .str(let s) = v else {
            throw PyError(.valueError, "Unrecognized marker style \(try interp.repr(v))")
        }
        return try PlotCalls.run { try Marker.parse(s.value) }
    }

    /// Points, or one of matplotlib's size names relative to the 10 pt default.
    static func fontSize(_ interp: Interpreter, _ v: Value) throws -> Double {
        if case .str(let s) = v {
            let scale: [String: Double] = ["xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1,
                                           "large": 1.2, "x-large": 1.44, "xx-large": 1.728, "smaller": 0.833, "larger": 1.2]
            guard let factor = scale[s.value] else {
                throw PyError(.valueError, "\(Interpreter.quoted(s.value)) is not a valid font size. Valid font sizes are xx-small, x-small, small, medium, large, x-large, xx-large, larger, smaller, None")
            }
            return 10 * factor
        }
        return try PlotData.number(interp, v, "fontsize")
    }
}

/// Runs model code, turning a `PlotError` into the Python exception it names.
enum PlotCalls {
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PlotError {
            throw PyError(type: error.kind.rawValue, message: error.message)
        }
    }
}
