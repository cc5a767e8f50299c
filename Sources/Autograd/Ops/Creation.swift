// Factories that do not draw random numbers (those live in Random/).

extension Tensor {
    public static func full(_ shape: [Int], _ value: Double, dtype: DType = .float32) throws -> Tensor {
        if value != 0 && (dtype == .float32 || dtype == .float64) {
            let n = Shape.count(shape)
            try MemoryAccounting.check(elements: n, dtype: dtype)
            if n == 1 {
                return dtype == .float32 ? Tensor(single: Float(value), dtype: dtype, shape: shape) : Tensor(single: value, dtype: dtype, shape: shape)
            }
            let storage = dtype == .float32 ? Storage([Float](repeating: Float(value), count: n)) : Storage([Double](repeating: value, count: n))
            return Tensor(storage: storage, shape: shape)
        }
        let t = try zeros(shape, dtype: dtype)
        if value != 0 { for i in 0..<t.count { t.storage.setDouble(i, value) } }
        return t
    }

    public static func ones(_ shape: [Int], dtype: DType = .float32) throws -> Tensor { try full(shape, 1, dtype: dtype) }
    public static func onesLike(_ t: Tensor) throws -> Tensor { try ones(t.shape, dtype: t.dtype) }
    public static func zerosLike(_ t: Tensor) throws -> Tensor { try zeros(t.shape, dtype: t.dtype) }

    /// `torch.eye(n, m)`.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .float32) throws -> Tensor {
        let cols = m ?? n
        let t = try zeros([n, cols], dtype: dtype)
        for i in 0..<Swift.min(n, cols) { t.storage.setDouble(i * cols + i, 1) }
        return t
    }

    /// `torch.arange(start, end, step)` with PyTorch's length and float32 values (§6.6).
    public static func arange(_ start: Double, _ end: Double, _ step: Double = 1, dtype: DType) throws -> Tensor {
        guard step != 0 else { throw TorchError.runtime("step must be nonzero") }
        let lengthD = ((end - start) / step).rounded(.up)
        guard lengthD.isFinite else { throw TorchError.runtime("unsupported range: \(start) -> \(end)") }
        if (step > 0 && start > end) || (step < 0 && start < end) {
            throw TorchError.runtime("upper bound and larger bound inconsistent with step sign")
        }
        let n = Swift.max(Int(lengthD), 0)
        try MemoryAccounting.check(elements: n, dtype: dtype)
        if dtype == .float32 {
            var v = [Float](repeating: 0, count: n)
            let blocked = 16 * (n / 16)
            var i = 0
            while i < blocked {
                let base = Float(start + step * Double(i))
                for k in 0..<8 where i + k < blocked { v[i + k] = Float(Double(base) + Double(k) * step) }
                i += 8
            }
            while i < n { v[i] = Float(start + step * Double(i)); i += 1 }
            return Tensor(storage: Storage(v), shape: [n])
        }
        return try from((0..<n).map { start + step * Double($0) }, shape: [n], dtype: dtype)
    }

    /// `torch.linspace(start, end, steps)` with PyTorch's fused two-sided formula (§6.6).
    public static func linspace(_ start: Double, _ end: Double, _ steps: Int, dtype: DType = .float32) throws -> Tensor {
        guard steps >= 0 else { throw TorchError.runtime("number of steps must be non-negative") }
        try MemoryAccounting.check(elements: steps, dtype: dtype)
        if steps == 1 { return try from([start], shape: [1], dtype: dtype) }
        let half = steps / 2
        if dtype == .float32 {
            let s = Float(start), e = Float(end)
            let step = Float((Double(e) - Double(s)) / Double(steps - 1))
            let v: [Float] = (0..<steps).map { i in
                i < half ? fmaf(step, Float(i), s) : fmaf(-step, Float(steps - 1 - i), e)
            }
            return Tensor(storage: Storage(v), shape: [steps])
        }
        let step = (end - start) / Double(steps - 1)
        let v: [Double] = (0..<steps).map { i in
            i < half ? fma(step, Double(i), start) : fma(-step, Double(steps - 1 - i), end)
        }
        return try from(v, shape: [steps], dtype: dtype)
    }
}

import Foundation

extension Tensor {
    /// `torch.empty(shape)`: Litgrad's empty tensors are zero-filled (deterministic output).
    public static func empty(_ shape: [Int], dtype: DType = .float32) throws -> Tensor { try zeros(shape, dtype: dtype) }
    public static func emptyLike(_ t: Tensor) throws -> Tensor { try zerosLike(t) }
    public static func fullLike(_ t: Tensor, _ value: Double) throws -> Tensor { try full(t.shape, value, dtype: t.dtype) }
}
