import Autograd

/// `StepLR(optimizer, step_size, gamma=0.1)`: multiplies lr by gamma every `step_size` epochs.
public final class StepLR: LRScheduler {
    public let stepSize: Int
    public let gamma: OptionValue

    public init(optimizer: Optimizer, stepSize: Int, gamma: OptionValue = 0.1, lastEpoch: Int = -1) throws {
        self.stepSize = stepSize
        self.gamma = gamma
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [OptionValue] {
        let lrs = currentLRs()
        // Epoch 0 is tested first, so step_size=0 fails at the first step, not at construction.
        if lastEpoch == 0 { return lrs }
        if try !(OptionValue.int(lastEpoch) % .int(stepSize)).isZero { return lrs }
        return try lrs.map { try $0 * gamma }
    }

    public override func closedFormLR() throws -> [OptionValue]? {
        let decays = OptionValue.int(try PythonMath.floorDivide(lastEpoch, stepSize))
        return try requireBaseLRs().map { try $0 * gamma.raised(to: decays) }
    }
}

/// `MultiStepLR(optimizer, milestones, gamma=0.1)`: multiplies by gamma**count at each milestone.
public final class MultiStepLR: LRScheduler {
    /// The milestones as given; PyTorch counts repeats (a `Counter`).
    public let milestones: [Int]
    public let gamma: OptionValue

    public init(optimizer: Optimizer, milestones: [Int], gamma: OptionValue = 0.1, lastEpoch: Int = -1) throws {
        self.milestones = milestones
        self.gamma = gamma
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [OptionValue] {
        let lrs = currentLRs()
        let hits = milestones.filter { $0 == lastEpoch }.count
        if hits == 0 { return lrs }
        return try lrs.map { try $0 * gamma.raised(to: .int(hits)) }
    }

    public override func closedFormLR() throws -> [OptionValue]? {
        let passed = OptionValue.int(PythonMath.bisectRight(milestones.sorted(), lastEpoch))
        return try requireBaseLRs().map { try $0 * gamma.raised(to: passed) }
    }
}

/// `ExponentialLR(optimizer, gamma)`: multiplies by gamma every epoch.
public final class ExponentialLR: LRScheduler {
    public let gamma: OptionValue

    public init(optimizer: Optimizer, gamma: OptionValue, lastEpoch: Int = -1) throws {
        self.gamma = gamma
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [OptionValue] {
        let lrs = currentLRs()
        return isInitial ? lrs : try lrs.map { try $0 * gamma }
    }

    public override func closedFormLR() throws -> [OptionValue]? {
        try requireBaseLRs().map { try $0 * gamma.raised(to: .int(lastEpoch)) }
    }
}
