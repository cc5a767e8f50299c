import Foundation
import Autograd

/// `CosineAnnealingLR(optimizer, T_max, eta_min=0.0)`: lr follows half a cosine
/// from the initial lr down to `eta_min` over `T_max` epochs, then back up.
/// PyTorch steps it recursively from the current lr (its last digits differ
/// from the closed form, which only `step(epoch)` uses).
public final class CosineAnnealingLR: LRScheduler {
    /// An int in tutorials; a float works too, as in PyTorch.
    public let tMax: OptionValue
    public let etaMin: OptionValue

    public init(optimizer: Optimizer, tMax: OptionValue, etaMin: OptionValue = 0.0, lastEpoch: Int = -1) throws {
        self.tMax = tMax
        self.etaMin = etaMin
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [OptionValue] {
        if isInitial { return currentLRs() }
        let pi = OptionValue.float(.pi), period = tMax, epoch = OptionValue.int(lastEpoch)
        let groups = optimizer.paramGroups
        if try ((epoch - 1 - period) % (2 * period)).isZero {
            // Leaving the trough: the recursive ratio would divide by zero.
            return try PythonZip.strict(requireBaseLRs(), groups).map { base, group in
                try lr(group) + (base - etaMin) * (1 - PythonMath.cos(pi / period)) / 2
            }
        }
        let ratio = try (1 + PythonMath.cos(pi * epoch / period)) / (1 + PythonMath.cos(pi * (epoch - 1) / period))
        return try groups.map { try ratio * (lr($0) - etaMin) + etaMin }
    }

    public override func closedFormLR() throws -> [OptionValue]? {
        let angle = try OptionValue.float(.pi) * .int(lastEpoch) / tMax
        return try requireBaseLRs().map { try etaMin + ($0 - etaMin) * (1 + PythonMath.cos(angle)) / 2 }
    }
}

/// `CosineAnnealingWarmRestarts(optimizer, T_0, T_mult=1, eta_min=0.0)`: cosine
/// annealing over `T_i` epochs, restarting at the initial lr each time, with
/// `T_i` multiplied by `T_mult` after every restart. Closed form at every step.
public final class CosineAnnealingWarmRestarts: LRScheduler {
    public let t0: Int
    public let tMult: Int
    public let etaMin: OptionValue
    /// Epochs in the current cycle.
    public private(set) var tI: Int
    /// Epochs since the last restart: an int, or a float after `step(epoch: 2.5)`.
    public private(set) var tCur: OptionValue

    public init(optimizer: Optimizer, t0: OptionValue, tMult: OptionValue = 1, etaMin: OptionValue = 0.0, lastEpoch: Int = -1) throws {
        guard try t0.comparable(with: "int", "<=") > 0, case .int(let first) = t0 else {
            throw TorchError.value("Expected positive integer T_0, but got \(t0.pythonStr)")
        }
        guard try tMult.comparable(with: "int", "<") >= 1, case .int(let mult) = tMult else {
            throw TorchError.value("Expected integer T_mult >= 1, but got \(tMult.pythonStr)")
        }
        guard etaMin.isNumber else {
            throw TorchError.value("Expected float or int eta_min, but got \(etaMin.pythonStr) of type <class '\(etaMin.pythonTypeName)'>")
        }
        self.t0 = first
        tI = first
        self.tMult = mult
        self.etaMin = etaMin
        tCur = .int(lastEpoch)
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [OptionValue] {
        let angle = try OptionValue.float(.pi) * tCur / .int(tI)
        return try requireBaseLRs().map { try etaMin + ($0 - etaMin) * (1 + PythonMath.cos(angle)) / 2 }
    }

    /// Its own step: no step-order warning, as in PyTorch.
    public override func step(warn: SchedulerWarning.Sink = { _ in }) throws {
        try advance(to: lastEpoch < 0 ? .int(0) : nil)
    }

    public override func step(epoch: Int, warn: SchedulerWarning.Sink = { _ in }) throws {
        try step(epoch: .int(epoch))
    }

    /// `step(epoch)` with a fractional epoch, as in `scheduler.step(epoch + i / iters)`; no deprecation warning.
    public func step(epoch: OptionValue) throws {
        try advance(to: epoch)
    }

    private func advance(to epoch: OptionValue?) throws {
        if let epoch {
            let e = try epoch.comparable(with: "int", "<")
            if e < 0 { throw TorchError.value("Expected non-negative epoch, but got \(epoch.pythonStr)") }
            if e >= Double(t0) {
                if tMult == 1 {
                    tCur = try epoch % .int(t0)
                } else {
                    let cycles = try epoch / .int(t0) * .int(tMult - 1) + 1
                    let n = Int(try Foundation.log(cycles.pythonFloat()) / Foundation.log(Double(tMult)))
                    let grown = try OptionValue.int(tMult).raised(to: .int(n))
                    tCur = try epoch - .int(t0) * (grown - 1) / .int(tMult - 1)
                    tI = try (.int(t0) * grown).requireInt()
                }
            } else {
                tI = t0
                tCur = epoch
            }
            lastEpoch = Int(e.rounded(.down))
        } else {
            tCur = try tCur + 1
            if try tCur.comparable(with: "int", ">=") >= Double(tI) {
                tCur = try tCur % .int(tI)
                tI = try (.int(tI) * .int(tMult)).requireInt()
            }
            lastEpoch += 1
        }
        try apply(computeLR())
    }
}
