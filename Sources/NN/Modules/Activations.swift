import Autograd

/// `nn.ReLU(inplace=False)`.
public final class ReLU: Module {
    public let inplace: Bool
    public init(inplace: Bool = false) {
        self.inplace = inplace
        super.init(typeName: "ReLU")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.relu(input, inplace: inplace) }
    public override var extraRepr: String { inplace ? "inplace=True" : "" }
}

/// `nn.LeakyReLU(negative_slope=0.01, inplace=False)`.
public final class LeakyReLU: Module {
    public let negativeSlope: OptionValue
    public let inplace: Bool
    public init(negativeSlope: OptionValue = 0.01, inplace: Bool = false) {
        self.negativeSlope = negativeSlope
        self.inplace = inplace
        super.init(typeName: "LeakyReLU")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.leakyRelu(input, negativeSlope: negativeSlope.doubleValue ?? 0, inplace: inplace)
    }
    public override var extraRepr: String { "negative_slope=\(negativeSlope.pythonStr)" + (inplace ? ", inplace=True" : "") }
}

/// `nn.Sigmoid()`.
public final class Sigmoid: Module {
    public init() { super.init(typeName: "Sigmoid") }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.sigmoid() }
}

/// `nn.Tanh()`.
public final class Tanh: Module {
    public init() { super.init(typeName: "Tanh") }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.tanh() }
}

/// `nn.Identity()`: returns its input itself.
public final class Identity: Module {
    public init() { super.init(typeName: "Identity") }
    public override func forward(_ input: Tensor) throws -> Tensor { input }
}
