/// Uniform reals: `torch.rand`, `Tensor.uniform_`, `nn.init.uniform_`
/// (torch-fidelity.md §3.2).
extension MersenneTwister19937 {
    /// `random64()`: two draws, the first one the high word.
    @inline(__always)
    mutating func next64() -> UInt64 {
        let high = UInt64(next())
        return high << 32 | UInt64(next())
    }

    /// One float32 uniform in [0, 1): the low 24 bits of one draw.
    @inline(__always)
    mutating func unitFloat32() -> Float {
        Float(next() & 0xFF_FFFF) * 0x1p-24
    }

    /// One float64 uniform in [0, 1): the low 53 bits of one `random64()`.
    @inline(__always)
    mutating func unitFloat64() -> Double {
        Double(next64() & (1 << 53 - 1)) * 0x1p-53
    }
}

extension TorchGenerator {

    /// `count` float32 values of `uniform_(from, to)`, one draw each:
    /// `fma32(x, fl32(fl32(to) - fl32(from)), fl32(from))`.
    public func uniformFloat32(count: Int, from: Double = 0, to: Double = 1) -> [Float] {
        let low = Float(from)
        let span = Float(to) - low
        return withEngine { engine in
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    buffer[i] = low.addingProduct(engine.unitFloat32(), span)
                }
                initialized = count
            }
        }
    }

    /// `count` float64 values of `uniform_(from, to)`, two draws each:
    /// `fma64(x, to - from, from)`.
    public func uniformFloat64(count: Int, from: Double = 0, to: Double = 1) -> [Double] {
        let span = to - from
        return withEngine { engine in
            [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    buffer[i] = from.addingProduct(engine.unitFloat64(), span)
                }
                initialized = count
            }
        }
    }
}
