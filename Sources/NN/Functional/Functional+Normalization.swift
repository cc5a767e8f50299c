import Autograd

extension Functional {
    /// `F.batch_norm(input, running_mean, running_var, weight, bias, training,
    /// momentum, eps)`, with the Python-level check that training sees more
    /// than one value per channel.
    public static func batchNorm(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor? = nil,
                                 bias: Tensor? = nil, training: Bool = false, momentum: Double = 0.1,
                                 eps: Double = 1e-5) throws -> Tensor {
        if training && input.dim >= 2 {
            let perChannel = input.shape[0] * input.shape.dropFirst(2).reduce(1, *)
            if perChannel == 1 {
                throw TorchError.value("Expected more than 1 value per channel when training, got input size \(Shape.describe(input.shape))")
            }
        }
        return try input.batchNorm(weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                                   training: training, momentum: momentum, eps: eps)
    }
}

extension Functional {
    /// `F.layer_norm(input, normalized_shape, weight, bias, eps)`.
    public static func layerNorm(_ input: Tensor, normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil,
                                 eps: Double = 1e-5) throws -> Tensor {
        try input.layerNorm(normalizedShape, weight: weight, bias: bias, eps: eps)
    }
}
