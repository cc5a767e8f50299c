import Autograd

extension Functional {
    /// The UserWarning `F.mse_loss`, `F.l1_loss` and the Huber losses give
    /// when target and input sizes differ (they then broadcast); nil when equal.
    public static func targetSizeWarning(_ input: Tensor, _ target: Tensor) -> String? {
        guard input.shape != target.shape else { return nil }
        return "Using a target size (\(Shape.describe(target.shape))) that is different to the input size (\(Shape.describe(input.shape))). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size."
    }

    /// `F.mse_loss(input, target, reduction='mean')` (MseLossBackward0).
    public static func mseLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
        let (x, y) = try broadcastPair(input, target)
        return try x.mseLoss(y, reduction: reduction)
    }

    /// `F.l1_loss(input, target, reduction='mean')`: `|x − y|` reduced
    /// (MeanBackward0 / SumBackward0 / AbsBackward0).
    public static func l1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
        let (x, y) = try broadcastPair(input, target)
        let loss = try x.sub(y).abs()
        switch reduction {
        case .none: return loss
        case .mean: return try loss.mean()
        case .sum: return try loss.sum()
        }
    }

    /// `F.nll_loss(input, target, weight=None, ignore_index=-100, reduction='mean')`.
    public static func nllLoss(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int64 = -100,
                               reduction: Reduction = .mean) throws -> Tensor {
        try input.nllLoss(target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
    }

    /// `F.binary_cross_entropy(input, target, weight=None, reduction='mean')`.
    public static func binaryCrossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
                                          reduction: Reduction = .mean) throws -> Tensor {
        guard target.shape == input.shape else {
            throw TorchError.value("Using a target size (\(Shape.describe(target.shape))) that is different to the input size (\(Shape.describe(input.shape))) is deprecated. Please ensure they have the same size.")
        }
        let w = try weight.map { try $0.expand(try Shape.broadcast(target.shape, $0.shape)) }
        return try input.binaryCrossEntropy(target, weight: w, reduction: reduction)
    }

    /// `F.binary_cross_entropy_with_logits(input, target, weight=None, reduction='mean', pos_weight=None)`.
    public static func binaryCrossEntropyWithLogits(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
                                                    posWeight: Tensor? = nil, reduction: Reduction = .mean) throws -> Tensor {
        guard target.shape == input.shape else {
            throw TorchError.value("Target size (\(Shape.describe(target.shape))) must be the same as input size (\(Shape.describe(input.shape)))")
        }
        return try input.binaryCrossEntropyWithLogits(target, weight: weight, posWeight: posWeight, reduction: reduction)
    }

    /// `torch.broadcast_tensors(a, b)` for the pointwise losses.
    static func broadcastPair(_ a: Tensor, _ b: Tensor) throws -> (Tensor, Tensor) {
        guard a.shape != b.shape else { return (a, b) }
        let shape = try Shape.broadcast(a.shape, b.shape)
        return (a.shape == shape ? a : try a.expand(shape), b.shape == shape ? b : try b.expand(shape))
    }
}

extension Functional {
    /// `F.cross_entropy(input, target, weight=None, ignore_index=-100,
    /// reduction='mean', label_smoothing=0.0)`: class indices (NllLossBackward0)
    /// or class probabilities when target has the input's shape.
    public static func crossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int64 = -100,
                                    reduction: Reduction = .mean, labelSmoothing: Double = 0) throws -> Tensor {
        try input.crossEntropy(target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction, labelSmoothing: labelSmoothing)
    }
}

extension Functional {
    /// `F.huber_loss(input, target, reduction='mean', delta=1.0)` (HuberLossBackward0).
    public static func huberLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean, delta: Double = 1) throws -> Tensor {
        let (x, y) = try broadcastPair(input, target)
        return try x.huberLoss(y, reduction: reduction, delta: delta)
    }

    /// `F.smooth_l1_loss(input, target, reduction='mean', beta=1.0)`; beta 0 is `l1_loss`.
    public static func smoothL1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean, beta: Double = 1) throws -> Tensor {
        if beta == 0 { return try l1Loss(input, target, reduction: reduction) }
        let (x, y) = try broadcastPair(input, target)
        return try x.smoothL1Loss(y, reduction: reduction, beta: beta)
    }
}
