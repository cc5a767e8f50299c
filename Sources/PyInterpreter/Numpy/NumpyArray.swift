import Autograd

/// `numpy.ndarray` without NumPy: the payload is an engine tensor (never
/// requiring grad), so bindings that take tensors (`TorchValues.tensor`,
/// pyplot) accept it unchanged. It prints as NumPy 2.x does
/// (`NumpyFormatter`). 0-d results become NumPy scalars (`numpy.float32`,
/// `numpy.float64`, `numpy.int64`, `numpy.bool`), whose reprs NumPy 2 spells
/// `np.float64(1.5)`.
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

private extension IndexItem {
    /// Ints, slices, None and Ellipsis select a view; masks and index arrays copy.
    var isBasic: Bool {
        switch self {
        case .int, .slice, .none, .ellipsis: return true
        case .bool, .tensor: return false
        }
    }
}
