import Autograd

/// `np.array`, `zeros`, `ones`, `full`, `eye`, `arange`, `linspace` and the
/// size checks every allocation goes through.
extension NumpyModule {
    static func creation(_ m: PyModule) {
        for name in ["array", "asarray"] {
            m.addFunction(name) { interp, args in
                let a = try NativeSignature(name, "object", .init("dtype", default: .none)).bind(args)
                return try NumpyArray.make(NumpyConvert.array(interp, a["object"], dtype: NumpyConvert.dtype(a["dtype"])))
            }
        }
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0)] {
            m.addFunction(name) { interp, args in
                let a = try NativeSignature(name, "shape", .init("dtype", default: .none)).bind(args)
                return try NumpyArray.make(filled(shape(interp, a["shape"]), fill, dtype: NumpyConvert.dtype(a["dtype"]) ?? .float64))
            }
            m.addFunction(name + "_like") { interp, args in
                let a = try NativeSignature(name + "_like", "a", .init("dtype", default: .none)).bind(args)
                let t = try NumpyConvert.array(interp, a["a"], dtype: nil)
                return try NumpyArray.make(filled(t.shape, fill, dtype: NumpyConvert.dtype(a["dtype"]) ?? t.dtype))
            }
        }
        m.addFunction("full") { interp, args in
            let a = try NativeSignature("full", "shape", "fill_value", .init("dtype", default: .none)).bind(args)
            let value = try NumpyConvert.array(interp, a["fill_value"], dtype: NumpyConvert.dtype(a["dtype"]))
            return try NumpyArray.make(filled(shape(interp, a["shape"]), value.scalarDouble(), dtype: value.dtype))
        }
        m.addFunction("eye") { interp, args in
            let a = try NativeSignature("eye", "N", .init("M", default: .none), .init("k", default: .int(0)), .init("dtype", default: .none)).bind(args)
            let n = try a.int("N")
            let cols = a["M"].isNone ? n : try a.int("M")
            guard n >= 0 && cols >= 0 else { throw PyError(.valueError, "negative dimensions are not allowed") }
            _ = try elementCount([n, cols], dtype: .float64)
            return try NumpyArray.make(Tensor.eye(n, cols, dtype: NumpyConvert.dtype(a["dtype"]) ?? .float64))
        }
        m.addFunction("arange") { interp, args in
            let a = try NativeSignature("arange", "start", .init("stop", default: .none), .init("step", default: .int(1)), .init("dtype", default: .none)).bind(args)
            let (startValue, stopValue) = a["stop"].isNone ? (Value.int(0), a["start"]) : (a["start"], a["stop"])
            let bounds = [startValue, stopValue, a["step"]]
            let integral = bounds.allSatisfy(TorchValues.isIntegral)
            let (start, stop, step) = (try interp.toDouble(startValue), try interp.toDouble(stopValue), try interp.toDouble(a["step"]))
            guard step != 0 else { throw PyError(.zeroDivisionError, "division by zero") }
            let length = ((stop - start) / step).rounded(.up)
            guard length.isFinite else { throw PyError(.valueError, "arange: cannot compute length") }
            let count = try elementCount([length > 1e15 ? Int(1e15) : Swift.max(0, Int(length))], dtype: .float64)
            let values = try (0..<count).map { i -> Double in try interp.tick(); return start + Double(i) * step }
            return try NumpyArray.make(Tensor.from(values, shape: [count], dtype: NumpyConvert.dtype(a["dtype"]) ?? (integral ? .int64 : .float64)))
        }
        m.addFunction("linspace") { interp, args in
            let a = try NativeSignature("linspace", "start", "stop", .init("num", default: .int(50)), .init("endpoint", default: .bool(true))).bind(args)
            let (start, stop, num) = (try interp.toDouble(a["start"]), try interp.toDouble(a["stop"]), try a.int("num"))
            guard num >= 0 else { throw PyError(.valueError, "Number of samples, \(num), must be non-negative.") }
            _ = try elementCount([num], dtype: .float64)
            let endpoint = try a.bool("endpoint")
            let divisions = endpoint ? num - 1 : num
            let step = (stop - start) / Double(divisions)
            var values = try (0..<num).map { i -> Double in try interp.tick(); return Double(i) * step + start }
            if endpoint && num > 1 { values[num - 1] = stop }
            return try NumpyArray.make(Tensor.from(values, shape: [num], dtype: .float64))
        }
    }

    /// `Tensor.full` after the size check.
    static func filled(_ shape: [Int], _ value: Double, dtype: DType) throws -> Tensor {
        _ = try elementCount(shape, dtype: dtype)
        return try Tensor.full(shape, value, dtype: dtype)
    }

    static func shape(_ interp: Interpreter, _ v: Value) throws -> [Int] {
        let dims = try TorchValues.ints(interp, v, "shape")
        if dims.contains(where: { $0 < 0 }) { throw PyError(.valueError, "negative dimensions are not allowed") }
        return dims
    }

    /// The number of elements of `shape`, checked against the session's
    /// tensor limits before anything is allocated (and never overflowing).
    static func elementCount(_ shape: [Int], dtype: DType) throws -> Int {
        var count = 1
        for d in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: Swift.max(d, 0))
            guard !overflow else { throw PyError(.memoryError, "array of shape \(NumpyArray.shapeText(shape)) is too large") }
            count = product
        }
        try MemoryAccounting.check(elements: count, dtype: dtype)
        return count
    }
}
