// Derivative table, 2-D pooling over the last two dims of (N,)C,H,W input.
//   max_pool2d:   y = x at each window's argmax;  ∂x = g added at the argmax positions (MaxPool2DWithIndicesBackward0)
//   avg_pool2d:   y = Σ window / divisor;         ∂x = each g / divisor added over its window (AvgPool2DBackward0)
//   adaptive_avg_pool2d: avg over PyTorch's adaptive windows (AdaptiveAvgPool2DBackward0; output 1 → mean)
// Average pooling is a fixed linear map A; its gradient is Aᵀ and Aᵀ's gradient is A.

/// Windows of an average pooling: for each output, the input positions and the divisor.
struct PoolingWindows {
    let inputCount: Int
    let outputShape: [Int]
    let members: [[Int]]
    let divisors: [Double]
}

extension Tensor {
    private func poolingPlanes(_ op: String) throws -> (planes: Int, height: Int, width: Int) {
        guard (dim == 3 || dim == 4) && count > 0 else {
            throw TorchError.runtime("non-empty 3D or 4D (batch mode) tensor expected for input")
        }
        return (shape.dropLast(2).reduce(1, *), shape[dim - 2], shape[dim - 1])
    }

    private static func pooledSize(_ size: Int, kernel: Int, stride: Int, pad: Int, dilation: Int, ceilMode: Bool) -> Int {
        let span = size + 2 * pad - dilation * (kernel - 1) - 1
        func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
        var out = floorDiv(ceilMode ? span + stride - 1 : span, stride) + 1
        if ceilMode && (out - 1) * stride >= size + pad { out -= 1 }
        return out
    }

    private func poolingGeometry(kernel: [Int], stride: [Int]?, padding: [Int], dilation: [Int], ceilMode: Bool)
        throws -> (k: (Int, Int), s: (Int, Int), p: (Int, Int), d: (Int, Int), out: (Int, Int), planes: Int, h: Int, w: Int) {
        let (planes, h, w) = try poolingPlanes("pool")
        let k = (kernel[0], kernel.count > 1 ? kernel[1] : kernel[0])
        let st = stride.flatMap { $0.isEmpty ? nil : $0 } ?? kernel
        let s = (st[0], st.count > 1 ? st[1] : st[0])
        let p = (padding[0], padding.count > 1 ? padding[1] : padding[0])
        let d = (dilation[0], dilation.count > 1 ? dilation[1] : dilation[0])
        guard k.0 > 0 && k.1 > 0 else { throw TorchError.runtime("kernel_size must be greater than zero, but got kH: \(k.0) kW: \(k.1)") }
        guard s.0 > 0 && s.1 > 0 else { throw TorchError.runtime("stride should be greater than zero, but got dH: \(s.0) dW: \(s.1)") }
        guard d.0 > 0 && d.1 > 0 else { throw TorchError.runtime("dilation should be greater than zero, but got dilationH: \(d.0) dilationW: \(d.1)") }
        for (pad, ker, dil) in [(p.0, k.0, d.0), (p.1, k.1, d.1)] where pad > ((ker - 1) * dil + 1) / 2 {
            throw TorchError.runtime("pad should be at most half of effective kernel size, but got pad=\(pad), kernel_size=\(ker) and dilation=\(dil)")
        }
        let oh = Tensor.pooledSize(h, kernel: k.0, stride: s.0, pad: p.0, dilation: d.0, ceilMode: ceilMode)
        let ow = Tensor.pooledSize(w, kernel: k.1, stride: s.1, pad: p.1, dilation: d.1, ceilMode: ceilMode)
        guard oh > 0 && ow > 0 else {
            let c = dim == 4 ? shape[1] : shape[0]
            throw TorchError.runtime("Given input size: (\(c)x\(h)x\(w)). Calculated output size: (\(c)x\(oh)x\(ow)). Output size is too small")
        }
        return (k, s, p, d, (oh, ow), planes, h, w)
    }

    /// `F.max_pool2d(x, kernel, stride, padding, dilation, ceil_mode)` with the
    /// flat within-plane indices PyTorch returns for `return_indices=True`.
    public func maxPool2dWithIndices(kernel: [Int], stride: [Int]? = nil, padding: [Int] = [0], dilation: [Int] = [1],
                                     ceilMode: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let a = self
        let geo = try poolingGeometry(kernel: kernel, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode)
        let (oh, ow) = geo.out
        let outShape = Array(shape.dropLast(2)) + [oh, ow]
        let total = geo.planes * oh * ow
        try MemoryAccounting.check(elements: total, dtype: dtype)
        var positions = [Int](repeating: 0, count: total)
        var indices = [Int64](repeating: 0, count: total)
        func scan<T: BinaryFloatingPoint>(_ x: [T]) {
            positions.withUnsafeMutableBufferPointer { positions in
            indices.withUnsafeMutableBufferPointer { indices in
            x.withUnsafeBufferPointer { x in
                for plane in 0..<geo.planes {
                    let base = plane * geo.h * geo.w
                    for i in 0..<oh {
                        for j in 0..<ow {
                            var best = -1
                            var bestValue: T = 0
                            for ki in 0..<geo.k.0 {
                                let y = i * geo.s.0 - geo.p.0 + ki * geo.d.0
                                if y < 0 || y >= geo.h { continue }
                                for kj in 0..<geo.k.1 {
                                    let xx = j * geo.s.1 - geo.p.1 + kj * geo.d.1
                                    if xx < 0 || xx >= geo.w { continue }
                                    let v = x[base + y * geo.w + xx]
                                    if best < 0 || v > bestValue || (v.isNaN && !bestValue.isNaN) {
                                        best = y * geo.w + xx
                                        bestValue = v
                                    }
                                }
                            }
                            let o = (plane * oh + i) * ow + j
                            indices[o] = Int64(best)
                            positions[o] = base + best
                        }
                    }
                }
            }
            }
            }
        }
        if dtype == .float32 { scan(floats()) } else { scan(doubles()) }
        let values = try untracked { try a.take(positions, shape: outShape, name: "MaxPool2DWithIndicesBackward0") }
        let p = positions, baseShape = a.shape
        let out = try values.recorded("MaxPool2DWithIndicesBackward0", symbol: "maxpool", inputs: [a],
                                      tangent: { try $0[0]?.take(p, shape: outShape, name: "IndexBackward0") }) { g in
            [try Tensor.zeros(baseShape, dtype: g.dtype).put(p, values: g, accumulate: true, name: "MaxPool2DWithIndicesBackwardBackward0")]
        }
        return (out, Tensor(storage: Storage(indices, dtype: .int64), shape: outShape))
    }

    /// `F.max_pool2d(...)`.
    public func maxPool2d(kernel: [Int], stride: [Int]? = nil, padding: [Int] = [0], dilation: [Int] = [1], ceilMode: Bool = false) throws -> Tensor {
        try maxPool2dWithIndices(kernel: kernel, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode).values
    }

    /// `F.avg_pool2d(x, kernel, stride, padding, ceil_mode, count_include_pad, divisor_override)`.
    public func avgPool2d(kernel: [Int], stride: [Int]? = nil, padding: [Int] = [0], ceilMode: Bool = false,
                          countIncludePad: Bool = true, divisorOverride: Int? = nil) throws -> Tensor {
        if let divisorOverride, divisorOverride == 0 { throw TorchError.runtime("divisor must be not zero") }
        let geo = try poolingGeometry(kernel: kernel, stride: stride, padding: padding, dilation: [1], ceilMode: ceilMode)
        let (oh, ow) = geo.out
        var members: [[Int]] = [], divisors: [Double] = []
        members.reserveCapacity(geo.planes * oh * ow)
        for plane in 0..<geo.planes {
            let base = plane * geo.h * geo.w
            for i in 0..<oh {
                for j in 0..<ow {
                    var hs = i * geo.s.0 - geo.p.0, ws = j * geo.s.1 - geo.p.1
                    var he = Swift.min(hs + geo.k.0, geo.h + geo.p.0), we = Swift.min(ws + geo.k.1, geo.w + geo.p.1)
                    let padded = (he - hs) * (we - ws)
                    hs = Swift.max(hs, 0); ws = Swift.max(ws, 0)
                    he = Swift.min(he, geo.h); we = Swift.min(we, geo.w)
                    var window: [Int] = []
                    for y in hs..<Swift.max(he, hs) { for xx in ws..<Swift.max(we, ws) { window.append(base + y * geo.w + xx) } }
                    members.append(window)
                    divisors.append(Double(divisorOverride ?? (countIncludePad ? padded : (he - hs) * (we - ws))))
                }
            }
        }
        let windows = PoolingWindows(inputCount: count, outputShape: Array(shape.dropLast(2)) + [oh, ow], members: members, divisors: divisors)
        return try averaged(windows, name: "AvgPool2DBackward0")
    }

    /// `F.adaptive_avg_pool2d(x, output_size)`.
    public func adaptiveAvgPool2d(_ outputSize: [Int]) throws -> Tensor {
        let (planes, h, w) = try poolingPlanes("adaptive_avg_pool2d")
        let oh = outputSize[0], ow = outputSize.count > 1 ? outputSize[1] : outputSize[0]
        guard oh >= 0 && ow >= 0 else {
            throw TorchError.runtime("adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {\(oh), \(ow)}")
        }
        if oh == 1 && ow == 1 { return try mean(dims: [-2, -1], keepdim: true) }
        var members: [[Int]] = [], divisors: [Double] = []
        for plane in 0..<planes {
            let base = plane * h * w
            for i in 0..<oh {
                let hs = (i * h) / oh, he = ((i + 1) * h + oh - 1) / oh
                for j in 0..<ow {
                    let ws = (j * w) / ow, we = ((j + 1) * w + ow - 1) / ow
                    var window: [Int] = []
                    for y in hs..<he { for xx in ws..<we { window.append(base + y * w + xx) } }
                    members.append(window)
                    divisors.append(Double((he - hs) * (we - ws)))
                }
            }
        }
        let windows = PoolingWindows(inputCount: count, outputShape: Array(shape.dropLast(2)) + [oh, ow], members: members, divisors: divisors)
        return try averaged(windows, name: "AdaptiveAvgPool2DBackward0")
    }

    /// y = A·x (window sums over divisors), recorded under `name`.
    private func averaged(_ windows: PoolingWindows, name: String) throws -> Tensor {
        let a = self
        let out = try poolingMap(windows, transposed: false, shape: windows.outputShape)
        let inputShape = shape
        return try out.recorded(name, symbol: "avgpool", inputs: [a],
                                tangent: { try $0[0]?.averaged(windows, name: name) }) { g in
            [try g.averagedTransposed(windows, inputShape: inputShape)]
        }
    }

    /// x = Aᵀ·g (each g / divisor spread over its window).
    private func averagedTransposed(_ windows: PoolingWindows, inputShape: [Int]) throws -> Tensor {
        let g = self
        let out = try poolingMap(windows, transposed: true, shape: inputShape)
        return try out.recorded("AvgPool2DBackwardBackward0", symbol: "avgpoolᵀ", inputs: [g],
                                tangent: { try $0[0]?.averagedTransposed(windows, inputShape: inputShape) }) { gg in
            [try gg.averaged(windows, name: "AvgPool2DBackward0")]
        }
    }

    private func poolingMap(_ windows: PoolingWindows, transposed: Bool, shape: [Int]) throws -> Tensor {
        try MemoryAccounting.check(elements: Shape.count(shape), dtype: dtype)
        if dtype == .float32 {
            let x = floats()
            var y = [Float](repeating: 0, count: Shape.count(shape))
            for (o, window) in windows.members.enumerated() {
                let div = Float(windows.divisors[o])
                if transposed {
                    let share = x[o] / div
                    for i in window { y[i] += share }
                } else {
                    var s: Float = 0
                    for i in window { s += x[i] }
                    y[o] = s / div
                }
            }
            return Tensor(storage: Storage(y), shape: shape)
        }
        guard dtype == .float64 else {
            throw TorchError.runtime("\"avg_pool2d\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let x = doubles()
        var y = [Double](repeating: 0, count: Shape.count(shape))
        for (o, window) in windows.members.enumerated() {
            let div = windows.divisors[o]
            if transposed {
                for i in window { y[i] += x[o] / div }
            } else {
                var s = 0.0
                for i in window { s += x[i] }
                y[o] = s / div
            }
        }
        return Tensor(storage: Storage(y), shape: shape)
    }
}
