import Autograd

/// `ConstantLR(optimizer, factor=1/3, total_iters=5)`: lr times `factor`
/// until epoch `total_iters`, where it is divided back out.
public final class ConstantLR: LRScheduler {
    public let factor: OptionValue
    public let totalIters: Int

    public init(optimizer: Optimizer, factor: OptionValue = .float(1.0 / 3), totalIters: Int = 5, lastEpoch: Int = -1) throws {
        let f = try factor.comparable(with: "float")
        if f > 1.0 || f < 0 {
            throw TorchError.value("Constant multiplicative factor expected to be between 0 and 1.")
        }
        self.factor = factor
        self.totalIters = totalIters
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [OptionValue] {
        let lrs = currentLRs()
        if lastEpoch == 0 { return try lrs.map { try $0 * factor } }
        if lastEpoch != totalIters { return lrs }
        return try lrs.map { try $0 * (1.0 / factor) }
    }

    public override func closedFormLR() throws -> [OptionValue]? {
        let reached = OptionValue.bool(lastEpoch >= totalIters)
        return try requireBaseLRs().map { try $0 * (factor + reached * (1 - factor)) }
    }
}

/// `LinearLR(optimizer, start_factor=1/3, end_factor=1.0, total_iters=5)`:
/// the factor on lr moves linearly from `start_factor` to `end_factor`.
public final class LinearLR: LRScheduler {
    public let startFactor: OptionValue
    public let endFactor: OptionValue
    public let totalIters: Int

    public init(optimizer: Optimizer, startFactor: OptionValue = .float(1.0 / 3), endFactor: OptionValue = 1.0,
                totalIters: Int = 5, lastEpoch: Int = -1) throws {
        let start = try startFactor.comparable(with: "float")
        if start > 1.0 || start <= 0 {
            throw TorchError.value("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.")
        }
        let end = try endFactor.comparable(with: "float")
        if end > 1.0 || end < 0 {
            throw TorchError.value("Ending multiplicative factor expected to be between 0 and 1.")
        }
        self.startFactor = startFactor
        self.endFactor = endFactor
        self.totalIters = totalIters
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [OptionValue] {
        let lrs = currentLRs()
        if lastEpoch == 0 { return try lrs.map { try $0 * startFactor } }
        if isInitial || lastEpoch > totalIters { return lrs }
        let span = try endFactor - startFactor
        let step = try 1.0 + span / (.int(totalIters) * startFactor + .int(lastEpoch - 1) * span)
        return try lrs.map { try $0 * step }
    }

    public override func closedFormLR() throws -> [OptionValue]? {
        let done = OptionValue.int(min(totalIters, lastEpoch))
        return try requireBaseLRs().map { try $0 * (startFactor + (endFactor - startFactor) * done / .int(totalIters)) }
    }
}

/// `PolynomialLR(optimizer, total_iters=5, power=1.0)`: lr decays as
/// `(1 - epoch/total_iters) ** power` until `total_iters`.
public final class PolynomialLR: LRScheduler {
    public let totalIters: Int
    public let power: OptionValue

    public init(optimizer: Optimizer, totalIters: Int = 5, power: OptionValue = 1.0, lastEpoch: Int = -1) throws {
        self.totalIters = totalIters
        self.power = power
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [OptionValue] {
        let lrs = currentLRs()
        if isInitial || lastEpoch > totalIters { return lrs }
        let total = OptionValue.int(totalIters)
        let decay = try ((1.0 - .int(lastEpoch) / total) / (1.0 - .int(lastEpoch - 1) / total)).raised(to: power)
        return try lrs.map { try $0 * decay }
    }

    public override func closedFormLR() throws -> [OptionValue]? {
        let total = OptionValue.int(totalIters)
        let remaining = try (1.0 - .int(min(totalIters, lastEpoch)) / total).raised(to: power)
        return try requireBaseLRs().map { try $0 * remaining }
    }
}
