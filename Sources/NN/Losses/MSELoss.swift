import Autograd

/// A module with two inputs (prediction, target), as every loss is.
open class Loss: Module {
    public let reduction: Reduction

    public init(typeName: String, reduction: Reduction) {
        self.reduction = reduction
        super.init(typeName: typeName)
    }

    open func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        throw TorchError.notImplemented("Module [\(typeName)] is missing the required \"forward\" function")
    }
}

/// `nn.MSELoss`: mean (or sum, or none) of squared differences.
public final class MSELoss: Loss {
    public init(reduction: Reduction = .mean) {
        super.init(typeName: "MSELoss", reduction: reduction)
    }

    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try input.mseLoss(target, reduction: reduction)
    }
}
