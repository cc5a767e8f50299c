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
}
