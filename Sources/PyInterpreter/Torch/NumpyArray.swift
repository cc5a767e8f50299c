#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Autograd

/// `Tensor.numpy()` without NumPy: a read-only `numpy.ndarray` whose payload
/// is a detached contiguous copy of the tensor, so bindings that take tensors
/// (`TorchValues.tensor`, pyplot) accept it unchanged. It prints as NumPy 2.x
/// does (`NumpyFormatter`). Elements come back as Python floats, ints and
/// bools, except float32 ones: they are `numpy.float32` scalars, because their
/// text is the shortest float32 repr (`0.1`, not `0.10000000149011612`).
enum NumpyArray {
    static func make(_ t: Tensor) throws -> Value {
        let copy = try GradMode.with(enabled: false) { try t.detach().contiguousCopy() }
        return .object(PyInstance(cls: ndarray, payload: copy))
    }

    /// `Tensor.numpy()`: an array on the tensor's memory, so in-place changes
    /// to either show in both, as in PyTorch.
    static func sharing(_ t: Tensor) -> Value {
        .object(PyInstance(cls: ndarray, payload: t.detach()))
    }

    /// An array sharing `t`'s memory, as NumPy's basic indexing (ints, slices,
    /// None, ...) and iteration give: writing into it writes into its base.
    static func view(_ t: Tensor) throws -> Value {
        guard t.dim > 0 else { return try element(t) }
        return .object(PyInstance(cls: ndarray, payload: t))
    }

    static func this(_ v: Value) throws -> Tensor { try v.requirePayload(Tensor.self, "numpy.ndarray") }

    /// A 0-d result as a Python scalar (or `numpy.float32`), anything else as an ndarray.
    static func element(_ t: Tensor) throws -> Value {
        guard t.dim == 0 else { return try make(t) }
        switch t.dtype {
        case .float32: return NumpyFloat32.make(Float(try t.scalarDouble()))
        case .float64: return NumpyFloat64.make(try t.scalarDouble())
        case .int64, .int32: return NumpyInt64.make(try t.scalarInt64())
        case .bool: return NumpyBool.make(try t.scalarDouble() != 0)
        }
    }

    static func isNumpy(_ v: Value) -> Bool {
        let type = v.pyType
        return type === ndarray || type === NumpyFloat32.type || type === NumpyFloat64.type || type === NumpyInt64.type || type === NumpyBool.type
    }

    /// The Python number a NumPy scalar holds (nil for anything else).
    static func pythonNumber(_ v: Value) -> Value? {
        let type = v.pyType
        guard type === NumpyFloat32.type || type === NumpyFloat64.type || type === NumpyInt64.type || type === NumpyBool.type,
              let t = v.payload(Tensor.self) else { return nil }
        return try? TensorClass.scalar(t)
    }

    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    static let ndarray: PyType = {
        let b = NativeClassBuilder("ndarray", module: "numpy", instantiable: false)
        b.method("__str__") { interp, me, _ in .string(NumpyFormatter.str(try this(me), NumpyPrintOptions.current(interp))) }
        b.method("__repr__") { interp, me, _ in .string(NumpyFormatter.repr(try this(me), NumpyPrintOptions.current(interp))) }
        b.property("shape") { _, me in .tuple(try this(me).shape.map { .int($0) }) }
        b.property("ndim") { _, me in .int(try this(me).dim) }
        b.property("size") { _, me in .int(try this(me).count) }
        b.property("dtype") { _, me in .object(NumpyDType.make(try this(me).dtype)) }
        b.method("__len__") { _, me, _ in
            let t = try this(me)
            guard let n = t.shape.first else { throw PyError(.typeError, "len() of unsized object") }
            return .int(n)
        }
        b.method("__iter__") { interp, me, _ in
            let t = try this(me)
            guard let n = t.shape.first else { throw PyError(.typeError, "iteration over a 0-d array") }
            let rows = try (0..<n).map { try view(t.index([.int($0)])) }
            return .object(try interp.makeIterator(.list(rows)))
        }
        b.method("__getitem__") { interp, me, args in
            let (items, isTuple) = try TensorIndexing.items(interp, args.positional[0])
            let basic = items.allSatisfy(\.isBasic)
            let result = try NumpyErrors.indexing { try this(me).index(items, isTuple: isTuple) }
            return try basic ? view(result) : element(result)
        }
        b.method("__setitem__") { interp, me, args in
            let t = try this(me)
            let (items, _) = try TensorIndexing.items(interp, args.positional[0])
            guard let value = try NumpyOperand.from(interp, args.positional[1]) else {
                throw PyError(.typeError, "float() argument must be a string or a real number, not '\(args.positional[1].typeName)'")
            }
            try NumpyErrors.indexing { try GradMode.with(enabled: false) { try t.indexPut(items, value.tensor.to(t.dtype)) } }
            return .none
        }
        b.method("__bool__") { _, me, _ in
            let t = try this(me)
            guard t.count == 1 else {
                throw PyError(.valueError, "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
            }
            return .bool(try t.scalarDouble() != 0)
        }
        b.method("__float__") { _, me, _ in .float(try scalarOnly(this(me)).scalarDouble()) }
        b.method("__int__") { _, me, _ in
            let t = try scalarOnly(this(me))
            return t.dtype.isFloatingPoint ? try IntMath.fromDouble(try t.scalarDouble()) : .int(Int(try t.scalarInt64()))
        }
        b.method("tolist") { _, me, _ in try TensorClass.list(this(me)) }
        b.method("item") { _, me, _ in
            let t = try this(me)
            guard t.count == 1 else { throw PyError(.valueError, "can only convert an array of size 1 to a Python scalar") }
            return try TensorClass.scalar(t)
        }
        NumpyArrayOperators.install(b)
        NumpyArrayMethods.install(b)
        return b.build()
    }()

    static func scalarOnly(_ t: Tensor) throws -> Tensor {
        guard t.count == 1 else { throw PyError(.typeError, "only length-1 arrays can be converted to Python scalars") }
        return t
    }

    /// Whole-array reductions; sums of ints and bools are ints, as in NumPy.
    static func reduce(_ t: Tensor, _ ufunc: String, _ op: (Tensor) throws -> Tensor) throws -> Value {
        if t.count == 0 && ufunc != "add" {
            throw PyError(.valueError, "zero-size array to reduction operation \(ufunc) which has no identity")
        }
        if t.dtype == .bool && ufunc == "add" { return try element(op(t.to(.int64))) }
        return try element(op(t))
    }
}

/// `numpy.dtype`: only its name (`float32`) and equality with other dtypes or names.
enum NumpyDType {
    final class Box { let dtype: DType; init(_ d: DType) { dtype = d } }

    static func name(_ d: DType) -> String { d.rawValue }

    static func make(_ d: DType) -> PyInstance { PyInstance(cls: type, payload: Box(d)) }

    static let type: PyType = NativeClassBuilder("dtype", module: "numpy", instantiable: false)
        .method("__str__") { _, me, _ in .string(name(try me.requirePayload(Box.self, "numpy.dtype").dtype)) }
        .method("__repr__") { _, me, _ in .string("dtype('\(name(try me.requirePayload(Box.self, "numpy.dtype").dtype))')") }
        .property("name") { _, me in .string(name(try me.requirePayload(Box.self, "numpy.dtype").dtype)) }
        .method("__eq__") { _, me, args in
            let mine = try me.requirePayload(Box.self, "numpy.dtype").dtype
            if let other = args.positional[0].payload(Box.self) { return .bool(other.dtype == mine) }
            if let s = args.positional[0].stringValue { return .bool(s == name(mine)) }
            if case .object(let o) = args.positional[0], o is PyType, let other = try? NumpyConvert.dtype(args.positional[0]) {
                return .bool(other == mine)
            }
            return .notImplemented
        }
        .method("__hash__") { _, me, _ in .int(name(try me.requirePayload(Box.self, "numpy.dtype").dtype).hashValue) }
        .build()
}

/// `numpy.float32` scalars: float32 arithmetic with Python numbers (NumPy 2's
/// weak-scalar rule keeps the result float32) and float32 shortest text.
/// The payload is a 0-d float32 tensor, so torch functions accept it.
enum NumpyFloat32 {
    static func make(_ f: Float) -> Value { .object(PyInstance(cls: type, payload: Tensor.scalar(Double(f), dtype: .float32))) }

    static func value(_ v: Value) throws -> Float {
        let t = try v.requirePayload(Tensor.self, "numpy.float32")
        return Float(try t.scalarDouble())
    }

    /// The other operand as a float32, or nil when NumPy would not stay in float32.
    static func operand(_ v: Value) -> Float? {
        switch v {
        case .float(let d): return Float(d)
        case .int(let i): return Float(i)
        case .bool(let b): return b ? 1 : 0
        default:
            if v.pyType === type, let t = v.payload(Tensor.self), let d = try? t.scalarDouble() { return Float(d) }
            return nil
        }
    }

    static func arithmetic(_ op: @escaping (Float, Float) -> Float, reflected: Bool = false) -> NativeMethodBody {
        return { _, me, args in
            guard let other = operand(args.positional[0]) else { return .notImplemented }
            let mine = try value(me)
            return make(reflected ? op(other, mine) : op(mine, other))
        }
    }

    static func comparison(_ op: @escaping (Float, Float) -> Bool) -> NativeMethodBody {
        return { _, me, args in
            guard let other = operand(args.positional[0]) else { return .notImplemented }
            return NumpyBool.make(op(try value(me), other))
        }
    }

    static let type: PyType = {
        let b = NativeClassBuilder("float32", module: "numpy")
        // `np.float32(x)`: the number rounded to float32.
        b.initializer { interp, this, args in
            let a = try NativeSignature("float32", .init("x", default: .float(0))).bind(args)
            this.instance?.payload = Tensor.scalar(Double(Float(try NumpyFloat64.pythonFloat(interp, a["x"]))), dtype: .float32)
            return .none
        }
        b.method("__str__") { _, me, _ in .string(NumpyFormatter.float32Str(try value(me))) }
        b.method("__repr__") { _, me, _ in .string("np.float32(\(NumpyFormatter.float32Str(try value(me))))") }
        b.method("__format__") { interp, me, args in .string(try interp.formatValue(.float(Double(try value(me))), args.positional[0].stringValue ?? "")) }
        b.method("__float__") { _, me, _ in .float(Double(try value(me))) }
        b.method("__int__") { _, me, _ in
            let f = try value(me)
            guard f.isFinite else { throw PyError(f.isNaN ? .valueError : .overflowError, f.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer") }
            return try IntMath.fromDouble(Double(f))
        }
        b.method("__bool__") { _, me, _ in .bool(try value(me) != 0) }
        b.method("__hash__") { _, me, _ in .int(Double(try value(me)).hashValue) }
        NumpyScalarRounding.install(b)
        b.method("item") { _, me, _ in .float(Double(try value(me))) }
        b.property("dtype") { _, _ in .object(NumpyDType.make(.float32)) }
        b.method("__neg__") { _, me, _ in make(-(try value(me))) }
        b.method("__pos__") { _, me, _ in me }
        b.method("__abs__") { _, me, _ in make(abs(try value(me))) }
        b.method("__add__", arithmetic(+))
        b.method("__radd__", arithmetic(+, reflected: true))
        b.method("__sub__", arithmetic(-))
        b.method("__rsub__", arithmetic(-, reflected: true))
        b.method("__mul__", arithmetic(*))
        b.method("__rmul__", arithmetic(*, reflected: true))
        b.method("__truediv__", arithmetic(/))
        b.method("__rtruediv__", arithmetic(/, reflected: true))
        b.method("__pow__", arithmetic { Float(pow(Double($0), Double($1))) })
        b.method("__rpow__", arithmetic({ Float(pow(Double($0), Double($1))) }, reflected: true))
        b.method("__eq__", comparison(==))
        b.method("__ne__", comparison(!=))
        b.method("__lt__", comparison(<))
        b.method("__le__", comparison(<=))
        b.method("__gt__", comparison(>))
        b.method("__ge__", comparison(>=))
        return b.build()
    }()
}

// MARK: - Printing

/// NumPy 2.x `str`/`repr` of arrays with default print options (linewidth 75,
/// precision 8, floatmode 'maxprec', threshold 1000, edgeitems 3), after
/// numpy/_core/arrayprint.py.
enum NumpyFormatter {
    static let lineWidth = 75
    static let threshold = 1000
    static let edgeItems = 3

    static func str(_ t: Tensor, _ options: NumpyPrintOptions = .init()) -> String {
        if t.dim == 0 { return scalarStr(t) }
        if t.count == 0 { return "[]" }
        return arrayText(t, separator: " ", prefix: "", width: lineWidth, options)
    }

    static func repr(_ t: Tensor, _ options: NumpyPrintOptions = .init()) -> String {
        let prefix = "array("
        let body = t.count == 0 ? "[]" : arrayText(t, separator: ", ", prefix: prefix, width: lineWidth - 1, options)
        var extras: [String] = []
        if (t.count == 0 && t.shape != [0]) || t.count > threshold {
            extras.append("shape=" + (t.shape.count == 1 ? "(\(t.shape[0]),)" : "(" + t.shape.map(String.init).joined(separator: ", ") + ")"))
        }
        let impliedDType = t.dtype == .float64 || t.dtype == .int64 || t.dtype == .bool
        if !impliedDType || t.count == 0 { extras.append("dtype=\(NumpyDType.name(t.dtype))") }
        if extras.isEmpty { return prefix + body + ")" }
        let head = prefix + body + ","
        let tail = extras.joined(separator: ", ") + ")"
        let lastLine = head.split(separator: "\n", omittingEmptySubsequences: false).last.map(\.count) ?? head.count
        let spacer = lastLine + tail.count + 1 > lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return head + spacer + tail
    }

    /// `str()` of a 0-d array: the scalar's text.
    static func scalarStr(_ t: Tensor) -> String {
        switch t.dtype {
        case .float32: return float32Str(Float((try? t.scalarDouble()) ?? .nan))
        case .float64: return PyFloatFormat.repr((try? t.scalarDouble()) ?? .nan)
        case .int64, .int32: return String((try? t.scalarInt64()) ?? 0)
        case .bool: return ((try? t.scalarDouble()) ?? 0) != 0 ? "True" : "False"
        }
    }

    /// `str(np.float32(x))`: shortest float32 digits, positional for 1e-4 <= |x| < 1e6.
    static func float32Str(_ f: Float) -> String {
        if f.isNaN { return "nan" }
        if f.isInfinite { return f < 0 ? "-inf" : "inf" }
        let magnitude = Double(f.magnitude)
        let d = shortest(f)
        let sign = f.sign == .minus ? "-" : ""
        if f == 0 || (magnitude >= 1e-4 && magnitude < 1e6) {
            let (whole, fraction) = positionalParts(d)
            return sign + whole + "." + (fraction.isEmpty ? "0" : fraction)
        }
        let digits = String(decoding: d.digits, as: UTF8.self)
        let mantissa = digits.count == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
        return sign + mantissa + "e" + exponentText(d.point - 1, digits: 2)
    }

    // MARK: layout (_formatArray)

    private static func arrayText(_ t: Tensor, separator: String, prefix: String, width: Int, _ options: NumpyPrintOptions) -> String {
        let summarize = t.count > threshold
        let format = elementFormat(t, shown: shownOffsets(t.shape, summarize: summarize), options)
        let nextLinePrefix = " " + String(repeating: " ", count: prefix.count)
        var index: [Int] = []
        index.reserveCapacity(t.dim)
        let strides = Shape.contiguousStrides(t.shape)

        func recurse(_ axis: Int, _ offset: Int, _ hanging: String, _ currentWidth: Int) -> String {
            if axis == t.dim { return format(offset) }
            let nextHanging = hanging + " "
            let nextWidth = currentWidth - 1
            let length = t.shape[axis]
            let showSummary = summarize && 2 * edgeItems < length
            let leading = showSummary ? edgeItems : 0
            let trailing = showSummary ? edgeItems : length
            let child = { (i: Int) in recurse(axis + 1, offset + i * strides[axis], nextHanging, nextWidth) }
            var s = ""
            if axis == t.dim - 1 {
                let elementWidth = currentWidth - max(separator.trimmingTrailingSpaces.count, 1)
                var line = hanging
                func extend(_ word: String) {
                    if line.count + word.count > elementWidth && line.count > hanging.count {
                        s += line.trimmingTrailingSpaces + "\n"
                        line = hanging
                    }
                    line += word
                }
                for i in 0..<leading { extend(child(i)); line += separator }
                if showSummary { extend("..."); line += separator }
                for i in stride(from: trailing, to: 1, by: -1) { extend(child(length - i)); line += separator }
                extend(child(length - 1))
                s += line
            } else {
                let lineSeparator = separator.trimmingTrailingSpaces + String(repeating: "\n", count: t.dim - axis - 1)
                for i in 0..<leading { s += hanging + child(i) + lineSeparator }
                if showSummary { s += hanging + "..." + lineSeparator }
                for i in stride(from: trailing, to: 1, by: -1) { s += hanging + child(length - i) + lineSeparator }
                s += hanging + child(length - 1)
            }
            return "[" + String(s.dropFirst(hanging.count)) + "]"
        }
        return recurse(0, 0, nextLinePrefix, width)
    }

    /// Row-major offsets of the elements printed (all, or the edge items of each axis when summarizing).
    private static func shownOffsets(_ shape: [Int], summarize: Bool) -> [Int] {
        var result: [Int] = []
        let strides = Shape.contiguousStrides(shape)
        func visit(_ axis: Int, _ offset: Int) {
            if axis == shape.count { result.append(offset); return }
            let n = shape[axis]
            let indices: [Int] = summarize && n > 2 * edgeItems ? Array(0..<edgeItems) + Array((n - edgeItems)..<n) : Array(0..<n)
            for i in indices { visit(axis + 1, offset + i * strides[axis]) }
        }
        visit(0, 0)
        return result
    }

    // MARK: element formats

    /// The function that formats the element at a row-major offset, with widths fitted to the shown elements.
    private static func elementFormat(_ t: Tensor, shown: [Int], _ options: NumpyPrintOptions) -> (Int) -> String {
        switch t.dtype {
        case .bool:
            let values = t.bools()
            let trueText = t.dim == 0 ? "True" : " True"
            return { values[$0] ? trueText : "False" }
        case .int64, .int32:
            let values = t.int64s()
            let width = shown.map { String(values[$0]).count }.max() ?? 0
            return { leftPad(String(values[$0]), width) }
        case .float32, .float64:
            let values = t.doubles()
            let format = FloatFormat(shown.map { values[$0] }, float32: t.dtype == .float32, options: options)
            return { format.text(values[$0]) }
        }
    }

    /// arrayprint's FloatingFormat in 'maxprec' mode: each value's shortest
    /// digits, cut to `precision` (8) decimals, padded to common widths;
    /// scientific when the magnitudes are huge or, unless `suppress`, tiny or
    /// spread over more than 1000×.
    struct FloatFormat {
        let float32: Bool
        let maxPrecision: Int
        var scientific = false
        var padLeft = 0
        var padRight = 0
        var precision = 8
        var exponentDigits = 2

        init(_ values: [Double], float32: Bool, options: NumpyPrintOptions = .init()) {
            self.float32 = float32
            maxPrecision = options.precision
            precision = options.precision
            let finite = values.filter(\.isFinite)
            let nonZero = finite.filter { $0 != 0 }.map(\.magnitude)
            if let maxValue = nonZero.max(), let minValue = nonZero.min() {
                // NumPy compares in the array's dtype (NEP 50 weak Python floats).
                if float32 {
                    let (hi, lo) = (Float(maxValue), Float(minValue))
                    scientific = hi >= 1e8 || (!options.suppress && (lo < Float(0.0001) || hi / lo > 1000))
                } else {
                    scientific = maxValue >= 1e8 || (!options.suppress && (minValue < 0.0001 || maxValue / minValue > 1000))
                }
            }
            if scientific {
                let parts = finite.map { scientificParts($0, precision: maxPrecision, exponentDigits: 2) }
                let exponentSize = (parts.map(\.exponent.count).max() ?? 2) - 1
                precision = parts.map(\.fraction.count).max() ?? 0
                padLeft = parts.map(\.whole.count).max() ?? 0
                padRight = exponentSize + 2 + precision
                exponentDigits = exponentSize
            } else if !finite.isEmpty {
                let parts = finite.map(positional)
                padLeft = parts.map(\.whole.count).max() ?? 0
                padRight = parts.map(\.fraction.count).max() ?? 0
            }
            if finite.count != values.count {
                let negativeInfinity = values.contains { $0 == -.infinity } ? 1 : 0
                padLeft = max(padLeft, 3 - (padRight + 1), 3 + negativeInfinity - (padRight + 1))
            }
        }

        func text(_ x: Double) -> String {
            if !x.isFinite {
                let word = x.isNaN ? "nan" : x < 0 ? "-inf" : "inf"
                return leftPad(word, padLeft + padRight + 1)
            }
            if scientific {
                let p = scientificParts(x, precision: precision, exponentDigits: exponentDigits)
                return leftPad(p.whole, padLeft) + "." + p.fraction + String(repeating: "0", count: precision - p.fraction.count) + "e" + p.exponent
            }
            let p = positional(x)
            return leftPad(p.whole, padLeft) + "." + p.fraction + String(repeating: " ", count: padRight - p.fraction.count)
        }

        /// Sign and integer digits, and up to 8 fraction digits (no trailing zeros).
        private func positional(_ x: Double) -> (whole: String, fraction: String) {
            var d = digits(x)
            if d.digits.count - d.point > maxPrecision { d = PyDecimalDigits.fractional(x, count: maxPrecision) }
            let (whole, fraction) = positionalParts(d)
            return ((x.sign == .minus ? "-" : "") + whole, fraction)
        }

        private func scientificParts(_ x: Double, precision: Int, exponentDigits: Int) -> (whole: String, fraction: String, exponent: String) {
            var d = digits(x)
            if d.digits.count - 1 > precision { d = PyDecimalDigits.significant(x, count: precision + 1) }
            let text = String(decoding: d.digits, as: UTF8.self)
            let exponent = d.isZero ? 0 : d.point - 1
            return ((x.sign == .minus ? "-" : "") + String(text.prefix(1)), String(text.dropFirst()), exponentText(exponent, digits: exponentDigits))
        }

        private func digits(_ x: Double) -> PyDecimalDigits {
            float32 ? shortest(Float(x)) : PyDecimalDigits.shortest(x)
        }
    }

    // MARK: digit helpers

    /// The shortest round-trip digits of a float32. Its description has at
    /// most 9 significant digits, so the double read from it prints the same digits.
    static func shortest(_ f: Float) -> PyDecimalDigits {
        PyDecimalDigits.shortest(Double(f.magnitude.description) ?? Double(f.magnitude))
    }

    /// Integer and fraction digits of a magnitude (`"0"` and `""` for zero).
    static func positionalParts(_ d: PyDecimalDigits) -> (String, String) {
        let text = String(decoding: d.digits, as: UTF8.self)
        if d.isZero { return ("0", "") }
        if d.point <= 0 { return ("0", String(repeating: "0", count: -d.point) + text) }
        if d.point >= text.count { return (text + String(repeating: "0", count: d.point - text.count), "") }
        return (String(text.prefix(d.point)), String(text.dropFirst(d.point)))
    }

    static func exponentText(_ e: Int, digits: Int) -> String {
        (e < 0 ? "-" : "+") + leftPad(String(abs(e)), digits, with: "0")
    }

    static func leftPad(_ s: String, _ width: Int, with pad: Character = " ") -> String {
        s.count >= width ? s : String(repeating: pad, count: width - s.count) + s
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

private extension IndexItem {
    /// Ints, slices, None and Ellipsis select a view; masks and index arrays copy.
    var isBasic: Bool {
        switch self {
        case .int, .slice, .none, .ellipsis: return true
        case .bool, .tensor: return false
        }
    }
}
