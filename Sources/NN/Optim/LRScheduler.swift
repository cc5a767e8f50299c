import Autograd

/// `torch.optim.lr_scheduler.LRScheduler`: sets `initial_lr` on every group,
/// takes the initial step at construction, then rewrites each group's `lr`
/// on `step()` with the subclass's rule, exactly as PyTorch's Python
/// arithmetic does (recursive `lr * gamma`, not a closed form).
open class LRScheduler {
    public let optimizer: Optimizer
    public private(set) var lastEpoch: Int
    public private(set) var baseLRs: [OptionValue]
    public private(set) var lastLR: [OptionValue] = []
    private var stepCount = 0
    private var optimizerStepsAtStart: Int
    /// True while the constructor's initial step runs (ExponentialLR's rule).
    public private(set) var isInitial = false

    public init(optimizer: Optimizer, lastEpoch: Int = -1) throws {
        self.optimizer = optimizer
        if lastEpoch == -1 {
            for group in optimizer.paramGroups { group.setDefault("initial_lr", group["lr"] ?? .none) }
        } else {
            for (i, group) in optimizer.paramGroups.enumerated() where group["initial_lr"] == nil {
                throw TorchError(type: "KeyError", message: "\"param 'initial_lr' is not specified in param_groups[\(i)] when resuming scheduler with last_epoch >= 0.\\nThis typically happens when:\\n1. You're trying to resume training from a checkpoint but haven't properly loaded the optimizer state\\n2. You're using last_epoch >= 0 for a fresh training run (not recommended)\"")
            }
        }
        baseLRs = optimizer.paramGroups.map { $0["initial_lr"] ?? .none }
        self.lastEpoch = lastEpoch
        optimizerStepsAtStart = optimizer.stepCount
        isInitial = true
        defer { isInitial = false }
        try advance()
    }

    /// `get_last_lr()`.
    public func getLastLR() -> [OptionValue] { lastLR }

    /// The learning rates for the current `lastEpoch`; subclasses implement it.
    open func computeLR() -> [OptionValue] { currentLRs() }

    /// `scheduler.step()`. Returns PyTorch's warning text when the scheduler
    /// steps before the optimizer ever did (the binding prints it to stderr).
    @discardableResult
    public func step() throws -> String? {
        var warning: String? = nil
        if stepCount == 1 && optimizer.stepCount == optimizerStepsAtStart {
            warning = "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate"
        }
        try advance()
        return warning
    }

    private func advance() throws {
        stepCount += 1
        lastEpoch += 1
        let values = computeLR()
        for (group, lr) in zip(optimizer.paramGroups, values) { group["lr"] = lr }
        lastLR = currentLRs()
    }

    /// Every group's current `lr`.
    public func currentLRs() -> [OptionValue] { optimizer.paramGroups.map { $0["lr"] ?? .none } }
}

/// `StepLR(optimizer, step_size, gamma=0.1)`: multiplies lr by gamma every `step_size` epochs.
public final class StepLR: LRScheduler {
    public let stepSize: Int
    public let gamma: OptionValue

    public init(optimizer: Optimizer, stepSize: Int, gamma: OptionValue = 0.1, lastEpoch: Int = -1) throws {
        guard stepSize != 0 else { throw TorchError(type: "ZeroDivisionError", message: "integer modulo by zero") }
        self.stepSize = stepSize
        self.gamma = gamma
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() -> [OptionValue] {
        let lrs = currentLRs()
        if lastEpoch == 0 || PythonMath.modulo(lastEpoch, stepSize) != 0 { return lrs }
        return lrs.map { $0 * gamma }
    }
}

/// `MultiStepLR(optimizer, milestones, gamma=0.1)`: multiplies by gamma**count at each milestone.
public final class MultiStepLR: LRScheduler {
    public let milestones: [Int]
    public let gamma: OptionValue

    public init(optimizer: Optimizer, milestones: [Int], gamma: OptionValue = 0.1, lastEpoch: Int = -1) throws {
        self.milestones = milestones
        self.gamma = gamma
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() -> [OptionValue] {
        let lrs = currentLRs()
        let hits = milestones.filter { $0 == lastEpoch }.count
        if hits == 0 { return lrs }
        return lrs.map { $0 * gamma.power(hits) }
    }
}

/// `ExponentialLR(optimizer, gamma)`: multiplies by gamma every epoch.
public final class ExponentialLR: LRScheduler {
    public let gamma: OptionValue

    public init(optimizer: Optimizer, gamma: OptionValue, lastEpoch: Int = -1) throws {
        self.gamma = gamma
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() -> [OptionValue] {
        let lrs = currentLRs()
        return isInitial ? lrs : lrs.map { $0 * gamma }
    }
}
