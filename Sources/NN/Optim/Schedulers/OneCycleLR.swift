import Foundation
import Autograd

/// `OneCycleLR(optimizer, max_lr, total_steps=None, epochs=None, steps_per_epoch=None, …)`:
/// the 1cycle policy. lr climbs from `max_lr/div_factor` to `max_lr`, then
/// anneals to `initial_lr/final_div_factor` (with `three_phase`, it first comes
/// back down to the initial lr); momentum (or Adam's beta1) moves the other
/// way when `cycle_momentum`. Each step reads the phase ends it interpolates
/// between from the group (`initial_lr`, `max_lr`, `min_lr`, `max_momentum`,
/// `base_momentum`), which the constructor writes there, as PyTorch does.
public final class OneCycleLR: LRScheduler {
    public enum Anneal: String {
        case cos, linear
    }

    /// One phase: it ends at `endStep` and moves between two group keys.
    struct Phase {
        let endStep: OptionValue
        let startLR, endLR, startMomentum, endMomentum: String
    }

    public let totalSteps: Int
    let phases: [Phase]
    public let anneal: Anneal
    public let cycleMomentum: Bool
    /// Whether momentum means Adam-style `betas[0]` rather than `momentum`.
    public let usesBeta1: Bool

    public init(optimizer: Optimizer, maxLR: PerGroup<OptionValue>, totalSteps: OptionValue = .none, epochs: OptionValue = .none,
                stepsPerEpoch: OptionValue = .none, pctStart: OptionValue = 0.3, annealStrategy: String = "cos",
                cycleMomentum: Bool = true, baseMomentum: PerGroup<OptionValue> = .shared(0.85),
                maxMomentum: PerGroup<OptionValue> = .shared(0.95), divFactor: OptionValue = 25.0,
                finalDivFactor: OptionValue = 1e4, threePhase: Bool = false, lastEpoch: Int = -1) throws {
        let total = try OneCycleLR.totalSteps(totalSteps, epochs: epochs, stepsPerEpoch: stepsPerEpoch)
        self.totalSteps = total
        let warmupEnd = try OptionValue.float((pctStart * .int(total)).pythonFloat()) - 1
        if threePhase {
            phases = [
                Phase(endStep: warmupEnd, startLR: "initial_lr", endLR: "max_lr", startMomentum: "max_momentum", endMomentum: "base_momentum"),
                Phase(endStep: try .float((2 * pctStart * .int(total)).pythonFloat()) - 2,
                      startLR: "max_lr", endLR: "initial_lr", startMomentum: "base_momentum", endMomentum: "max_momentum"),
                Phase(endStep: .int(total - 1), startLR: "initial_lr", endLR: "min_lr", startMomentum: "max_momentum", endMomentum: "max_momentum"),
            ]
        } else {
            phases = [
                Phase(endStep: warmupEnd, startLR: "initial_lr", endLR: "max_lr", startMomentum: "max_momentum", endMomentum: "base_momentum"),
                Phase(endStep: .int(total - 1), startLR: "max_lr", endLR: "min_lr", startMomentum: "base_momentum", endMomentum: "max_momentum"),
            ]
        }
        let pct = try pctStart.comparable(with: "int", "<")
        guard pct >= 0, pct <= 1, case .float = pctStart else {
            throw TorchError.value("Expected float between 0 and 1 pct_start, but got \(pctStart.pythonStr)")
        }
        guard let anneal = Anneal(rawValue: annealStrategy) else {
            throw TorchError.value("anneal_strategy must be one of 'cos' or 'linear', instead got \(annealStrategy)")
        }
        self.anneal = anneal

        let groups = optimizer.paramGroups
        let maxLRs = try maxLR.formatted("max_lr", groups: groups.count)
        if lastEpoch == -1 {
            for (group, maxLR) in zip(groups, maxLRs) {
                let initial = try maxLR / divFactor
                group["initial_lr"] = initial
                group["max_lr"] = maxLR
                group["min_lr"] = try initial / finalDivFactor
            }
        }
        self.cycleMomentum = cycleMomentum
        let optionNames = Set(optimizer.defaults.map(\.key))
        usesBeta1 = optionNames.contains("betas")
        if cycleMomentum {
            if !optionNames.contains("momentum") && !usesBeta1 {
                throw TorchError.value("optimizer must support momentum or beta1 with `cycle_momentum` option enabled")
            }
            let maxMomentums = try maxMomentum.formatted("max_momentum", groups: groups.count)
            let baseMomentums = try baseMomentum.formatted("base_momentum", groups: groups.count)
            if lastEpoch == -1 {
                for (group, (high, low)) in zip(groups, zip(maxMomentums, baseMomentums)) {
                    try OneCycleLR.setMomentum(group, high, beta1: usesBeta1)
                    group["max_momentum"] = high
                    group["base_momentum"] = low
                }
            }
        }
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    private static func totalSteps(_ totalSteps: OptionValue, epochs: OptionValue, stepsPerEpoch: OptionValue) throws -> Int {
        if totalSteps != .none {
            guard try totalSteps.comparable(with: "int", "<=") > 0, case .int(let n) = totalSteps else {
                throw TorchError.value("Expected positive integer total_steps, but got \(totalSteps.pythonStr)")
            }
            return n
        }
        guard epochs != .none, stepsPerEpoch != .none else {
            throw TorchError.value("You must define either total_steps OR (epochs AND steps_per_epoch)")
        }
        guard case .int(let e) = epochs, e > 0 else {
            throw TorchError.value("Expected positive integer epochs, but got \(epochs.pythonStr)")
        }
        guard case .int(let s) = stepsPerEpoch, s > 0 else {
            throw TorchError.value("Expected positive integer steps_per_epoch, but got \(stepsPerEpoch.pythonStr)")
        }
        return try (epochs * stepsPerEpoch).requireInt()
    }

    /// Writes a group's momentum: `betas[0]` for Adam-style optimizers.
    private static func setMomentum(_ group: ParamGroup, _ momentum: OptionValue, beta1: Bool) throws {
        if beta1 {
            guard case .tuple(let betas) = try group.require("betas"), !betas.isEmpty else {
                throw TorchError.typeError("'betas' must be a tuple")
            }
            group["betas"] = .tuple([momentum] + betas.dropFirst())
        } else {
            group["momentum"] = momentum
        }
    }

    /// Cosine or linear interpolation from `start` to `end` as `pct` goes from 0 to 1.
    private func interpolate(_ start: OptionValue, _ end: OptionValue, _ pct: OptionValue) throws -> OptionValue {
        switch anneal {
        case .cos:
            let cosOut = try PythonMath.cos(.float(.pi) * pct) + 1
            return try end + (start - end) / 2.0 * cosOut
        case .linear:
            return try (end - start) * pct + start
        }
    }

    /// The lr of every group at step `lastEpoch`; moves momentum too, as PyTorch's `get_lr` does.
    public override func computeLR() throws -> [OptionValue] {
        if lastEpoch > totalSteps {
            throw TorchError.value("Tried to step \(lastEpoch) times. The specified number of total steps is \(totalSteps)")
        }
        var lrs: [OptionValue] = []
        for group in optimizer.paramGroups {
            var startStep = OptionValue.float(0)
            for (i, phase) in phases.enumerated() {
                if Double(lastEpoch) <= phase.endStep.doubleValue ?? 0 || i == phases.count - 1 {
                    let pct = try (.int(lastEpoch) - startStep) / (phase.endStep - startStep)
                    lrs.append(try interpolate(group.require(phase.startLR), group.require(phase.endLR), pct))
                    if cycleMomentum {
                        let momentum = try interpolate(group.require(phase.startMomentum), group.require(phase.endMomentum), pct)
                        try OneCycleLR.setMomentum(group, momentum, beta1: usesBeta1)
                    }
                    break
                }
                startStep = phase.endStep
            }
        }
        return lrs
    }
}
