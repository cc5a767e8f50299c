import COpenBLAS

// Numeric loops of 2-D convolution: im2col + GEMM forward, and the two
// adjoints (input gradient via GEMM + col2im, weight gradient via GEMM).
// Plain loops over contiguous NCHW buffers; no autograd here.

/// The geometry of one conv2d call (asymmetric padding covers padding='same').
struct Conv2dGeometry {
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
    /// Unfolds image `n` of `x` into `cols` (patch × positions).
    static func im2col<T: GemmScalar>(_ x: UnsafePointer<T>, _ cols: UnsafeMutablePointer<T>, _ g: Conv2dGeometry) {
        let oh = g.outH, ow = g.outW
        var row = 0
        for c in 0..<g.channels {
            let plane = x + c * g.height * g.width
            for ki in 0..<g.kernelH {
                for kj in 0..<g.kernelW {
                    let dst = cols + row * oh * ow
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
    static func col2im<T: GemmScalar>(_ cols: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>, _ g: Conv2dGeometry) {
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

    /// y[n] = W · im2col(x[n]) for each image.
    static func forward<T: GemmScalar>(_ x: [T], _ w: [T], _ g: Conv2dGeometry) -> [T] {
        var y = [T](repeating: 0, count: g.batch * g.outChannels * g.positions)
        guard g.positions > 0, g.patch > 0 else { return y }
        var cols = [T](repeating: 0, count: g.patch * g.positions)
        x.withUnsafeBufferPointer { xp in
            w.withUnsafeBufferPointer { wp in
                cols.withUnsafeMutableBufferPointer { cp in
                    y.withUnsafeMutableBufferPointer { yp in
                        for n in 0..<g.batch {
                            im2col(xp.baseAddress! + n * g.channels * g.height * g.width, cp.baseAddress!, g)
                            T.gemm(transA: false, transB: false, m: g.outChannels, n: g.positions, k: g.patch, beta: 0,
                                   a: wp.baseAddress!, lda: g.patch, b: cp.baseAddress!, ldb: g.positions,
                                   c: yp.baseAddress! + n * g.outChannels * g.positions, ldc: g.positions)
                        }
                    }
                }
            }
        }
        return y
    }

    /// dx[n] = col2im(Wᵀ · dy[n]).
    static func inputGradient<T: GemmScalar>(_ dy: [T], _ w: [T], _ g: Conv2dGeometry) -> [T] {
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

    /// dW = Σₙ dy[n] · im2col(x[n])ᵀ.
    static func weightGradient<T: GemmScalar>(_ dy: [T], _ x: [T], _ g: Conv2dGeometry) -> [T] {
        var dw = [T](repeating: 0, count: g.outChannels * g.patch)
        guard g.positions > 0, g.patch > 0 else { return dw }
        var cols = [T](repeating: 0, count: g.patch * g.positions)
        dy.withUnsafeBufferPointer { dyp in
            x.withUnsafeBufferPointer { xp in
                cols.withUnsafeMutableBufferPointer { cp in
                    dw.withUnsafeMutableBufferPointer { dwp in
                        for n in 0..<g.batch {
                            im2col(xp.baseAddress! + n * g.channels * g.height * g.width, cp.baseAddress!, g)
                            T.gemm(transA: false, transB: true, m: g.outChannels, n: g.patch, k: g.positions, beta: n == 0 ? 0 : 1,
                                   a: dyp.baseAddress! + n * g.outChannels * g.positions, lda: g.positions, b: cp.baseAddress!, ldb: g.positions,
                                   c: dwp.baseAddress!, ldc: g.patch)
                        }
                    }
                }
            }
        }
        return dw
    }
}
