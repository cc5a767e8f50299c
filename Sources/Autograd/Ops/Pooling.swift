// Derivative table, 2-D pooling over the last two dims of (N,)C,H,W input.
//   max_pool2d:   y = x at each window's argmax;  ∂x = g added at the argmax positions (MaxPool2DWithIndicesBackward0)
//   avg_pool2d:   y = Σ window / divisor;         ∂x = each g / divisor added over its window (AvgPool2DBackward0)
//   adaptive_avg_pool2d: avg over PyTorch's adaptive windows (AdaptiveAvgPool2DBackward0; output 1 → mean)
// Average pooling is a fixed linear map A; its gradient is Aᵀ and Aᵀ's gradient is A.

/// One avg_pool2d call: its geometry and divisor rule.
struct AveragePooling {
    let geometry: Pool2dGeometry
    let countIncludePad: Bool
    let divisorOverride: Int?
}

/// Windows of an adaptive average pooling: for each output, the input positions and the divisor.
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

    /// `F.max_pool2d(x, kernel, stride, padding, dilation, ceil_mode)` with the
    /// flat within-plane indices PyTorch returns for `return_indices=True`.
    public func maxPool2dWithIndices(kernel: [Int], stride: [Int]? = nil, padding: [Int] = [0], dilation: [Int] = [1],
                                     ceilMode: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let a = self
        let g = try Pool2dGeometry.maxPool(inputShape: shape, kernel: kernel, stride: stride ?? [], padding: padding,
                                           dilation: dilation, ceilMode: ceilMode)
        guard dtype != .bool else {
            throw TorchError.notImplemented("\"max_pool2d\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let outShape = g.outputShape
        try MemoryAccounting.check(elements: Shape.count(outShape), dtype: dtype)
        let values: Tensor, indices: [Int64]
        if dtype == .float32 {
            let r = Pool2dKernels.maxPoolForward(elements(as: Float.self), geometry: g)
            (values, indices) = (Tensor(storage: Storage(r.values), shape: outShape), r.indices)
        } else {
            // Integers pool exactly through double (|x| < 2^53).
            let r = Pool2dKernels.maxPoolForward(converted(.float64).elements(as: Double.self), geometry: g)
            (values, indices) = (Tensor(storage: Storage(r.values), shape: outShape).converted(dtype), r.indices)
        }
        let inPlane = g.height * g.width, outPlane = g.outHeight * g.outWidth
        let positions = indices.indices.map { ($0 / outPlane) * inPlane + Int(indices[$0]) }
        let out = try values.recorded("MaxPool2DWithIndicesBackward0", symbol: "maxpool", inputs: [a],
                                      tangent: { try $0[0]?.take(positions, shape: outShape, name: "IndexBackward0") }) { grad in
            [try Tensor.maxPoolBackward(grad, positions: positions, geometry: g)]
        }
        return (out, Tensor(storage: Storage(indices, dtype: .int64), shape: outShape))
    }

    /// The max-pool gradient: each output gradient added at its window's argmax
    /// (recorded; its own gradient gathers from those positions).
    static func maxPoolBackward(_ grad: Tensor, positions: [Int], geometry g: Pool2dGeometry) throws -> Tensor {
        let inputShape = g.isUnbatched ? [g.channels, g.height, g.width] : [g.batch, g.channels, g.height, g.width]
        let outShape = g.outputShape
        let inPlane = g.height * g.width, outPlane = g.outHeight * g.outWidth
        let local = positions.indices.map { Int64(positions[$0] - ($0 / outPlane) * inPlane) }
        let out: Tensor
        if grad.dtype == .float32 {
            out = Tensor(storage: Storage(Pool2dKernels.maxPoolBackward(gradOutput: grad.elements(as: Float.self), indices: local, geometry: g)), shape: inputShape)
        } else {
            out = Tensor(storage: Storage(Pool2dKernels.maxPoolBackward(gradOutput: grad.converted(.float64).elements(as: Double.self), indices: local, geometry: g)), shape: inputShape)
        }
        return try out.recorded("MaxPool2DWithIndicesBackwardBackward0", symbol: "maxpoolᵀ", inputs: [grad],
                                tangent: { try $0[0].map { try maxPoolBackward($0, positions: positions, geometry: g) } }) { gg in
            [try gg.take(positions, shape: outShape, name: "IndexBackward0")]
        }
    }

    /// `F.max_pool2d(...)`.
    public func maxPool2d(kernel: [Int], stride: [Int]? = nil, padding: [Int] = [0], dilation: [Int] = [1], ceilMode: Bool = false) throws -> Tensor {
        try maxPool2dWithIndices(kernel: kernel, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode).values
    }

    /// `F.avg_pool2d(x, kernel, stride, padding, ceil_mode, count_include_pad, divisor_override)`.
    public func avgPool2d(kernel: [Int], stride: [Int]? = nil, padding: [Int] = [0], ceilMode: Bool = false,
                          countIncludePad: Bool = true, divisorOverride: Int? = nil) throws -> Tensor {
        let g = try Pool2dGeometry.avgPool(inputShape: shape, kernel: kernel, stride: stride ?? [], padding: padding,
                                           ceilMode: ceilMode, divisorOverride: divisorOverride)
        guard dtype != .bool else {
            throw TorchError.notImplemented("\"avg_pool2d\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return try averagePooled(AveragePooling(geometry: g, countIncludePad: countIncludePad, divisorOverride: divisorOverride))
    }

    /// y = A·x, the window averages (AvgPool2DBackward0).
    private func averagePooled(_ p: AveragePooling) throws -> Tensor {
        let a = self
        let shape = p.geometry.outputShape
        try MemoryAccounting.check(elements: Shape.count(shape), dtype: dtype)
        let out: Tensor
        if dtype == .float32 {
            out = Tensor(storage: Storage(Pool2dKernels.avgPoolForward(elements(as: Float.self), geometry: p.geometry,
                                                                       countIncludePad: p.countIncludePad, divisorOverride: p.divisorOverride)), shape: shape)
        } else {
            // Integer averages truncate, as C++'s integer division does.
            out = Tensor(storage: Storage(Pool2dKernels.avgPoolForward(converted(.float64).elements(as: Double.self), geometry: p.geometry,
                                                                       countIncludePad: p.countIncludePad, divisorOverride: p.divisorOverride)), shape: shape)
                .converted(dtype)
        }
        return try out.recorded("AvgPool2DBackward0", symbol: "avgpool", inputs: [a],
                                tangent: { try $0[0]?.averagePooled(p) }) { g in [try g.averagePoolTransposed(p)] }
    }

    /// x = Aᵀ·g, each gradient shared over its window (AvgPool2DBackwardBackward0).
    private func averagePoolTransposed(_ p: AveragePooling) throws -> Tensor {
        let g = self
        let gm = p.geometry
        let shape = gm.isUnbatched ? [gm.channels, gm.height, gm.width] : [gm.batch, gm.channels, gm.height, gm.width]
        let out: Tensor
        if dtype == .float32 {
            out = Tensor(storage: Storage(Pool2dKernels.avgPoolBackward(gradOutput: elements(as: Float.self), geometry: gm,
                                                                        countIncludePad: p.countIncludePad, divisorOverride: p.divisorOverride)), shape: shape)
        } else {
            out = Tensor(storage: Storage(Pool2dKernels.avgPoolBackward(gradOutput: converted(.float64).elements(as: Double.self), geometry: gm,
                                                                        countIncludePad: p.countIncludePad, divisorOverride: p.divisorOverride)), shape: shape)
        }
        return try out.recorded("AvgPool2DBackwardBackward0", symbol: "avgpoolᵀ", inputs: [g],
                                tangent: { try $0[0]?.averagePoolTransposed(p) }) { gg in [try gg.averagePooled(p)] }
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
