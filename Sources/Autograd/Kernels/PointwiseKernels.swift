#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Elementwise float32 functions whose PyTorch CPU kernel mixes a vectorised body
/// with a scalar tail (`cpu_kernel_vec`): each thread's range of a contiguous
/// tensor is processed two AVX512 vectors (32 floats) at a time with the vector
/// formula, and the leftover elements with the scalar one (the C library).
public enum PointwiseKernels {
    /// Elements handled together by the vectorised loop (2 × 16 lanes).
    static let vectorBlock = 32

    /// `torch.sigmoid`: 1 / (1 + exp(−x)), exp from SLEEF in whole blocks and from
    /// the C library in each range's tail. A non-contiguous input runs scalar only.
    public static func sigmoid(_ x: [Float], contiguous: Bool) -> [Float] {
        var out = [Float](repeating: 0, count: x.count)
        let ranges = contiguous
            ? TorchThreads.chunks(count: x.count, threads: TorchThreads.count, serialBelow: TorchThreads.grainSize)
            : [0..<x.count]
        for range in ranges {
            let vectorEnd = contiguous ? range.lowerBound + range.count / vectorBlock * vectorBlock : range.lowerBound
            for i in range.lowerBound..<vectorEnd { out[i] = 1 / (SleefFloat.exp(0 - x[i]) + 1) }
            for i in vectorEnd..<range.upperBound { out[i] = 1 / (1 + expf(-x[i])) }
        }
        return out
    }

    /// `relu`: x where x > 0 (or NaN), else +0; eight lanes at a time without branches.
    public static func relu(_ x: [Float]) -> [Float] {
        map(x) { v in v.replacing(with: 0, where: .!(v .> 0) .& (v .== v)) } scalar: { $0 > 0 || $0.isNaN ? $0 : 0 }
    }

    /// `threshold_backward(g, r, 0)`: g where r > 0, else +0.
    public static func thresholdBackward(_ g: [Float], _ r: [Float]) -> [Float] {
        precondition(g.count == r.count)
        return [Float](unsafeUninitializedCapacity: g.count) { out, initialized in
            g.withUnsafeBufferPointer { g in
                r.withUnsafeBufferPointer { r in
                    let rg = UnsafeRawPointer(g.baseAddress), rr = UnsafeRawPointer(r.baseAddress)
                    let ro = UnsafeMutableRawPointer(out.baseAddress)
                    var i = 0
                    if let rg, let rr, let ro {
                        while i + 8 <= g.count {
                            let gv = rg.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                            let rv = rr.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                            ro.storeBytes(of: gv.replacing(with: 0, where: rv .<= 0), toByteOffset: i * 4, as: SIMD8<Float>.self)
                            i += 8
                        }
                    }
                    while i < g.count {
                        out[i] = r[i] <= 0 ? 0 : g[i]
                        i += 1
                    }
                }
            }
            initialized = g.count
        }
    }

    /// Applies `vector` eight elements at a time and `scalar` to the rest.
    @inline(__always)
    private static func map(_ x: [Float], _ vector: (SIMD8<Float>) -> SIMD8<Float>, scalar: (Float) -> Float) -> [Float] {
        [Float](unsafeUninitializedCapacity: x.count) { out, initialized in
            x.withUnsafeBufferPointer { x in
                var i = 0
                if let rx = UnsafeRawPointer(x.baseAddress), let ro = UnsafeMutableRawPointer(out.baseAddress) {
                    while i + 8 <= x.count {
                        ro.storeBytes(of: vector(rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)),
                                      toByteOffset: i * 4, as: SIMD8<Float>.self)
                        i += 8
                    }
                }
                while i < x.count {
                    out[i] = scalar(x[i])
                    i += 1
                }
            }
            initialized = x.count
        }
    }
}
