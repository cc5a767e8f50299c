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
        let sh = stride.first ?? 1, sw = stride.count > 1 ? stride[1] : sh
        let dh = dilation.first ?? 1, dw = dilation.count > 1 ? dilation[1] : dh
        guard sh > 0 && sw > 0 else { throw TorchError.runtime("non-positive stride is not supported") }
        guard dh > 0 && dw > 0 else { throw TorchError.runtime("dilation should be greater than zero") }
        let kh = weight.shape[2], kw = weight.shape[3]
        var pads = (top: 0, left: 0, bottom: 0, right: 0)
        switch padding {
        case .explicit(let ph, let pw):
            guard ph >= 0 && pw >= 0 else { throw TorchError.runtime("negative padding is not supported") }
            pads = (ph, pw, ph, pw)
        case .valid:
            break
        case .same:
            guard sh == 1 && sw == 1 else { throw TorchError.runtime("padding='same' is not supported for strided convolutions") }
            let totalH = dh * (kh - 1), totalW = dw * (kw - 1)
            pads = (totalH / 2, totalW / 2, totalH - totalH / 2, totalW - totalW / 2)
        }
        let channels = input.shape[1]
        guard weight.shape[1] == channels else {
            throw TorchError.runtime("Given groups=1, weight of size \(Shape.bracketed(weight.shape)), expected input\(Shape.bracketed(input.shape)) to have \(weight.shape[1]) channels, but got \(channels) channels instead")
        }
        if let bias {
            guard bias.dtype == input.dtype else {
                throw TorchError.runtime("Input type (\(Gemm.dtypeName(input.dtype))) and bias type (\(Gemm.dtypeName(bias.dtype))) should be the same")
            }
            guard bias.dim == 1 && bias.count == weight.shape[0] else {
                throw TorchError.runtime("Given weight of size \(Shape.bracketed(weight.shape)), expected bias to be 1-dimensional with \(weight.shape[0]) elements, but got bias of size \(Shape.bracketed(bias.shape)) instead")
            }
        }
        let paddedH = input.shape[2] + pads.top + pads.bottom, paddedW = input.shape[3] + pads.left + pads.right
        let effectiveH = dh * (kh - 1) + 1, effectiveW = dw * (kw - 1) + 1
        guard paddedH >= effectiveH && paddedW >= effectiveW else {
            throw TorchError.runtime("Calculated padded input size per channel: (\(paddedH) x \(paddedW)). Kernel size: (\(effectiveH) x \(effectiveW)). Kernel size can't be greater than actual input size")
        }
        let geometry = ConvLoopGeometry(batch: input.shape[0], channels: channels, height: input.shape[2], width: input.shape[3],
                                      outChannels: weight.shape[0], kernelH: kh, kernelW: kw, strideH: sh, strideW: sw,
                                      padTop: pads.top, padLeft: pads.left, padBottom: pads.bottom, padRight: pads.right,
                                      dilationH: dh, dilationW: dw)
        return try convolution(input, weight, bias, geometry)
    }

    private static func outputShape(_ g: ConvLoopGeometry) -> [Int] { [g.batch, g.outChannels, g.outH, g.outW] }

    /// The forward kernel plus the bias, recorded as ConvolutionBackward0.
    static func convolution(_ x: Tensor, _ w: Tensor, _ b: Tensor?, _ g: ConvLoopGeometry) throws -> Tensor {
        let shape = outputShape(g)
        try MemoryAccounting.check(elements: Shape.count(shape) + g.patch * g.positions, dtype: x.dtype)
        var out: Tensor
        if x.dtype == .float32 {
            var y = ConvolutionLoops.forward(x.floats(), w.floats(), g)
            if let b {
                let bias = b.floats()
                y.withUnsafeMutableBufferPointer { yp in
                    for n in 0..<g.batch { for o in 0..<g.outChannels {
                        let base = (n * g.outChannels + o) * g.positions
                        for i in 0..<g.positions { yp[base + i] += bias[o] }
                    } }
                }
            }
            out = Tensor(storage: Storage(y), shape: shape)
        } else {
            var y = ConvolutionLoops.forward(x.doubles(), w.doubles(), g)
            if let b {
                let bias = b.doubles()
                for n in 0..<g.batch { for o in 0..<g.outChannels {
                    let base = (n * g.outChannels + o) * g.positions
                    for i in 0..<g.positions { y[base + i] += bias[o] }
                } }
            }
            out = Tensor(storage: Storage(y), shape: shape)
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
            return grads
        }
    }

    /// convᵀ(gy, w): the gradient with respect to the input.
    static func convolutionInputGrad(_ gy: Tensor, _ w: Tensor, _ g: ConvLoopGeometry) throws -> Tensor {
        let shape = [g.batch, g.channels, g.height, g.width]
        let out: Tensor = gy.dtype == .float32
            ? Tensor(storage: Storage(ConvolutionLoops.inputGradient(gy.floats(), w.floats(), g)), shape: shape)
            : Tensor(storage: Storage(ConvolutionLoops.inputGradient(gy.doubles(), w.doubles(), g)), shape: shape)
        return try out.recorded("ConvolutionBackwardBackward0", symbol: "convᵀ", inputs: [gy, w], saving: [gy, w],
                                tangent: { t in
                                    try Tangent.sum(t[0].map { try convolutionInputGrad($0, w, g) }, t[1].map { try convolutionInputGrad(gy, $0, g) })
                                }) { gg in
            [gy.requiresGrad ? try convolution(gg, w, nil, g) : nil,
             w.requiresGrad ? try convolutionWeightGrad(gy, gg, g) : nil]
        }
    }

    /// conv_w(gy, x): the gradient with respect to the weight.
    static func convolutionWeightGrad(_ gy: Tensor, _ x: Tensor, _ g: ConvLoopGeometry) throws -> Tensor {
        let shape = [g.outChannels, g.channels, g.kernelH, g.kernelW]
        let out: Tensor = gy.dtype == .float32
            ? Tensor(storage: Storage(ConvolutionLoops.weightGradient(gy.floats(), x.floats(), g)), shape: shape)
            : Tensor(storage: Storage(ConvolutionLoops.weightGradient(gy.doubles(), x.doubles(), g)), shape: shape)
        return try out.recorded("ConvolutionBackwardBackward0", symbol: "conv_w", inputs: [gy, x], saving: [gy, x],
                                tangent: { t in
                                    try Tangent.sum(t[0].map { try convolutionWeightGrad($0, x, g) }, t[1].map { try convolutionWeightGrad(gy, $0, g) })
                                }) { gg in
            [gy.requiresGrad ? try convolution(x, gg, nil, g) : nil,
             x.requiresGrad ? try convolutionInputGrad(gy, gg, g) : nil]
        }
    }
}
