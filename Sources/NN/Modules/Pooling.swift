import Autograd

/// `nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1,
/// return_indices=False, ceil_mode=False)`; arguments print as given.
public final class MaxPool2d: Module {
    public let kernelSize: SizeArgument
    public let stride: SizeArgument
    public let padding: SizeArgument
    public let dilation: SizeArgument
    public let returnIndices: Bool
    public let ceilMode: Bool

    public init(kernelSize: SizeArgument, stride: SizeArgument? = nil, padding: SizeArgument = .int(0),
                dilation: SizeArgument = .int(1), returnIndices: Bool = false, ceilMode: Bool = false) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.dilation = dilation
        self.returnIndices = returnIndices
        self.ceilMode = ceilMode
        super.init(typeName: "MaxPool2d")
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.maxPool2d(input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode)
    }

    /// The `return_indices=True` result: values and indices.
    public func forwardWithIndices(_ input: Tensor) throws -> (values: Tensor, indices: Tensor) {
        try Functional.maxPool2dWithIndices(input, kernelSize: kernelSize, stride: stride, padding: padding,
                                            dilation: dilation, ceilMode: ceilMode)
    }

    public override var extraRepr: String {
        "kernel_size=\(kernelSize.pythonStr), stride=\(stride.pythonStr), padding=\(padding.pythonStr), dilation=\(dilation.pythonStr), ceil_mode=\(PythonRepr.bool(ceilMode))"
    }
}

/// `nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False,
/// count_include_pad=True, divisor_override=None)`.
public final class AvgPool2d: Module {
    public let kernelSize: SizeArgument
    public let stride: SizeArgument
    public let padding: SizeArgument
    public let ceilMode: Bool
    public let countIncludePad: Bool
    public let divisorOverride: Int?

    public init(kernelSize: SizeArgument, stride: SizeArgument? = nil, padding: SizeArgument = .int(0), ceilMode: Bool = false,
                countIncludePad: Bool = true, divisorOverride: Int? = nil) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.ceilMode = ceilMode
        self.countIncludePad = countIncludePad
        self.divisorOverride = divisorOverride
        super.init(typeName: "AvgPool2d")
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.avgPool2d(input, kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode,
                                 countIncludePad: countIncludePad, divisorOverride: divisorOverride)
    }

    public override var extraRepr: String {
        "kernel_size=\(kernelSize.pythonStr), stride=\(stride.pythonStr), padding=\(padding.pythonStr)"
    }
}

/// `nn.AdaptiveAvgPool2d(output_size)`.
public final class AdaptiveAvgPool2d: Module {
    public let outputSize: SizeArgument
    public init(outputSize: SizeArgument) {
        self.outputSize = outputSize
        super.init(typeName: "AdaptiveAvgPool2d")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.adaptiveAvgPool2d(input, outputSize: outputSize) }
    public override var extraRepr: String { "output_size=\(outputSize.pythonStr)" }
}
