import Autograd

/// `nn.MSELoss(reduction='mean')`.
public final class MSELoss: Loss {
    public init(reduction: Reduction = .mean) { super.init(typeName: "MSELoss", reduction: reduction) }
    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.mseLoss(input, target, reduction: reduction)
    }
}

/// `nn.L1Loss(reduction='mean')`.
public final class L1Loss: Loss {
    public init(reduction: Reduction = .mean) { super.init(typeName: "L1Loss", reduction: reduction) }
    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.l1Loss(input, target, reduction: reduction)
    }
}

/// `nn.HuberLoss(reduction='mean', delta=1.0)`.
public final class HuberLoss: Loss {
    public let delta: Double
    public init(reduction: Reduction = .mean, delta: Double = 1) {
        self.delta = delta
        super.init(typeName: "HuberLoss", reduction: reduction)
    }
    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.huberLoss(input, target, reduction: reduction, delta: delta)
    }
}

/// `nn.SmoothL1Loss(reduction='mean', beta=1.0)`.
public final class SmoothL1Loss: Loss {
    public let beta: Double
    public init(reduction: Reduction = .mean, beta: Double = 1) {
        self.beta = beta
        super.init(typeName: "SmoothL1Loss", reduction: reduction)
    }
    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.smoothL1Loss(input, target, reduction: reduction, beta: beta)
    }
}
