// The numeric core of mm / addmm / bmm / mv / dot: operands are handed to
// GEMM straight from their storage, transposed or not according to their
// strides (as PyTorch hands them to BLAS), and copied only when neither
// layout fits. GEMM applies Litgrad's BLAS thread policy.

enum MatrixProducts {
    /// How BLAS reads one matrix operand of a product.
    struct Operand {
        let tensor: Tensor
        /// Storage offset of each batch item's matrix, relative to the tensor's offset.
        let batchStride: Int
        let transposed: Bool
        let leadingDimension: Int
    }

    /// The operand for a `rows × cols` matrix (or a batch of them: the tensor's
    /// last two dims), from its strides when they are a row-major or transposed
    /// layout, else from a row-major copy.
    static func operand(_ t: Tensor, rows: Int, cols: Int) throws -> Operand {
        let rank = t.dim
        let rowStride = t.strides[rank - 2], colStride = t.strides[rank - 1]
        let batchStride = rank == 3 ? t.strides[0] : 0
        // Row-major first, then transposed, then (one column) row-major with its row stride —
        // the classification PyTorch's measured MKL orders (MKLOrderGEMM) are keyed on.
        if colStride == 1, rows <= 1 || rowStride >= Swift.max(1, cols) {
            return Operand(tensor: t, batchStride: batchStride, transposed: false, leadingDimension: Swift.max(rows <= 1 ? cols : rowStride, 1))
        }
        if rowStride == 1 || rows <= 1, cols <= 1 || colStride >= Swift.max(1, rows) {
            return Operand(tensor: t, batchStride: batchStride, transposed: true, leadingDimension: Swift.max(cols <= 1 ? rows : colStride, 1))
        }
        if cols <= 1, rowStride >= 1 {
            return Operand(tensor: t, batchStride: batchStride, transposed: false, leadingDimension: rowStride)
        }
        let copy = try untracked { try t.contiguousCopy() }
        return Operand(tensor: copy, batchStride: rank == 3 ? rows * cols : 0, transposed: false, leadingDimension: Swift.max(cols, 1))
    }

    /// `batch` products of `m×k` and `k×n` matrices, row-major `batch×m×n`; with
    /// `addend` (broadcast to `m×n` and over the batch) added to the product, as addmm does.
    static func multiply(_ a: Tensor, _ b: Tensor, m: Int, k: Int, n: Int, batch: Int = 1, addend: Tensor? = nil) throws -> Storage {
        try MemoryAccounting.check(elements: batch * m * n, dtype: a.dtype)
        switch a.dtype {
        case .float32: return Storage(try floating(Float.self, a, b, m: m, k: k, n: n, batch: batch, addend: addend))
        case .float64: return Storage(try floating(Double.self, a, b, m: m, k: k, n: n, batch: batch, addend: addend))
        default:
            let x = a.int64s(), y = b.int64s()
            var c: [Int64] = []
            c.reserveCapacity(batch * m * n)
            for item in 0..<batch {
                c += GEMM.matmul(Array(x[(item * m * k)..<((item + 1) * m * k)]), Array(y[(item * k * n)..<((item + 1) * k * n)]), m: m, k: k, n: n)
            }
            if let addend {
                let base = try untracked { try addend.expand([m, n]).contiguousCopy() }.int64s()
                for i in 0..<c.count { c[i] &+= base[i % (m * n)] }
            }
            return Storage(c, dtype: a.dtype == .bool ? .int64 : a.dtype)
        }
    }

    private static func floating<T: KernelFloat & StorageElement>(_: T.Type, _ a: Tensor, _ b: Tensor, m: Int, k: Int, n: Int,
                                                                 batch: Int, addend: Tensor?) throws -> [T] {
        // The addend as an m×n view (broadcast dims have stride 0): read in place, never materialised.
        let bias = try addend.map { addend in try untracked { try addend.converted(a.dtype).expand([m, n]) } }
        var c = [T](repeating: 0, count: batch * m * n)
        guard m > 0, n > 0, k > 0 else {
            if let bias { addBias(bias, to: &c, m: m, n: n) }
            return c
        }
        let left = try operand(a, rows: m, cols: k), right = try operand(b, rows: k, cols: n)
        // addmm in MKL's order: C starts as the addend (beta = 1), see MKLOrderGEMM.multiply.
        let addendFirst = bias != nil && T.self == Float.self && batch == 1
            && MKLOrderGEMM.handles(m: m, n: n, k: k, transposeA: left.transposed, transposeB: right.transposed)
        if addendFirst, let bias { addBias(bias, to: &c, m: m, n: n) }
        let x = T.buffer(of: left.tensor.storage), y = T.buffer(of: right.tensor.storage)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                c.withUnsafeMutableBufferPointer { cp in
                    for item in 0..<batch {
                        let aStart = xp.baseAddress! + left.tensor.offset + item * left.batchStride
                        let bStart = yp.baseAddress! + right.tensor.offset + item * right.batchStride
                        let cStart = cp.baseAddress! + item * m * n
                        // Small float32 products: MKL's summation order, as PyTorch computes them.
                        if T.self == Float.self, batch == 1,
                           MKLOrderGEMM.multiply(m: m, n: n, k: k,
                                                 a: UnsafeRawPointer(aStart).assumingMemoryBound(to: Float.self), lda: left.leadingDimension,
                                                 transposeA: left.transposed,
                                                 b: UnsafeRawPointer(bStart).assumingMemoryBound(to: Float.self), ldb: right.leadingDimension,
                                                 transposeB: right.transposed,
                                                 c: UnsafeMutableRawPointer(cStart).assumingMemoryBound(to: Float.self), ldc: n,
                                                 accumulating: addendFirst) {
                            continue
                        }
                        GEMM.multiply(transposeA: left.transposed, transposeB: right.transposed, m: m, n: n, k: k,
                                      a: aStart, lda: left.leadingDimension, b: bStart, ldb: right.leadingDimension,
                                      beta: 0, c: cStart, ldc: n)
                    }
                }
            }
        }
        // addmm elsewhere: the product, then the bias added with one rounding.
        if let bias, !addendFirst { addBias(bias, to: &c, m: m, n: n) }
        return c
    }

    /// c[item, i, j] += bias[i, j] for every batch item of `c`, reading the
    /// (possibly broadcast) m×n view `bias` through its strides.
    private static func addBias<T: KernelFloat & StorageElement>(_ bias: Tensor, to c: inout [T], m: Int, n: Int) {
        guard m > 0, n > 0 else { return }
        let values = T.buffer(of: bias.storage)
        let rowStride = bias.strides[0], colStride = bias.strides[1]
        values.withUnsafeBufferPointer { vp in
            c.withUnsafeMutableBufferPointer { cp in
                var item = 0
                while item < cp.count {
                    for i in 0..<m {
                        let row = vp.baseAddress! + bias.offset + i * rowStride
                        let out = cp.baseAddress! + item + i * n
                        if colStride == 1 {
                            for j in 0..<n { out[j] = out[j] + row[j] }
                        } else {
                            for j in 0..<n { out[j] = out[j] + row[j * colStride] }
                        }
                    }
                    item += m * n
                }
            }
        }
    }

    /// A vector seen as a `rows × cols` matrix (one of them 1), without copying or recording.
    static func vectorAsMatrix(_ v: Tensor, rows: Int, cols: Int) -> Tensor {
        Tensor(storage: v.storage, shape: [rows, cols], strides: rows == 1 ? [v.count, v.strides[0]] : [v.strides[0], 1], offset: v.offset)
    }

    /// PyTorch's C type names in dtype errors (`float`, `long int`).
    static func dtypeName(_ d: DType) -> String {
        switch d {
        case .float32: return "float"
        case .float64: return "double"
        case .int64: return "long int"
        case .int32: return "int"
        case .bool: return "bool"
        }
    }

    static func checkSameDType(_ a: Tensor, _ b: Tensor) throws {
        guard a.dtype == b.dtype else {
            throw TorchError.runtime("expected m1 and m2 to have the same dtype, but got: \(dtypeName(a.dtype)) != \(dtypeName(b.dtype))")
        }
    }
}
