import Autograd

/// `ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, …)`:
/// multiplies lr by `factor` when the metric given to `step(metric)` has not
/// improved for more than `patience` steps. Unlike the other schedulers its
/// constructor neither sets `initial_lr` nor steps.
public final class ReduceLROnPlateau: LRScheduler {
    public enum Mode: String { case min, max }
    public enum ThresholdMode: String { case rel, abs }

    public let mode: Mode
    public let factor: OptionValue
    public let patience: Int
    public let threshold: Double
    public let thresholdMode: ThresholdMode
    public let cooldown: Int
    public let eps: Double
    /// `min_lrs`: one floor per group.
    public private(set) var minLRs: [OptionValue]
    /// `default_min_lr`: the single `min_lr` given, nil when a list was.
    let defaultMinLR: OptionValue?
    public private(set) var best: Double
    public private(set) var numBadEpochs = 0
    public private(set) var cooldownCounter = 0

    public init(optimizer: Optimizer, mode: String = "min", factor: OptionValue = 0.1, patience: Int = 10,
                threshold: Double = 1e-4, thresholdMode: String = "rel", cooldown: Int = 0,
                minLR: PerGroup<OptionValue> = .shared(0), eps: Double = 1e-8) throws {
        if try factor.comparable(with: "float", ">=") >= 1.0 { throw TorchError.value("Factor should be < 1.0.") }
        self.factor = factor
        let groups = optimizer.paramGroups.count
        minLRs = try minLR.resolved(groups: groups) { TorchError.value("expected \($0) min_lrs, got \($1)") }
        if case .shared(let v) = minLR { defaultMinLR = v } else { defaultMinLR = nil }
        self.patience = patience
        self.cooldown = cooldown
        self.eps = eps
        guard let mode = Mode(rawValue: mode) else { throw TorchError.value("mode \(mode) is unknown!") }
        guard let thresholdMode = ThresholdMode(rawValue: thresholdMode) else {
            throw TorchError.value("threshold mode \(thresholdMode) is unknown!")
        }
        self.mode = mode
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        best = mode == .min ? .infinity : -.infinity
        super.init(unsteppedOn: optimizer, lastEpoch: 0)
    }

    public var inCooldown: Bool { cooldownCounter > 0 }

    /// `step()` without a metric is Python's missing-argument TypeError.
    public override func step(warn: SchedulerWarning.Sink = { _ in }) throws {
        throw TorchError.typeError("ReduceLROnPlateau.step() missing 1 required positional argument: 'metrics'")
    }

    public override func step(epoch: Int, warn: SchedulerWarning.Sink = { _ in }) throws { try step(warn: warn) }

    /// `step(metrics, epoch=None)`; `metric` is `float(metrics)`.
    public func step(metric current: Double, epoch: Int? = nil, warn: SchedulerWarning.Sink = { _ in }) throws {
        if epoch != nil { warn(SchedulerWarning(SchedulerWarning.epochDeprecation)) }
        lastEpoch = epoch ?? lastEpoch + 1
        if isBetter(current) {
            best = current
            numBadEpochs = 0
        } else {
            numBadEpochs += 1
        }
        if inCooldown {
            cooldownCounter -= 1
            numBadEpochs = 0  // bad epochs in cooldown do not count
        }
        if numBadEpochs > patience {
            try reduceLR()
            cooldownCounter = cooldown
            numBadEpochs = 0
        }
        lastLR = currentLRs()
    }

    private func isBetter(_ a: Double) -> Bool {
        switch (mode, thresholdMode) {
        case (.min, .rel): return a < best * (1.0 - threshold)
        case (.min, .abs): return a < best - threshold
        case (.max, .rel): return a > best * (threshold + 1.0)
        case (.max, .abs): return a > best + threshold
        }
    }

    private func reduceLR() throws {
        let groups = optimizer.paramGroups
        if groups.count != minLRs.count {
            guard let defaultMinLR else {
                throw TorchError.runtime("The number of param groups in the `optimizer` (\(groups.count)) differs from when `ReduceLROnPlateau` was initialized (\(minLRs.count)), usually due to a new param group being added to the optimizer. Please modify the `min_lrs` field to match the length of the `optimizer` param groups.")
            }
            minLRs = Array(repeating: defaultMinLR, count: groups.count)
        }
        for (group, floor) in zip(groups, minLRs) {
            let old = try lr(group).pythonFloat()
            let reduced = try OptionValue.float(old) * factor
            // max(reduced, floor) keeps the first of equals, and the floor's type when it wins.
            let new = try floor.comparable(with: "float") > (reduced.doubleValue ?? 0) ? floor : reduced
            if try old - new.pythonFloat() > eps { group["lr"] = new }
        }
    }
}
