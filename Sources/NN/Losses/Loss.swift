import Autograd

/// A module with two inputs (prediction, target), as every loss is.
/// `reduction` is not part of the repr: `CrossEntropyLoss()` prints the same
/// whatever it reduces with.
open class Loss: Module {
    public let reduction: Reduction

    public init(typeName: String, reduction: Reduction) {
        self.reduction = reduction
        super.init(typeName: typeName)
    }

    open func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        throw TorchError.notImplemented("Module [\(typeName)] is missing the required \"forward\" function")
    }

    /// Called with one argument, as Python reports it.
    open override func forward(_ input: Tensor) throws -> Tensor {
        throw TorchError.typeError("\(typeName).forward() missing 1 required positional argument: 'target'")
    }
}

/// A loss with an optional per-class `weight` buffer (`_WeightedLoss`).
open class WeightedLoss: Loss {
    public init(typeName: String, weight: Tensor?, reduction: Reduction) {
        super.init(typeName: typeName, reduction: reduction)
        register(buffer: weight, named: "weight")
    }

    public var weight: Tensor? { buffer(named: "weight") ?? nil }
}
