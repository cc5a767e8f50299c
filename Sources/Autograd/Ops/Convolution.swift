// Derivative table, 2-D convolution (ConvolutionBackward0). Convolution is
// bilinear in (x, w); its two adjoints are themselves recorded ops, so
// double backward and forward mode close over the same three kernels:
//   y = conv(x, w) + b:        ∂x = convᵀ(g, w),  ∂w = conv_w(g, x),  ∂b = Σ g over (N, H, W)
//   convᵀ(g, w)  (x-space):    ∂g = conv(gg, w),  ∂w = conv_w(g, gg)
//   conv_w(g, x) (w-space):    ∂g = conv(x, gg),  ∂x = convᵀ(g, gg)

/// conv2d's `padding`: numbers, or PyTorch's 'same' / 'valid'.
public enum Conv2dPadding {
    case explicit(Int, Int)
    case same
    case valid
}

extension Tensor {
    /// `F.conv2d(input, weight, bias, stride, padding, dilation, groups=1)`.
    public static func conv2d(_ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1, 1],
                              padding: Conv2dPadding = .explicit(0, 0), dilation: [Int] = [1, 1], groups: Int = 1) throws -> Tensor {
        guard input.dim == 3 || input.dim == 4 else {
            throw TorchError.runtime("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: \(Shape.bracketed(input.shape))")
        }
        if input.dim == 3 {
            let batched = try conv2d(input.unsqueeze(0), weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups)
            return try batched.squeeze(0)
        }
        guard groups == 1 else { throw TorchError.notImplemented("conv2d with groups=\(groups) is not supported; only groups=1") }
        guard weight.dim == 4 else {
            throw TorchError.runtime("weight should have at least three dimensions")
        }
        guard input.dtype == weight.dtype else {
            throw TorchError.runtime("expected scalar type \(input.dtype.scalarTypeName) but found \(weight.dtype.scalarTypeName)")
        }
        guard input.dtype.isFloatingPoint else {
            throw TorchError.runtime("\"slow_conv2d_cpu\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        if let bias, bias.dtype != input.dtype {
            throw TorchError.runtime("Input type (\(MatrixProducts.dtypeName(input.dtype))) and bias type (\(MatrixProducts.dtypeName(bias.dtype))) should be the same")
        }
        let strides = pair(stride), dilations = pair(dilation)
        var x = input
        var pads = [0, 0]
        switch padding {
        case .explicit(let ph, let pw):
            pads = [ph, pw]
        case .valid:
            break
        case .same:
            guard strides == [1, 1] else { throw TorchError.runtime("padding='same' is not supported for strided convolutions") }
            // Even kernels need one more row/column of zeros at the end: PyTorch pads the
            // input by the difference (ConstantPadNdBackward0) and convolves symmetrically.
            let total = [dilations[0] * (weight.shape[2] - 1), dilations[1] * (weight.shape[3] - 1)]
            pads = [total[0] / 2, total[1] / 2]
            let extra = [total[0] - 2 * pads[0], total[1] - 2 * pads[1]]
            if extra != [0, 0] { x = try input.paddedAtEnd(rows: extra[0], columns: extra[1]) }
        }
        let geometry = try Conv2dGeometry(inputShape: x.shape, weightShape: weight.shape, biasShape: bias?.shape,
                                          stride: strides, padding: pads, dilation: dilations)
        return try convolution(x, weight, bias, geometry)
    }

    /// A stride, padding or dilation given as one value or two.
    private static func pair(_ values: [Int]) -> [Int] {
        values.count == 1 ? [values[0], values[0]] : values
    }

    /// The forward kernel (bias included), recorded as ConvolutionBackward0.
    static func convolution(_ x: Tensor, _ w: Tensor, _ b: Tensor?, _ g: Conv2dGeometry) throws -> Tensor {
        let shape = g.outputShape
        try MemoryAccounting.check(elements: Shape.count(shape) + g.inChannels * g.kernelHeight * g.kernelWidth * g.outHeight * g.outWidth, dtype: x.dtype)
        let out: Tensor
        if x.dtype == .float32 {
            out = Tensor(storage: Storage(Conv2dKernels.forward(input: x.elements(as: Float.self), weight: w.elements(as: Float.self),
                                                               bias: b?.elements(as: Float.self), geometry: g)), shape: shape)
        } else {
            out = Tensor(storage: Storage(Conv2dKernels.forward(input: x.elements(as: Double.self), weight: w.elements(as: Double.self),
                                                               bias: b?.elements(as: Double.self), geometry: g)), shape: shape)
        }
        let inputs = [x, w] + (b.map { [$0] } ?? [])
        return try out.recorded("ConvolutionBackward0", symbol: "conv", inputs: inputs, saving: [x, w],
                                tangent: { t in
                                    var terms: [Tensor] = []
                                    if let tx = t[0] { terms.append(try convolution(tx, w, nil, g)) }
                                    if let tw = t[1] { terms.append(try convolution(x, tw, nil, g)) }
                                    if b != nil, let tb = t[2] { terms.append(try tb.view([1, g.outChannels, 1, 1]).expand(shape)) }
                                    return try terms.dropFirst().reduce(terms.first) { try Tangent.sum($0, $1) }
                                }) { gy in
            var grads: [Tensor?] = [x.requiresGrad ? try convolutionInputGrad(gy, w, g) : nil,
                                    w.requiresGrad ? try convolutionWeightGrad(gy, x, g) : nil]
            if let b { grads.append(b.requiresGrad ? try gy.sum(dims: [0, 2, 3]) : nil) }
            return InputGradients(grads)
        }
    }

    /// convᵀ(gy, w): the gradient with respect to the input.
    static func convolutionInputGrad(_ gy: Tensor, _ w: Tensor, _ g: Conv2dGeometry) throws -> Tensor {
        let shape = [g.batch, g.inChannels, g.height, g.width]
        let out: Tensor = gy.dtype == .float32
            ? Tensor(storage: Storage(Conv2dKernels.inputGradient(gradOutput: gy.elements(as: Float.self), weight: w.elements(as: Float.self), geometry: g)), shape: shape)
            : Tensor(storage: Storage(Conv2dKernels.inputGradient(gradOutput: gy.elements(as: Double.self), weight: w.elements(as: Double.self), geometry: g)), shape: shape)
        return try out.recorded("ConvolutionBackwardBackward0", symbol: "convᵀ", inputs: [gy, w], saving: [gy, w],
                                tangent: { t in
                                    try Tangent.sum(t[0].map { try convolutionInputGrad($0, w, g) }, t[1].map { try convolutionInputGrad(gy, $0, g) })
                                }) { gg in
            [gy.requiresGrad ? try convolution(gg, w, nil, g) : nil,
             w.requiresGrad ? try convolutionWeightGrad(gy, gg, g) : nil]
        }
    }

    /// conv_w(gy, x): the gradient with respect to the weight.
    static func convolutionWeightGrad(_ gy: Tensor, _ x: Tensor, _ g: Conv2dGeometry) throws -> Tensor {
        let shape = [g.outChannels, g.inChannels, g.kernelHeight, g.kernelWidth]
        let out: Tensor = gy.dtype == .float32
            ? Tensor(storage: Storage(Conv2dKernels.weightGradient(gradOutput: gy.elements(as: Float.self), input: x.elements(as: Float.self), geometry: g)), shape: shape)
            : Tensor(storage: Storage(Conv2dKernels.weightGradient(gradOutput: gy.elements(as: Double.self), input: x.elements(as: Double.self), geometry: g)), shape: shape)
        return try out.recorded("ConvolutionBackwardBackward0", symbol: "conv_w", inputs: [gy, x], saving: [gy, x],
                                tangent: { t in
                                    try Tangent.sum(t[0].map { try convolutionWeightGrad($0, x, g) }, t[1].map { try convolutionWeightGrad(gy, $0, g) })
                                }) { gg in
            [gy.requiresGrad ? try convolution(x, gg, nil, g) : nil,
             x.requiresGrad ? try convolutionInputGrad(gy, gg, g) : nil]
        }
    }

    /// `constant_pad_nd` with zeros added after the last rows and columns (ConstantPadNdBackward0).
    func paddedAtEnd(rows: Int, columns: Int) throws -> Tensor {
        let a = self
        var padded = shape
        padded[dim - 2] += rows
        padded[dim - 1] += columns
        let out = try Tensor.zeros(padded, dtype: dtype)
        let window = out.makeView(shape: shape, strides: out.strides, offset: 0)
        try untracked { try window.assign(a) }
        let (h, w) = (shape[dim - 2], shape[dim - 1])
        return try out.recorded("ConstantPadNdBackward0", symbol: "pad", inputs: [a],
                                tangent: { try $0[0]?.paddedAtEnd(rows: rows, columns: columns) }) { g in
            [try g.slice(a.dim - 2, start: 0, end: h).slice(a.dim - 1, start: 0, end: w)]
        }
    }
}
