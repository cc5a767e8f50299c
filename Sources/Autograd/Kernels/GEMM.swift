/// Matrix products over row-major buffers, through OpenBLAS.
public enum GEMM {
    /// `C = alpha * op(A) * op(B) + beta * C` where op(A) is m×k, op(B) is k×n and C is m×n,
    /// all row-major with leading dimensions `lda`, `ldb`, `ldc` (elements between rows).
    /// Empty products are handled here (BLAS rejects zero leading dimensions).
    // Not pre-specialised: the compiler cannot export specialisations of the
    // T-typed default arguments, and this only forwards to BLAS.
    public static func multiply<T: KernelFloat>(
        transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
        alpha: T = 1, a: UnsafePointer<T>, lda: Int, b: UnsafePointer<T>, ldb: Int,
        beta: T = 0, c: UnsafeMutablePointer<T>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            // Nothing to sum: C = beta * C, with beta == 0 clearing NaNs as BLAS does.
            for row in 0..<m {
                for column in 0..<n {
                    let index = row * ldc + column
                    c[index] = beta == 0 ? 0 : beta * c[index]
                }
            }
            return
        }
        BLASThreads.ensureConfigured()
        T.blasGemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
            a: a, lda: max(1, lda), b: b, ldb: max(1, ldb), beta: beta, c: c, ldc: max(1, ldc))
    }

    /// `op(A) @ op(B)` for contiguous row-major matrices: A is m×k (k×m when transposed),
    /// B is k×n (n×k when transposed). Returns the m×n product.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func matmul<T: KernelFloat>(
        _ a: [T], _ b: [T], m: Int, k: Int, n: Int,
        transposeA: Bool = false, transposeB: Bool = false
    ) -> [T] {
        var result = [T](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { c in
                    guard let aStart = a.baseAddress, let bStart = b.baseAddress,
                          let cStart = c.baseAddress else { return }
                    multiply(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        a: aStart, lda: transposeA ? m : k, b: bStart, ldb: transposeB ? k : n,
                        c: cStart, ldc: n)
                }
            }
        }
        return result
    }

    /// `batch` independent products of contiguous matrices stacked one after another
    /// (`torch.bmm` and batched `matmul` after broadcasting). Returns batch×m×n.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func batchedMatmul<T: KernelFloat>(
        _ a: [T], _ b: [T], batch: Int, m: Int, k: Int, n: Int,
        transposeA: Bool = false, transposeB: Bool = false
    ) -> [T] {
        var result = [T](repeating: 0, count: batch * m * n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { c in
                    guard let aStart = a.baseAddress, let bStart = b.baseAddress,
                          let cStart = c.baseAddress else { return }
                    for item in 0..<batch {
                        multiply(
                            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                            a: aStart + item * m * k, lda: transposeA ? m : k,
                            b: bStart + item * k * n, ldb: transposeB ? k : n,
                            c: cStart + item * m * n, ldc: n)
                    }
                }
            }
        }
        return result
    }

    /// Integer matrix product (int64 tensors have no BLAS path), wrapping on
    /// overflow as PyTorch's integer arithmetic does. A is m×k, B is k×n.
    public static func matmul(_ a: [Int64], _ b: [Int64], m: Int, k: Int, n: Int) -> [Int64] {
        var result = [Int64](repeating: 0, count: m * n)
        for row in 0..<m {
            for inner in 0..<k {
                let left = a[row * k + inner]
                for column in 0..<n {
                    result[row * n + column] &+= left &* b[inner * n + column]
                }
            }
        }
        return result
    }
}
