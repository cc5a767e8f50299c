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

/// `nn.Softmax(dim=None)`; with no dim it takes the implicit choice at each call.
public final class Softmax: Module {
    public let dim: Int?
    public init(dim: Int? = nil) {
        self.dim = dim
        super.init(typeName: "Softmax")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.softmax(input, dim: dim) }
    public override var extraRepr: String { "dim=\(dim.map(String.init) ?? "None")" }
}

/// `nn.LogSoftmax(dim=None)`.
public final class LogSoftmax: Module {
    public let dim: Int?
    public init(dim: Int? = nil) {
        self.dim = dim
        super.init(typeName: "LogSoftmax")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.logSoftmax(input, dim: dim) }
    public override var extraRepr: String { "dim=\(dim.map(String.init) ?? "None")" }
}

/// `nn.GELU(approximate='none')`.
public final class GELU: Module {
    public let approximate: String
    public init(approximate: String = "none") {
        self.approximate = approximate
        super.init(typeName: "GELU")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.gelu(approximate: approximate) }
    public override var extraRepr: String { "approximate=\(PythonRepr.string(approximate))" }
}

/// `nn.SiLU()`.
public final class SiLU: Module {
    public init() { super.init(typeName: "SiLU") }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.silu() }
}

/// `nn.LogSigmoid()`.
public final class LogSigmoid: Module {
    public init() { super.init(typeName: "LogSigmoid") }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.logSigmoid() }
}

/// `nn.ELU(alpha=1.0)`.
public final class ELU: Module {
    public let alpha: OptionValue
    public let inplace: Bool
    public init(alpha: OptionValue = 1.0, inplace: Bool = false) {
        self.alpha = alpha
        self.inplace = inplace
        super.init(typeName: "ELU")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.elu(alpha: alpha.doubleValue ?? 1) }
    public override var extraRepr: String { "alpha=\(alpha.pythonStr)" + (inplace ? ", inplace=True" : "") }
}

/// `nn.Softplus(beta=1.0, threshold=20.0)`.
public final class Softplus: Module {
    public let beta: OptionValue
    public let threshold: OptionValue
    public init(beta: OptionValue = 1.0, threshold: OptionValue = 20.0) {
        self.beta = beta
        self.threshold = threshold
        super.init(typeName: "Softplus")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try input.softplus(beta: beta.doubleValue ?? 1, threshold: threshold.doubleValue ?? 20)
    }
    public override var extraRepr: String { "beta=\(beta.pythonStr), threshold=\(threshold.pythonStr)" }
}

/// `nn.Hardtanh(min_val=-1.0, max_val=1.0)`.
public final class Hardtanh: Module {
    public let minVal: OptionValue
    public let maxVal: OptionValue
    public init(minVal: OptionValue = -1.0, maxVal: OptionValue = 1.0) {
        self.minVal = minVal
        self.maxVal = maxVal
        super.init(typeName: "Hardtanh")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try input.hardtanh(min: minVal.doubleValue ?? -1, max: maxVal.doubleValue ?? 1)
    }
    public override var extraRepr: String { "min_val=\(minVal.pythonStr), max_val=\(maxVal.pythonStr)" }
}

/// `nn.ReLU6(inplace=False)`: hardtanh between 0 and 6.
public final class ReLU6: Module {
    public let inplace: Bool
    public init(inplace: Bool = false) {
        self.inplace = inplace
        super.init(typeName: "ReLU6")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.hardtanh(min: 0, max: 6) }
    public override var extraRepr: String { inplace ? "inplace=True" : "" }
}

/// `nn.SELU(inplace=False)`.
public final class SELU: Module {
    public let inplace: Bool
    public init(inplace: Bool = false) {
        self.inplace = inplace
        super.init(typeName: "SELU")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.selu() }
    public override var extraRepr: String { inplace ? "inplace=True" : "" }
}

/// `nn.CELU(alpha=1.0, inplace=False)`.
public final class CELU: Module {
    public let alpha: OptionValue
    public let inplace: Bool
    public init(alpha: OptionValue = 1.0, inplace: Bool = false) {
        self.alpha = alpha
        self.inplace = inplace
        super.init(typeName: "CELU")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try input.celu(alpha: alpha.doubleValue ?? 1) }
    public override var extraRepr: String { "alpha=\(alpha.pythonStr)" + (inplace ? ", inplace=True" : "") }
}

/// `nn.Softsign()`: x / (1 + |x|).
public final class Softsign: Module {
    public init() { super.init(typeName: "Softsign") }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.softsign(input) }
}

/// `nn.Tanhshrink()`: x − tanh x.
public final class Tanhshrink: Module {
    public init() { super.init(typeName: "Tanhshrink") }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.tanhshrink(input) }
}
