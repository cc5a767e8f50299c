import COpenBLAS

// Numeric loops of 2-D convolution: im2col + GEMM forward, and the two
// adjoints (input gradient via GEMM + col2im, weight gradient via GEMM).
// Plain loops over contiguous NCHW buffers; no autograd here.

/// The geometry of one conv2d call (asymmetric padding covers padding='same').
struct ConvLoopGeometry {
    let batch: Int, channels: Int, height: Int, width: Int
    let outChannels: Int, kernelH: Int, kernelW: Int
    let strideH: Int, strideW: Int
    let padTop: Int, padLeft: Int, padBottom: Int, padRight: Int
    let dilationH: Int, dilationW: Int

    var outH: Int { (height + padTop + padBottom - dilationH * (kernelH - 1) - 1) / strideH + 1 }
    var outW: Int { (width + padLeft + padRight - dilationW * (kernelW - 1) - 1) / strideW + 1 }
    var patch: Int { channels * kernelH * kernelW }
    var positions: Int { outH * outW }
}

/// Float and Double GEMM through OpenBLAS, row-major.
protocol GemmScalar: BinaryFloatingPoint {
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, beta: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int, c: UnsafeMutablePointer<Self>, ldc: Int)
}

extension Float: GemmScalar {
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, beta: Float,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

extension Double: GemmScalar {
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, beta: Double,
                     a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

enum ConvolutionLoops {
    /// Unfolds one image into `cols` (patch rows of `rowStride` elements, this image's positions first).
    static func im2col<T: GemmScalar>(_ x: UnsafePointer<T>, _ cols: UnsafeMutablePointer<T>, _ g: ConvLoopGeometry, rowStride: Int? = nil) {
        let stride = rowStride ?? g.positions
        let oh = g.outH, ow = g.outW
        var row = 0
        for c in 0..<g.channels {
            let plane = x + c * g.height * g.width
            for ki in 0..<g.kernelH {
                for kj in 0..<g.kernelW {
                    let dst = cols + row * stride
                    for i in 0..<oh {
                        let y = i * g.strideH - g.padTop + ki * g.dilationH
                        if y < 0 || y >= g.height {
                            for j in 0..<ow { dst[i * ow + j] = 0 }
                            continue
                        }
                        for j in 0..<ow {
                            let xx = j * g.strideW - g.padLeft + kj * g.dilationW
                            dst[i * ow + j] = (xx >= 0 && xx < g.width) ? plane[y * g.width + xx] : 0
                        }
                    }
                    row += 1
                }
            }
        }
    }

    /// Folds `cols` back into image `dx`, adding overlapping contributions.
    static func col2im<T: GemmScalar>(_ cols: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>, _ g: ConvLoopGeometry) {
        let oh = g.outH, ow = g.outW
        var row = 0
        for c in 0..<g.channels {
            let plane = dx + c * g.height * g.width
            for ki in 0..<g.kernelH {
                for kj in 0..<g.kernelW {
                    let src = cols + row * oh * ow
                    for i in 0..<oh {
                        let y = i * g.strideH - g.padTop + ki * g.dilationH
                        if y < 0 || y >= g.height { continue }
                        for j in 0..<ow {
                            let xx = j * g.strideW - g.padLeft + kj * g.dilationW
                            if xx >= 0 && xx < g.width { plane[y * g.width + xx] += src[i * ow + j] }
                        }
                    }
                    row += 1
                }
            }
        }
    }

    /// y = W · [im2col(x[0]) … im2col(x[N−1])]: one GEMM over the whole batch.
    static func forward<T: GemmScalar>(_ x: [T], _ w: [T], _ g: ConvLoopGeometry) -> [T] {
        var y = [T](repeating: 0, count: g.batch * g.outChannels * g.positions)
        guard g.positions > 0, g.patch > 0, g.batch > 0 else { return y }
        let wide = g.batch * g.positions
        var cols = [T](repeating: 0, count: g.patch * wide)
        var product = [T](repeating: 0, count: g.outChannels * wide)
        x.withUnsafeBufferPointer { xp in
            cols.withUnsafeMutableBufferPointer { cp in
                for n in 0..<g.batch {
                    im2col(xp.baseAddress! + n * g.channels * g.height * g.width, cp.baseAddress! + n * g.positions, g, rowStride: wide)
                }
            }
        }
        w.withUnsafeBufferPointer { wp in
            cols.withUnsafeBufferPointer { cp in
                product.withUnsafeMutableBufferPointer { pp in
                    T.gemm(transA: false, transB: false, m: g.outChannels, n: wide, k: g.patch, beta: 0,
                           a: wp.baseAddress!, lda: g.patch, b: cp.baseAddress!, ldb: wide, c: pp.baseAddress!, ldc: wide)
                }
            }
        }
        // (O, N·P) → (N, O, P)
        product.withUnsafeBufferPointer { pp in
            y.withUnsafeMutableBufferPointer { yp in
                for n in 0..<g.batch {
                    for o in 0..<g.outChannels {
                        let src = pp.baseAddress! + o * wide + n * g.positions
                        let dst = yp.baseAddress! + (n * g.outChannels + o) * g.positions
                        dst.update(from: src, count: g.positions)
                    }
                }
            }
        }
        return y
    }

    /// dx[n] = col2im(Wᵀ · dy[n]).
    static func inputGradient<T: GemmScalar>(_ dy: [T], _ w: [T], _ g: ConvLoopGeometry) -> [T] {
        var dx = [T](repeating: 0, count: g.batch * g.channels * g.height * g.width)
        guard g.positions > 0, g.patch > 0 else { return dx }
        var cols = [T](repeating: 0, count: g.patch * g.positions)
        dy.withUnsafeBufferPointer { dyp in
            w.withUnsafeBufferPointer { wp in
                cols.withUnsafeMutableBufferPointer { cp in
                    dx.withUnsafeMutableBufferPointer { dxp in
                        for n in 0..<g.batch {
                            T.gemm(transA: true, transB: false, m: g.patch, n: g.positions, k: g.outChannels, beta: 0,
                                   a: wp.baseAddress!, lda: g.patch, b: dyp.baseAddress! + n * g.outChannels * g.positions, ldb: g.positions,
                                   c: cp.baseAddress!, ldc: g.positions)
                            col2im(UnsafePointer(cp.baseAddress!), dxp.baseAddress! + n * g.channels * g.height * g.width, g)
                        }
                    }
                }
            }
        }
        return dx
    }

    /// dW = [dy[0] … dy[N−1]] · [im2col(x[0]) … im2col(x[N−1])]ᵀ: one GEMM over the batch.
    static func weightGradient<T: GemmScalar>(_ dy: [T], _ x: [T], _ g: ConvLoopGeometry) -> [T] {
        var dw = [T](repeating: 0, count: g.outChannels * g.patch)
        guard g.positions > 0, g.patch > 0, g.batch > 0 else { return dw }
        let wide = g.batch * g.positions
        var cols = [T](repeating: 0, count: g.patch * wide)
        var gathered = [T](repeating: 0, count: g.outChannels * wide)
        x.withUnsafeBufferPointer { xp in
            cols.withUnsafeMutableBufferPointer { cp in
                for n in 0..<g.batch {
                    im2col(xp.baseAddress! + n * g.channels * g.height * g.width, cp.baseAddress! + n * g.positions, g, rowStride: wide)
                }
            }
        }
        // (N, O, P) → (O, N·P)
        dy.withUnsafeBufferPointer { dyp in
            gathered.withUnsafeMutableBufferPointer { gp in
                for n in 0..<g.batch {
                    for o in 0..<g.outChannels {
                        (gp.baseAddress! + o * wide + n * g.positions)
                            .update(from: dyp.baseAddress! + (n * g.outChannels + o) * g.positions, count: g.positions)
                    }
                }
            }
        }
        gathered.withUnsafeBufferPointer { gp in
            cols.withUnsafeBufferPointer { cp in
                dw.withUnsafeMutableBufferPointer { dwp in
                    T.gemm(transA: false, transB: true, m: g.outChannels, n: g.patch, k: wide, beta: 0,
                           a: gp.baseAddress!, lda: wide, b: cp.baseAddress!, ldb: wide, c: dwp.baseAddress!, ldc: g.patch)
                }
            }
        }
        return dw
    }
}
