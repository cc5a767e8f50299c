import Autograd

/// The float element types optimizers update in place, with direct access to
/// a tensor's storage so a step allocates nothing per element and rounds
/// exactly where PyTorch's kernels round (fl32 of every Python scalar first).
/// Autograd's buffer accessors take bodies returning Void (so calls from this
/// module stay specialised); the `result!`s below read what the accessor's
/// single call of the body stored.
protocol ParameterScalar: BinaryFloatingPoint {
    /// Row-major elements of `t` converted to this type (a gradient).
    static func elements(of t: Tensor) -> [Self]
    /// Runs `body` over the row-major elements of `t` as this type, reading the
    /// storage in place when `t` is contiguous and of this dtype (a gradient).
    static func withElements<R>(of t: Tensor, _ body: (UnsafeBufferPointer<Self>) throws -> R) rethrows -> R
    /// Runs `body` over the contiguous storage of `t` (a tensor this type's dtype).
    static func withContiguousBuffer<R>(_ t: Tensor, _ body: (UnsafeMutableBufferPointer<Self>) throws -> R) rethrows -> R
}

extension Float: ParameterScalar {
    static func elements(of t: Tensor) -> [Float] {
        t.dtype == .float32 ? t.floats() : t.doubles().map { Float($0) }
    }

    static func withElements<R>(of t: Tensor, _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        guard t.dtype == .float32 && t.isContiguous else { return try elements(of: t).withUnsafeBufferPointer(body) }
        var result: R?
        try t.withContiguousFloats { result = try body($0) }
        return result!
    }

    static func withContiguousBuffer<R>(_ t: Tensor, _ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
        let start = t.offset, count = t.count
        var result: R?
        try t.storage.withMutableFloats { all in
            result = try body(UnsafeMutableBufferPointer(rebasing: all[start..<(start + count)]))
        }
        return result!
    }
}

extension Double: ParameterScalar {
    static func elements(of t: Tensor) -> [Double] { t.doubles() }

    static func withElements<R>(of t: Tensor, _ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        guard t.dtype == .float64 && t.isContiguous else { return try elements(of: t).withUnsafeBufferPointer(body) }
        var result: R?
        try t.withContiguousDoubles { result = try body($0) }
        return result!
    }

    static func withContiguousBuffer<R>(_ t: Tensor, _ body: (UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
        let start = t.offset, count = t.count
        var result: R?
        try t.storage.withMutableDoubles { all in
            result = try body(UnsafeMutableBufferPointer(rebasing: all[start..<(start + count)]))
        }
        return result!
    }
}

/// `withContiguousBuffer` for optional state; nil gives an empty buffer
/// (never two overlapping accesses to one storage).
func withOptionalBuffer<T: ParameterScalar, R>(_ t: Tensor?, _ body: (UnsafeMutableBufferPointer<T>) throws -> R) rethrows -> R {
    if let t { return try T.withContiguousBuffer(t, body) }
    return try body(UnsafeMutableBufferPointer(start: nil, count: 0))
}

/// Updates a parameter's values in place through `body`, bumping its version
/// as an in-place op does. Non-contiguous parameters are updated on a copy
/// that is written back.
func updateParameter(_ p: Tensor, _ body: (Tensor) throws -> Void) throws {
    guard p.dtype.isFloatingPoint else {
        throw TorchError.runtime("optimizers only support floating point parameters, got \(p.dtype.scalarTypeName)")
    }
    if p.isContiguous {
        try body(p)
        p.bumpVersion()
    } else {
        let copy = try p.contiguousCopy()
        try body(copy)
        try GradMode.with(enabled: false) { _ = try p.detach().copyInPlace(copy) }
    }
}

/// lerp_(end, weight) as PyTorch's CPU kernel computes it: the fused form
/// from the nearer end depending on |weight| < 0.5.
@inline(__always)
func lerp<T: ParameterScalar>(_ start: T, _ end: T, weight: T) -> T {
    let diff = end - start
    return Swift.abs(weight) < 0.5 ? start.addingProduct(weight, diff) : end.addingProduct(-diff, 1 - weight)
}

/// A zero-filled state tensor shaped and typed like `p` (`torch.zeros_like`).
func zerosState(like p: Tensor) throws -> Tensor {
    try Tensor.zeros(p.shape, dtype: p.dtype)
}
