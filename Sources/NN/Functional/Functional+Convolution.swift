import Autograd

/// An `int or tuple` argument of conv and pooling layers, kept as given
/// because their reprs print it that way (`kernel_size=2` vs `(2, 2)`).
public enum SizeArgument: Equatable {
    case int(Int)
    case tuple([Int])

    /// The per-dimension values for `count` spatial dims (`_pair`).
    public func values(_ count: Int = 2) -> [Int] {
        switch self {
        case .int(let v): return [Int](repeating: v, count: count)
        case .tuple(let v): return v
        }
    }

    /// `str()` of the argument: `2` or `(2, 2)`.
    public var pythonStr: String {
        switch self {
        case .int(let v): return String(v)
        case .tuple(let v): return PythonRepr.tuple(v.map(String.init))
        }
    }
}

/// conv's `padding`: numbers or the strings 'same' / 'valid'.
public enum ConvPaddingArgument: Equatable {
    case size(SizeArgument)
    case same
    case valid
}

extension Functional {
    /// `F.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)`.
    public static func conv2d(_ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: SizeArgument = .int(1),
                              padding: ConvPaddingArgument = .size(.int(0)), dilation: SizeArgument = .int(1),
                              groups: Int = 1) throws -> Tensor {
        let pad: Conv2dPadding
        switch padding {
        case .same: pad = .same
        case .valid: pad = .valid
        case .size(let s):
            let v = s.values()
            pad = .explicit(v[0], v.count > 1 ? v[1] : v[0])
        }
        return try Tensor.conv2d(input, weight, bias: bias, stride: stride.values(), padding: pad,
                                 dilation: dilation.values(), groups: groups)
    }

    /// `F.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)`.
    public static func maxPool2d(_ input: Tensor, kernelSize: SizeArgument, stride: SizeArgument? = nil,
                                 padding: SizeArgument = .int(0), dilation: SizeArgument = .int(1),
                                 ceilMode: Bool = false) throws -> Tensor {
        try input.maxPool2d(kernel: kernelSize.values(), stride: stride?.values(), padding: padding.values(),
                            dilation: dilation.values(), ceilMode: ceilMode)
    }

    /// `F.max_pool2d(..., return_indices=True)`: values and flat within-plane indices.
    public static func maxPool2dWithIndices(_ input: Tensor, kernelSize: SizeArgument, stride: SizeArgument? = nil,
                                            padding: SizeArgument = .int(0), dilation: SizeArgument = .int(1),
                                            ceilMode: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let r = try input.maxPool2dWithIndices(kernel: kernelSize.values(), stride: stride?.values(), padding: padding.values(),
                                               dilation: dilation.values(), ceilMode: ceilMode)
        return (r.values, r.indices)
    }

    /// `F.avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
    /// count_include_pad=True, divisor_override=None)`.
    public static func avgPool2d(_ input: Tensor, kernelSize: SizeArgument, stride: SizeArgument? = nil,
                                 padding: SizeArgument = .int(0), ceilMode: Bool = false, countIncludePad: Bool = true,
                                 divisorOverride: Int? = nil) throws -> Tensor {
        try input.avgPool2d(kernel: kernelSize.values(), stride: stride?.values(), padding: padding.values(), ceilMode: ceilMode,
                            countIncludePad: countIncludePad, divisorOverride: divisorOverride)
    }

    /// `F.adaptive_avg_pool2d(input, output_size)`.
    public static func adaptiveAvgPool2d(_ input: Tensor, outputSize: SizeArgument) throws -> Tensor {
        try input.adaptiveAvgPool2d(outputSize.values())
    }
}
