import Autograd

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
