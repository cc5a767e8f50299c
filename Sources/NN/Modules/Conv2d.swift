import Autograd

/// `nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
/// dilation=1, groups=1, bias=True)`, initialised as PyTorch does: the weight
/// (out, in/groups, kh, kw) by kaiming_uniform(a=√5), then the bias by
/// uniform(±1/√fan_in), in that draw order.
public final class Conv2d: Module {
    public let inChannels: Int
    public let outChannels: Int
    public let kernelSize: [Int]
    public let stride: [Int]
    public let padding: ConvPaddingArgument
    public let dilation: [Int]
    public let groups: Int

    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: SizeArgument, stride: SizeArgument = .int(1),
                padding: ConvPaddingArgument = .size(.int(0)), dilation: SizeArgument = .int(1), groups: Int = 1,
                bias: Bool = true, paddingMode: String = "zeros", dtype: DType = .float32) throws {
        guard groups > 0 else { throw TorchError.value("groups must be a positive integer") }
        guard inChannels % groups == 0 else { throw TorchError.value("in_channels must be divisible by groups") }
        guard outChannels % groups == 0 else { throw TorchError.value("out_channels must be divisible by groups") }
        guard paddingMode == "zeros" else {
            throw TorchError.notImplemented("padding_mode='\(paddingMode)' is not supported; only 'zeros'")
        }
        let stride = stride.values()
        if padding == .same && stride.contains(where: { $0 != 1 }) {
            throw TorchError.value("padding='same' is not supported for strided convolutions")
        }
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize.values()
        self.stride = stride
        self.padding = padding
        self.dilation = dilation.values()
        self.groups = groups
        super.init(typeName: "Conv2d")
        let weightShape = [outChannels, inChannels / groups] + self.kernelSize
        if weightShape.contains(where: { $0 < 0 }) {
            throw TorchError.runtime("Trying to create tensor with negative dimension \(weightShape.first { $0 < 0 } ?? -1): \(Shape.bracketed(weightShape))")
        }
        let weight = try Parameter.make(Tensor.zeros(weightShape, dtype: dtype))
        register(parameter: weight, named: "weight")
        register(parameter: bias ? try Parameter.make(Tensor.zeros([outChannels], dtype: dtype)) : nil, named: "bias")
        try resetParameters()
    }

    public var weight: Tensor? { parameter(named: "weight") ?? nil }
    public var bias: Tensor? { parameter(named: "bias") ?? nil }

    /// `reset_parameters()`: PyTorch's default initialisation, drawing again.
    public func resetParameters() throws {
        guard let weight else { return }
        let fanIn = (inChannels / groups) * kernelSize.reduce(1, *)
        if weight.count > 0 { try Init.uniform(weight, bound: DefaultInitBounds.defaultWeight(fanIn: fanIn)) }
        if let bias, fanIn != 0 { try Init.uniform(bias, bound: DefaultInitBounds.defaultBias(fanIn: fanIn)) }
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        guard let weight else { throw TorchError.typeError("conv2d() received an invalid combination of arguments") }
        return try Functional.conv2d(input, weight, bias: bias, stride: .tuple(stride), padding: padding,
                                     dilation: .tuple(dilation), groups: groups)
    }

    public override var extraRepr: String {
        func tuple(_ v: [Int]) -> String { PythonRepr.tuple(v.map(String.init)) }
        var s = "\(inChannels), \(outChannels), kernel_size=\(tuple(kernelSize)), stride=\(tuple(stride))"
        switch padding {
        case .same: s += ", padding=same"
        case .valid: s += ", padding=valid"
        case .size(let p):
            let values = p.values(kernelSize.count)
            if values.contains(where: { $0 != 0 }) { s += ", padding=\(tuple(values))" }
        }
        if dilation.contains(where: { $0 != 1 }) { s += ", dilation=\(tuple(dilation))" }
        if groups != 1 { s += ", groups=\(groups)" }
        if bias == nil { s += ", bias=False" }
        return s
    }
}
