import Autograd

/// `nn.Linear(in, out, bias)`: y = x·Wᵀ + b, initialised as PyTorch does
/// (kaiming_uniform(a=√5) weights, then uniform(±1/√in) bias, in that draw order).
public final class Linear: Module {
    public let inFeatures: Int
    public let outFeatures: Int

    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, dtype: DType = .float32) throws {
        guard inFeatures >= 0, outFeatures >= 0 else {
            throw TorchError.runtime("Trying to create tensor with negative dimension \(min(inFeatures, outFeatures)): [\(outFeatures), \(inFeatures)]")
        }
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        super.init(typeName: "Linear")
        register(parameter: try Parameter.make(Tensor.zeros([outFeatures, inFeatures], dtype: dtype)), named: "weight")
        register(parameter: bias ? try Parameter.make(Tensor.zeros([outFeatures], dtype: dtype)) : nil, named: "bias")
        try resetParameters()
    }

    public var weight: Tensor? { parameter(named: "weight") ?? nil }
    public var bias: Tensor? { parameter(named: "bias") ?? nil }

    /// `reset_parameters()`: PyTorch's default initialisation, drawing again.
    public func resetParameters() throws {
        if let weight, weight.count > 0 { try Init.uniform(weight, bound: DefaultInitBounds.defaultWeight(fanIn: inFeatures)) }
        if let bias { try Init.uniform(bias, bound: DefaultInitBounds.defaultBias(fanIn: inFeatures)) }
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        guard let weight else { throw TorchError.typeError("linear(): argument 'weight' must be Tensor, not NoneType") }
        return try Functional.linear(input, weight, bias)
    }

    public override var extraRepr: String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias != nil ? "True" : "False")"
    }
}
