/// The loops behind every elementwise op: operands are brought to one
/// compute dtype and broadcast to the result shape, then a typed closure runs
/// over contiguous arrays (a 0-d operand stays a scalar, so `x * 2` allocates
/// nothing extra).
enum ElementwiseKernel {
    enum Operand<T> {
        case array([T])
        case scalar(T)
    }

    /// Row-major positions in `t`'s own row-major order of each element of `shape`.
    static func broadcastIndices(from source: [Int], to shape: [Int]) -> [Int] {
        let lead = shape.count - source.count
        let sourceStrides = Shape.contiguousStrides(source)
        var strides = [Int](repeating: 0, count: shape.count)
        for d in 0..<source.count where source[d] != 1 { strides[d + lead] = sourceStrides[d] }
        return Shape.offsets(shape, strides: strides)
    }

    static func operand<T>(_ t: Tensor, shape: [Int], values: (Tensor) -> [T]) -> Operand<T> {
        let v = values(t)
        if v.count == 1 { return .scalar(v[0]) }
        if t.shape == shape { return .array(v) }
        return .array(broadcastIndices(from: t.shape, to: shape).map { v[$0] })
    }

    static func map2<T, R>(_ a: Operand<T>, _ b: Operand<T>, count n: Int, _ f: (T, T) throws -> R) rethrows -> [R] {
        switch (a, b) {
        case let (.array(x), .array(y)):
            return try x.withUnsafeBufferPointer { xp in
                try y.withUnsafeBufferPointer { yp in
                    try [R](unsafeUninitializedCapacity: n) { out, initialized in
                        for i in 0..<n { out[i] = try f(xp[i], yp[i]) }
                        initialized = n
                    }
                }
            }
        case let (.array(x), .scalar(s)):
            return try x.map { try f($0, s) }
        case let (.scalar(s), .array(y)):
            return try y.map { try f(s, $0) }
        case let (.scalar(s), .scalar(t)):
            return try [R](repeating: f(s, t), count: n)
        }
    }

    /// Runs a binary op in `compute` dtype and stores the result as `result` dtype.
    static func binary(_ a: Tensor, _ b: Tensor, compute: DType, result: DType? = nil,
                       f32: (Float, Float) -> Float,
                       f64: (Double, Double) -> Double,
                       i64: ((Int64, Int64) throws -> Int64)? = nil,
                       bool: ((Bool, Bool) -> Bool)? = nil) throws -> Tensor {
        let shape = a.shape == b.shape ? a.shape : try Shape.broadcast(a.shape, b.shape)
        let n = Shape.count(shape)
        let resultType = result ?? compute
        try MemoryAccounting.check(elements: n, dtype: resultType)
        if resultType == compute {
            if compute == .float32, let out = direct(a, b, shape: shape, count: n, f32) { return out }
            if compute == .float64, let out = direct(a, b, shape: shape, count: n, f64) { return out }
        }
        let storage: Storage
        switch compute {
        case .float32:
            storage = Storage(try map2(operand(a, shape: shape, values: { $0.converted(.float32).floats() }),
                                       operand(b, shape: shape, values: { $0.converted(.float32).floats() }), count: n, f32))
        case .float64:
            storage = Storage(try map2(operand(a, shape: shape, values: { $0.doubles() }),
                                       operand(b, shape: shape, values: { $0.doubles() }), count: n, f64))
        case .int64, .int32:
            guard let i64 else { throw TorchError.runtime("operation not supported for integer tensors") }
            var values = try map2(operand(a, shape: shape, values: { $0.int64s() }),
                                  operand(b, shape: shape, values: { $0.int64s() }), count: n, i64)
            if compute == .int32 { values = values.map { Int64(Int32(truncatingIfNeeded: $0)) } }
            storage = Storage(values, dtype: compute)
        case .bool:
            if let bool {
                storage = Storage(map2(operand(a, shape: shape, values: { $0.bools() }),
                                       operand(b, shape: shape, values: { $0.bools() }), count: n, bool))
            } else if let i64 {
                storage = Storage(try map2(operand(a, shape: shape, values: { $0.int64s() }),
                                           operand(b, shape: shape, values: { $0.int64s() }), count: n, i64), dtype: .int64)
            } else {
                throw TorchError.runtime("operation not supported for bool tensors")
            }
        }
        let t = Tensor(storage: storage, shape: shape)
        return resultType == storage.dtype ? t : t.converted(resultType)
    }

    /// The common cases without intermediate arrays: operands already in the compute
    /// type, each either a single element (a scalar, possibly a wrapped number of
    /// another float type) or contiguous with the result's shape.
    @inline(__always)
    private static func direct<T: StorageElement & BinaryFloatingPoint>(_ a: Tensor, _ b: Tensor, shape: [Int], count n: Int,
                                                                       _ f: (T, T) throws -> T) rethrows -> Tensor? {
        let type: DType = T.self == Float.self ? .float32 : .float64
        func single(_ t: Tensor) -> T? {
            guard t.count == 1 else { return nil }
            if t.dtype == type { return t.element(t.offset, as: T.self) }
            return T(t.doubleElement(t.offset))
        }
        func whole(_ t: Tensor) -> Bool { t.dtype == type && t.shape == shape && t.isContiguous }
        if let x = single(a), let y = single(b) {
            return Tensor(single: try f(x, y), dtype: type, shape: shape)
        }
        var values = [T]()
        if whole(a), let y = single(b) {
            let xs = T.buffer(of: a.storage)
            values = try [T](unsafeUninitializedCapacity: n) { out, initialized in
                try xs.withUnsafeBufferPointer { x in
                    for i in 0..<n { out[i] = try f(x[a.offset + i], y) }
                }
                initialized = n
            }
        } else if let x = single(a), whole(b) {
            let ys = T.buffer(of: b.storage)
            values = try [T](unsafeUninitializedCapacity: n) { out, initialized in
                try ys.withUnsafeBufferPointer { y in
                    for i in 0..<n { out[i] = try f(x, y[b.offset + i]) }
                }
                initialized = n
            }
        } else if whole(a) && whole(b) {
            let xs = T.buffer(of: a.storage), ys = T.buffer(of: b.storage)
            values = try [T](unsafeUninitializedCapacity: n) { out, initialized in
                try xs.withUnsafeBufferPointer { x in
                    try ys.withUnsafeBufferPointer { y in
                        for i in 0..<n { out[i] = try f(x[a.offset + i], y[b.offset + i]) }
                    }
                }
                initialized = n
            }
        } else {
            return nil
        }
        return Tensor(storage: T.storage(values, dtype: type), shape: shape)
    }

    /// Runs a comparison in the promoted dtype, giving a bool tensor.
    static func compare(_ a: Tensor, _ b: Tensor, _ op: (Double, Double) -> Bool) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape)
        let n = Shape.count(shape)
        try MemoryAccounting.check(elements: n, dtype: .bool)
        let compute = Promotion.resultType(a, b)
        let read: (Tensor) -> [Double] = { $0.converted(compute).doubles() }
        return Tensor(storage: Storage(map2(operand(a, shape: shape, values: read), operand(b, shape: shape, values: read), count: n, op)), shape: shape)
    }

    /// Runs a unary op; float math on an integer tensor computes in float32, as PyTorch does.
    static func unary(_ a: Tensor, f32: (Float) -> Float, f64: (Double) -> Double, i64: ((Int64) -> Int64)? = nil) throws -> Tensor {
        switch a.dtype {
        case .float32:
            return Tensor(storage: Storage(a.floats().map(f32)), shape: a.shape)
        case .float64:
            return Tensor(storage: Storage(a.doubles().map(f64)), shape: a.shape)
        case .int64, .int32, .bool:
            if let i64, a.dtype != .bool {
                return Tensor(storage: Storage(a.int64s().map(i64), dtype: a.dtype), shape: a.shape)
            }
            return try unary(a.converted(.float32), f32: f32, f64: f64)
        }
    }
}

extension Tensor {
    /// A contiguous copy in `dtype` (self when already that dtype), without autograd.
    func converted(_ dtype: DType) -> Tensor {
        if dtype == self.dtype { return self }
        switch (self.dtype, dtype) {
        case (.float32, .float64):
            return Tensor(storage: Storage(floats().map(Double.init)), shape: shape)
        case (.float64, .float32):
            return Tensor(storage: Storage(doubles().map { Float($0) }), shape: shape)
        default:
            let s = Storage(zeros: count, dtype: dtype)
            if self.dtype.isIntegral || self.dtype == .bool {
                let v = int64s()
                if dtype.isIntegral || dtype == .bool {
                    for i in 0..<v.count { s.setDouble(i, Double(v[i])) }
                    if dtype.isIntegral { for i in 0..<v.count { s.i64[i] = dtype == .int32 ? Int64(Int32(truncatingIfNeeded: v[i])) : v[i] } }
                } else {
                    for i in 0..<v.count { s.setDouble(i, Double(v[i])) }
                }
            } else {
                let v = doubles()
                for i in 0..<v.count { s.setDouble(i, v[i]) }
            }
            return Tensor(storage: s, shape: shape)
        }
    }

    /// A contiguous copy (new storage), without autograd.
    public func contiguousCopy() throws -> Tensor {
        try MemoryAccounting.check(elements: count, dtype: dtype)
        if count == 1 {
            switch dtype {
            case .float32: return Tensor(single: element(offset, as: Float.self), dtype: dtype, shape: shape)
            case .float64: return Tensor(single: element(offset, as: Double.self), dtype: dtype, shape: shape)
            case .int64, .int32: return Tensor(single: element(offset, as: Int64.self), dtype: dtype, shape: shape)
            case .bool: return Tensor(single: element(offset, as: Bool.self), dtype: dtype, shape: shape)
            }
        }
        switch dtype {
        case .float32: return Tensor(storage: Storage(floats()), shape: shape)
        case .float64: return Tensor(storage: Storage(doubles()), shape: shape)
        case .int64, .int32: return Tensor(storage: Storage(int64s(), dtype: dtype), shape: shape)
        case .bool: return Tensor(storage: Storage(bools()), shape: shape)
        }
    }
}
