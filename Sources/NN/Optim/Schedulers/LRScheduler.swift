import Autograd

/// `torch.optim.lr_scheduler.LRScheduler`: sets `initial_lr` on every group,
/// takes the initial step at construction, then rewrites each group's `lr`
/// on `step()` with the subclass's rule. Rules are PyTorch's "chainable"
/// forms, computed from the current lr with Python's arithmetic in Python's
/// order (`OptionArithmetic`), so the last digits match what PyTorch prints.
open class LRScheduler {
    public let optimizer: Optimizer
    public internal(set) var lastEpoch: Int
    /// `base_lrs`; nil for the schedulers that never set it
    /// (ReduceLROnPlateau, SequentialLR, ChainedScheduler).
    public internal(set) var baseLRs: [OptionValue]?
    public internal(set) var lastLR: [OptionValue] = []
    /// `_step_count`: steps taken since the last initial step, that one included.
    var stepCount = 0
    /// True while the initial step runs (`_is_initial`).
    public private(set) var isInitial = false

    /// `stepsNow: false` leaves the initial step to `takeInitialStep()`, for a
    /// scheduler whose rule needs it to be reachable first (a Python subclass).
    public init(optimizer: Optimizer, lastEpoch: Int = -1, stepsNow: Bool = true) throws {
        self.optimizer = optimizer
        if lastEpoch == -1 {
            for group in optimizer.paramGroups { group.setDefault("initial_lr", group["lr"] ?? .none) }
        } else {
            for (i, group) in optimizer.paramGroups.enumerated() where group["initial_lr"] == nil {
                throw TorchError(type: "KeyError", message: """
                    param 'initial_lr' is not specified in param_groups[\(i)] when resuming scheduler with last_epoch >= 0.
                    This typically happens when:
                    1. You're trying to resume training from a checkpoint but haven't properly loaded the optimizer state
                    2. You're using last_epoch >= 0 for a fresh training run (not recommended)
                    """)
            }
        }
        baseLRs = optimizer.paramGroups.map { $0["initial_lr"] ?? .none }
        self.lastEpoch = lastEpoch
        optimizer.isWatchedBySchedulers = true
        if stepsNow { try initialStep() }
    }

    /// The initial step deferred by `stepsNow: false`.
    public func takeInitialStep() throws { try initialStep() }

    /// For the schedulers whose constructor neither sets `initial_lr` nor steps.
    init(unsteppedOn optimizer: Optimizer, lastEpoch: Int) {
        self.optimizer = optimizer
        self.lastEpoch = lastEpoch
        lastLR = currentLRs()
    }

    /// `_initial_step()`: resets the step count and steps once in initial mode.
    func initialStep(warn: SchedulerWarning.Sink = { _ in }) throws {
        stepCount = 0
        isInitial = true
        defer { isInitial = false }
        try step(warn: warn)
    }

    /// `get_last_lr()`.
    public func getLastLR() -> [OptionValue] { lastLR }

    /// `get_lr()`: the learning rates for `lastEpoch`. Subclasses implement it;
    /// PyTorch's base class raises a bare NotImplementedError.
    open func computeLR() throws -> [OptionValue] { throw TorchError.notImplemented("") }

    /// `_get_closed_form_lr()`, for schedulers that have one (`step(epoch)` uses it).
    open func closedFormLR() throws -> [OptionValue]? { nil }

    /// `scheduler.step()`. Warnings go to `warn` as they arise, so one raised
    /// before an error is still shown (the binding prints them to stderr).
    open func step(warn: SchedulerWarning.Sink = { _ in }) throws {
        warnIfSteppedFirst(warn)
        stepCount += 1
        try updateLR(epoch: nil)
    }

    /// The deprecated `scheduler.step(epoch)`: jumps to `epoch`, with the
    /// closed form where the scheduler has one.
    open func step(epoch: Int, warn: SchedulerWarning.Sink = { _ in }) throws {
        warnIfSteppedFirst(warn)
        stepCount += 1
        warn(SchedulerWarning(SchedulerWarning.epochDeprecation))
        try updateLR(epoch: epoch)
    }

    private func warnIfSteppedFirst(_ warn: SchedulerWarning.Sink) {
        if stepCount == 1 && !optimizer.steppedWhileWatched { warn(SchedulerWarning(SchedulerWarning.stepBeforeOptimizer)) }
    }

    /// `_update_lr(epoch)`.
    func updateLR(epoch: Int?) throws {
        let values: [OptionValue]
        if let epoch {
            lastEpoch = epoch
            values = try closedFormLR() ?? computeLR()
        } else {
            lastEpoch += 1
            values = try computeLR()
        }
        try apply(values)
    }

    /// Writes one lr per group and remembers them for `get_last_lr()`.
    func apply(_ values: [OptionValue]) throws {
        let groups = optimizer.paramGroups
        for (group, lr) in zip(groups, values) { group["lr"] = lr }
        try PythonZip.requireEqualLengths(groups.count, values.count)
        lastLR = currentLRs()
    }

    /// Every group's current `lr`.
    public func currentLRs() -> [OptionValue] { optimizer.paramGroups.map { $0["lr"] ?? .none } }

    /// `group["lr"]`, or Python's KeyError.
    func lr(_ group: ParamGroup) throws -> OptionValue { try group.require("lr") }

    /// `base_lrs`, or Python's AttributeError for the schedulers without it.
    public func requireBaseLRs() throws -> [OptionValue] {
        guard let baseLRs else {
            throw TorchError(type: "AttributeError", message: "'\(type(of: self))' object has no attribute 'base_lrs'")
        }
        return baseLRs
    }
}

/// A warning raised by a scheduler's step, for the binding to print.
public struct SchedulerWarning: Equatable {
    public typealias Sink = (SchedulerWarning) -> Void

    public let message: String
    /// The wrapper (`SequentialLR`, `ChainedScheduler`) whose `step` called the
    /// scheduler that warned: Python then reports the warning at that line of
    /// `lr_scheduler.py` instead of at the user's call. Nil for the user's call.
    public internal(set) var wrapper: String?

    public init(_ message: String, wrapper: String? = nil) {
        self.message = message
        self.wrapper = wrapper
    }

    public static let stepBeforeOptimizer = "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate"

    public static let epochDeprecation = "The epoch parameter in `scheduler.step()` was not necessary and is being deprecated where possible. Please use `scheduler.step()` to step the scheduler. During the deprecation, if epoch is different from None, the closed form is used instead of the new chainable form, where available. Please open an issue if you are unable to replicate your use case: https://github.com/pytorch/pytorch/issues/new/choose."
}

/// `zip(a, b, strict=True)`, which PyTorch's schedulers use to pair groups with their values.
enum PythonZip {
    static func requireEqualLengths(_ first: Int, _ second: Int) throws {
        if second < first { throw TorchError.value("zip() argument 2 is shorter than argument 1") }
        if second > first { throw TorchError.value("zip() argument 2 is longer than argument 1") }
    }

    static func strict<A, B>(_ a: [A], _ b: [B]) throws -> Zip2Sequence<[A], [B]> {
        try requireEqualLengths(a.count, b.count)
        return zip(a, b)
    }
}
