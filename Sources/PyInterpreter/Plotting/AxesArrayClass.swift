/// The payload of an `AxesArray`: Axes objects row by row and the array's
/// shape (1-D or 2-D).
final class AxesGrid {
    let items: [Value]
    let shape: [Int]
    init(items: [Value], shape: [Int]) {
        self.items = items
        self.shape = shape
    }
}

/// What `plt.subplots(2, 2)` returns in place of NumPy's object array:
/// `axes[0, 1]`, `axes[0]`, `axes[:, 0]`, `axes[-1]`, iteration and unpacking,
/// `len`, `shape`, `ndim`, `size`, `flat`, `flatten()`, `ravel()`, with
/// NumPy's index errors and printing.
enum AxesArrayClass {
    static func make() -> PyType {
        func grid(_ v: Value) throws -> AxesGrid { try v.requirePayload(AxesGrid.self, "AxesArray") }
        let b = NativeClassBuilder("AxesArray", module: "matplotlib.pyplot", instantiable: false)
        b.method("__getitem__") { interp, this, args in
            try select(interp, try grid(this), args.positional[0], cls: this.pyType)
        }
        b.method("__len__") { _, this, _ in .int(try grid(this).shape[0]) }
        b.method("__iter__") { interp, this, _ in
            let g = try grid(this)
            let rows = try (0..<g.shape[0]).map { try element(g, [$0], cls: this.pyType) }
            return .object(try interp.makeIterator(.tuple(rows)))
        }
        b.property("shape") { _, this in .tuple(try grid(this).shape.map(Value.int)) }
        b.property("ndim") { _, this in .int(try grid(this).shape.count) }
        b.property("size") { _, this in .int(try grid(this).items.count) }
        b.property("flat") { _, this in try flattened(try grid(this), cls: this.pyType) }
        for name in ["flatten", "ravel"] {
            b.method(name) { _, this, args in
                _ = try NativeSignature(name).bind(args)
                return try flattened(try grid(this), cls: this.pyType)
            }
        }
        b.method("__repr__") { interp, this, _ in
            .string("array(" + (try text(interp, try grid(this), separator: ", ", indent: "      ")) + ", dtype=object)")
        }
        b.method("__str__") { interp, this, _ in .string(try text(interp, try grid(this), separator: " ", indent: "")) }
        return b.build()
    }

    static func array(_ items: [Value], shape: [Int], cls: PyType) -> Value {
        .object(PyInstance(cls: cls, payload: AxesGrid(items: items, shape: shape)))
    }

    private static func flattened(_ g: AxesGrid, cls: PyType) throws -> Value {
        array(g.items, shape: [g.items.count], cls: cls)
    }

    /// The element at full `index`, or the sub-array at a partial one.
    private static func element(_ g: AxesGrid, _ index: [Int], cls: PyType) throws -> Value {
        if index.count == g.shape.count {
            let flat = index.count == 2 ? index[0] * g.shape[1] + index[1] : index[0]
            return g.items[flat]
        }
        // A row of a 2-D array.
        let columns = g.shape[1]
        return array(Array(g.items[(index[0] * columns)..<((index[0] + 1) * columns)]), shape: [columns], cls: cls)
    }

    /// NumPy's basic indexing with ints and slices, one per dimension.
    private static func select(_ interp: Interpreter, _ g: AxesGrid, _ key: Value, cls: PyType) throws -> Value {
        var keys: [Value]
        if case .object(let o) = key, let t = o as? PyTuple { keys = t.items } else { keys = [key] }
        guard keys.count <= g.shape.count else {
            throw PyError(.indexError, "too many indices for array: array is \(g.shape.count)-dimensional, but \(keys.count) were indexed")
        }
        while keys.count < g.shape.count { keys.append(.object(PySlice(start: .none, stop: .none, step: .none))) }
        // For each dimension: the positions chosen, and whether the dimension stays (a slice) or goes (an int).
        var chosen: [[Int]] = []
        var kept: [Bool] = []
        for (axis, k) in keys.enumerated() {
            let size = g.shape[axis]
            if case .object(let o) = k, o is PySlice {
                let positions = try interp.callMethod(.list((0..<size).map(Value.int)), "__getitem__", Arguments([k]))
                chosen.append(try interp.iterate(positions).map { try PlotData.int($0, "index") })
                kept.append(true)
            } else {
                let i: Int
                do { i = try interp.indexValue(k) } catch {
                    throw PyError(.indexError, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
                }
                guard i >= -size && i < size else {
                    throw PyError(.indexError, "index \(i) is out of bounds for axis \(axis) with size \(size)")
                }
                chosen.append([i < 0 ? i + size : i])
                kept.append(false)
            }
        }
        var items: [Value] = []
        if g.shape.count == 1 {
            items = chosen[0].map { g.items[$0] }
        } else {
            for r in chosen[0] { for c in chosen[1] { items.append(g.items[r * g.shape[1] + c]) } }
        }
        let shape = zip(chosen, kept).filter { $0.1 }.map { $0.0.count }
        return shape.isEmpty ? items[0] : array(items, shape: shape, cls: cls)
    }

    /// NumPy's layout: `[a b]`, `[[a b]\n [c d]]` (repr: commas, `array(` indent).
    private static func text(_ interp: Interpreter, _ g: AxesGrid, separator: String, indent: String) throws -> String {
        let reprs = try g.items.map { try interp.repr($0) }
        guard g.shape.count == 2 else { return "[" + reprs.joined(separator: separator) + "]" }
        let columns = g.shape[1]
        let rows = (0..<g.shape[0]).map { r in "[" + reprs[(r * columns)..<((r + 1) * columns)].joined(separator: separator) + "]" }
        let rowSeparator = (separator == " " ? "" : ",") + "\n " + indent
        return "[" + rows.joined(separator: rowSeparator) + "]"
    }
}
