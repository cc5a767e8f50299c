import Autograd

/// `nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')`.
public final class NLLLoss: WeightedLoss {
    public let ignoreIndex: Int64
    public init(weight: Tensor? = nil, ignoreIndex: Int64 = -100, reduction: Reduction = .mean) {
        self.ignoreIndex = ignoreIndex
        super.init(typeName: "NLLLoss", weight: weight, reduction: reduction)
    }
    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.nllLoss(input, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
    }
}

/// `nn.BCELoss(weight=None, reduction='mean')`.
public final class BCELoss: WeightedLoss {
    public init(weight: Tensor? = nil, reduction: Reduction = .mean) {
        super.init(typeName: "BCELoss", weight: weight, reduction: reduction)
    }
    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.binaryCrossEntropy(input, target, weight: weight, reduction: reduction)
    }
}

/// `nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)`.
public final class BCEWithLogitsLoss: Loss {
    public init(weight: Tensor? = nil, reduction: Reduction = .mean, posWeight: Tensor? = nil) {
        super.init(typeName: "BCEWithLogitsLoss", reduction: reduction)
        register(buffer: weight, named: "weight")
        register(buffer: posWeight, named: "pos_weight")
    }
    public var weight: Tensor? { buffer(named: "weight") ?? nil }
    public var posWeight: Tensor? { buffer(named: "pos_weight") ?? nil }
    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.binaryCrossEntropyWithLogits(input, target, weight: weight, posWeight: posWeight, reduction: reduction)
    }
}

/// `nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)`.
public final class CrossEntropyLoss: WeightedLoss {
    public let ignoreIndex: Int64
    public let labelSmoothing: Double
    public init(weight: Tensor? = nil, ignoreIndex: Int64 = -100, reduction: Reduction = .mean, labelSmoothing: Double = 0) {
        self.ignoreIndex = ignoreIndex
        self.labelSmoothing = labelSmoothing
        super.init(typeName: "CrossEntropyLoss", weight: weight, reduction: reduction)
    }
    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.crossEntropy(input, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction,
                                    labelSmoothing: labelSmoothing)
    }
}
