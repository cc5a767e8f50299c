import Autograd

/// `nn.BatchNorm1d` / `nn.BatchNorm2d`: normalises over every dim but the
/// channels (dim 1). Training uses the batch's statistics and moves the running
/// ones; eval uses the running ones (or the batch's when none are tracked).
public final class BatchNorm: Module {
    public let numFeatures: Int
    public let eps: OptionValue
    /// `None` means a cumulative average over `num_batches_tracked`.
    public let momentum: OptionValue
    public let affine: Bool
    public let trackRunningStats: Bool
    /// The ranks the class accepts (2 or 3 for 1d, 4 for 2d) and how its error names them.
    let acceptedRanks: Set<Int>
    let rankDescription: String

    public init(spatialDims: Int, numFeatures: Int, eps: OptionValue = .float(1e-5), momentum: OptionValue = .float(0.1),
                affine: Bool = true, trackRunningStats: Bool = true, bias: Bool = true, dtype: DType = .float32) throws {
        guard numFeatures >= 0 else {
            throw TorchError.runtime("Trying to create tensor with negative dimension \(numFeatures): [\(numFeatures)]")
        }
        self.numFeatures = numFeatures
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.trackRunningStats = trackRunningStats
        acceptedRanks = spatialDims == 1 ? [2, 3] : [spatialDims + 2]
        rankDescription = spatialDims == 1 ? "2D or 3D" : "\(spatialDims + 2)D"
        super.init(typeName: "BatchNorm\(spatialDims)d")
        register(parameter: affine ? try Parameter.make(Tensor.ones([numFeatures], dtype: dtype)) : nil, named: "weight")
        register(parameter: affine && bias ? try Parameter.make(Tensor.zeros([numFeatures], dtype: dtype)) : nil, named: "bias")
        register(buffer: trackRunningStats ? try Tensor.zeros([numFeatures], dtype: dtype) : nil, named: "running_mean")
        register(buffer: trackRunningStats ? try Tensor.ones([numFeatures], dtype: dtype) : nil, named: "running_var")
        register(buffer: trackRunningStats ? try Tensor.zeros([], dtype: .int64) : nil, named: "num_batches_tracked")
    }

    public var weight: Tensor? { parameter(named: "weight") ?? nil }
    public var bias: Tensor? { parameter(named: "bias") ?? nil }
    public var runningMean: Tensor? { buffer(named: "running_mean") ?? nil }
    public var runningVar: Tensor? { buffer(named: "running_var") ?? nil }

    public override func forward(_ input: Tensor) throws -> Tensor {
        guard acceptedRanks.contains(input.dim) else {
            throw TorchError.value("expected \(rankDescription) input (got \(input.dim)D input)")
        }
        var factor = momentum.doubleValue ?? 0
        if training && trackRunningStats, let tracked = buffer(named: "num_batches_tracked") ?? nil {
            try GradMode.with(enabled: false) { _ = try tracked.addInPlace(Tensor.wrapped(1, dtype: .int64)) }
            if momentum == .none { factor = 1 / (tracked.doubles().first ?? 1) }
        }
        let useBatchStatistics = training || (runningMean == nil && runningVar == nil)
        let passStatistics = !training || trackRunningStats
        return try Functional.batchNorm(input, runningMean: passStatistics ? runningMean : nil,
                                        runningVar: passStatistics ? runningVar : nil, weight: weight, bias: bias,
                                        training: useBatchStatistics, momentum: factor, eps: eps.doubleValue ?? 1e-5)
    }

    public override var extraRepr: String {
        "\(numFeatures), eps=\(eps.pythonStr), momentum=\(momentum.pythonStr), affine=\(PythonRepr.bool(affine)), "
            + "bias=\(PythonRepr.bool(bias != nil)), track_running_stats=\(PythonRepr.bool(trackRunningStats))"
    }
}
