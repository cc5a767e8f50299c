extension Tensor: CustomStringConvertible {
    /// The elements as the printer needs them (float32 widened exactly).
    public var printableElements: PrintableElements {
        switch dtype {
        case .float32, .float64: return .floating(doubles())
        case .int64, .int32: return .integer(int64s())
        case .bool: return .boolean(bools())
        }
    }

    /// `repr(t)` exactly as PyTorch prints it, including `Parameter containing:`
    /// and a dual tensor's `tangent=`.
    public var description: String {
        TensorFormatter.format(shape: shape, elements: printableElements, dtype: dtype,
                               gradFn: gradFn?.name, requiresGrad: requiresGrad, isParameter: isParameter,
                               tangent: tangent?.description)
    }

    /// `repr` without the Parameter prefix (for `p.data`, slices).
    public var plainDescription: String {
        TensorFormatter.format(shape: shape, elements: printableElements, dtype: dtype,
                               gradFn: gradFn?.name, requiresGrad: requiresGrad, isParameter: false,
                               tangent: tangent?.description)
    }
}
