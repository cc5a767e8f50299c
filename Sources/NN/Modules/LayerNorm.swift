import Autograd

/// `nn.LayerNorm(normalized_shape, eps, elementwise_affine, bias)`:
/// normalises over the trailing dims `normalized_shape` names, then scales
/// and shifts by a weight (ones) and bias (zeros) of that shape.
public final class LayerNorm: Module {
    // Plain attributes in PyTorch: a cell may reassign any of them.
    public var normalizedShape: [Int]
    public var eps: OptionValue
    public var elementwiseAffine: Bool

    public init(normalizedShape: [Int], eps: OptionValue = .float(1e-5), elementwiseAffine: Bool = true, bias: Bool = true,
                dtype: DType = .float32) throws {
        if let negative = normalizedShape.first(where: { $0 < 0 }) {
            throw TorchError.runtime("Trying to create tensor with negative dimension \(negative): \(Shape.bracketed(normalizedShape))")
        }
        self.normalizedShape = normalizedShape
        self.eps = eps
        self.elementwiseAffine = elementwiseAffine
        super.init(typeName: "LayerNorm")
        register(parameter: elementwiseAffine ? try Parameter.make(Tensor.ones(normalizedShape, dtype: dtype)) : nil, named: "weight")
        register(parameter: elementwiseAffine && bias ? try Parameter.make(Tensor.zeros(normalizedShape, dtype: dtype)) : nil, named: "bias")
    }

    public var weight: Tensor? { parameter(named: "weight") ?? nil }
    public var bias: Tensor? { parameter(named: "bias") ?? nil }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.layerNorm(input, normalizedShape: normalizedShape, weight: weight, bias: bias, eps: eps.doubleValue ?? 1e-5)
    }

    public override var extraRepr: String {
        "\(PythonRepr.tuple(normalizedShape.map(String.init))), eps=\(eps.pythonStr), "
            + "elementwise_affine=\(PythonRepr.bool(elementwiseAffine)), bias=\(PythonRepr.bool(bias != nil))"
    }
}
