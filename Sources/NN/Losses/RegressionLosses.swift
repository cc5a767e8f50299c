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
