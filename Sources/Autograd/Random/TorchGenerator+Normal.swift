#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Normal samples: `torch.randn`, `Tensor.normal_(mean, std)`,
/// `nn.init.normal_` (torch-fidelity.md §3.4). Three paths, chosen by dtype,
/// element count and contiguity, each reproduced bit for bit.
extension TorchGenerator {
    /// Below this many elements (or for non-contiguous outputs) PyTorch uses
    /// the scalar Box–Muller path with its cache.
    public static let normalBlockSize = 16

    /// `count` float32 normals, in memory order. `contiguous: false` forces
    /// the scalar path, as PyTorch does for strided outputs of any size.
    public func normalFloat32(count: Int, mean: Double = 0, std: Double = 1, contiguous: Bool = true) -> [Float] {
        if count < Self.normalBlockSize || !contiguous {
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count { buffer[i] = Float(scalarNormal(mean: mean, std: std)) }
                initialized = count
            }
        }
        var values = uniformFloat32(count: count)
        let mean32 = Float(mean)
        let std32 = Float(std)
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start + Self.normalBlockSize <= count {
                Self.boxMullerBlockFloat32(base + start, mean: mean32, std: std32)
                start += Self.normalBlockSize
            }
            if count % Self.normalBlockSize != 0 {
                // PyTorch redraws the whole last block, overwriting finished values.
                let tail = base + (count - Self.normalBlockSize)
                withEngine { engine in
                    for k in 0..<Self.normalBlockSize { tail[k] = engine.unitFloat32() }
                }
                Self.boxMullerBlockFloat32(tail, mean: mean32, std: std32)
            }
        }
        return values
    }

    /// `count` float64 normals, in memory order (see `normalFloat32`).
    public func normalFloat64(count: Int, mean: Double = 0, std: Double = 1, contiguous: Bool = true) -> [Double] {
        if count < Self.normalBlockSize || !contiguous {
            return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count { buffer[i] = scalarNormal(mean: mean, std: std) }
                initialized = count
            }
        }
        var values = uniformFloat64(count: count)
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start + Self.normalBlockSize <= count {
                Self.boxMullerBlockFloat64(base + start, mean: mean, std: std)
                start += Self.normalBlockSize
            }
            if count % Self.normalBlockSize != 0 {
                let tail = base + (count - Self.normalBlockSize)
                withEngine { engine in
                    for k in 0..<Self.normalBlockSize { tail[k] = engine.unitFloat64() }
                }
                Self.boxMullerBlockFloat64(tail, mean: mean, std: std)
            }
        }
        return values
    }

    /// One value of `at::normal_distribution<double>`: consumes the cached
    /// normal if there is one, else draws a pair and caches its sine half.
    func scalarNormal(mean: Double, std: Double) -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return mean.addingProduct(cached, std)
        }
        let (u1, u2) = withEngine { engine in (engine.unitFloat64(), engine.unitFloat64()) }
        let radius = (-2 * log1p(-u2)).squareRoot()
        let theta = 6.283185307179586 * u1
        cachedNormal = radius * sin(theta)
        return mean.addingProduct(radius * cos(theta), std)
    }

    /// The AVX2 `normal_fill_16` transform of 16 float32 uniforms in place:
    /// lanes j and j+8 become a Box–Muller pair.
    @inline(__always)
    static func boxMullerBlockFloat32(_ block: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
        let twoPi = Float(bitPattern: 0x40C9_0FDB)
        for j in 0..<8 {
            let u1 = 1 - block[j]
            let u2 = block[j + 8]
            let radius = (-2 * CephesFloat32.log(u1)).squareRoot()
            let (sine, cosine) = CephesFloat32.sincos(twoPi * u2)
            block[j] = mean.addingProduct(radius * cosine, std)
            block[j + 8] = mean.addingProduct(radius * sine, std)
        }
    }

    /// `normal_fill_16` for doubles, with glibc's log, cos and sin.
    @inline(__always)
    static func boxMullerBlockFloat64(_ block: UnsafeMutablePointer<Double>, mean: Double, std: Double) {
        for j in 0..<8 {
            let u1 = 1 - block[j]
            let u2 = block[j + 8]
            let radius = (-2 * log(u1)).squareRoot()
            let theta = 6.283185307179586 * u2
            block[j] = mean.addingProduct(radius * cos(theta), std)
            block[j + 8] = mean.addingProduct(radius * sin(theta), std)
        }
    }
}
