import Autograd

/// What SequentialLR and ChainedScheduler check of the schedulers they are given.
private func validateMembers(_ wrapper: String, _ schedulers: [LRScheduler], optimizer: Optimizer, emptyMessage: String) throws {
    if schedulers.isEmpty { throw TorchError.value(emptyMessage) }
    for (i, scheduler) in schedulers.enumerated() {
        if scheduler is ReduceLROnPlateau {
            throw TorchError.value("\(wrapper) does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be specified when calling `step`, but got one at index \(i) in the given schedulers sequence.")
        }
        if scheduler.optimizer !== optimizer {
            throw TorchError.value("\(wrapper) expects all schedulers to belong to the same optimizer, but got scheduler \(type(of: scheduler)) at index \(i) has \(scheduler.optimizer.repr()), which is different from \(optimizer.typeName).")
        }
    }
}

extension SchedulerWarning {
    /// The warning as raised under `wrapper`'s `step`, unless a deeper wrapper already marked it.
    func raised(under wrapper: String) -> SchedulerWarning {
        var w = self
        if w.wrapper == nil { w.wrapper = wrapper }
        return w
    }
}

/// `SequentialLR(optimizer, schedulers, milestones)`: runs `schedulers[i]`
/// between milestones i-1 and i. Construction rewinds every member to the
/// initial lr and restarts the first; at a milestone the next member starts
/// over at epoch 0 from its closed form.
public final class SequentialLR: LRScheduler {
    public let schedulers: [LRScheduler]
    public let milestones: [Int]

    /// `warn` gets what restarting the first member raises (only a nested wrapper's members can).
    public init(optimizer: Optimizer, schedulers: [LRScheduler], milestones: [Int], lastEpoch: Int = -1,
                warn: SchedulerWarning.Sink = { _ in }) throws {
        try validateMembers("SequentialLR", schedulers, optimizer: optimizer,
                            emptyMessage: "SequentialLR expects at least one scheduler, but got no scheduler.")
        if milestones.count != schedulers.count - 1 {
            throw TorchError.value("Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers \(schedulers.count) and the number of milestones to be equal to \(milestones.count)")
        }
        self.schedulers = schedulers
        self.milestones = milestones
        super.init(unsteppedOn: optimizer, lastEpoch: lastEpoch + 1)
        for group in optimizer.paramGroups { group["lr"] = try group.require("initial_lr") }
        SequentialLR.undoInitialSteps(schedulers)
        let first = schedulers[PythonMath.bisectRight(milestones, 0)]
        try first.initialStep { warn($0.raised(under: "SequentialLR")) }
        lastLR = first.lastLR
    }

    /// `recursive_undo`: every member (nested wrappers' members included) goes back one epoch.
    private static func undoInitialSteps(_ schedulers: [LRScheduler]) {
        for s in schedulers {
            if let members = s.members { undoInitialSteps(members) } else { s.lastEpoch -= 1 }
        }
    }

    public override func step(warn: SchedulerWarning.Sink = { _ in }) throws {
        lastEpoch += 1
        let index = PythonMath.bisectRight(milestones, lastEpoch)
        let scheduler = schedulers[index]
        if index > 0 && milestones[index - 1] == lastEpoch {
            try scheduler.updateLR(epoch: 0)
        } else {
            try scheduler.step { warn($0.raised(under: "SequentialLR")) }
        }
        lastLR = scheduler.lastLR
    }

    public override func step(epoch: Int, warn: SchedulerWarning.Sink = { _ in }) throws {
        throw TorchError.typeError("SequentialLR.step() takes 1 positional argument but 2 were given")
    }
}

/// `ChainedScheduler(schedulers, optimizer=None)`: each `step()` steps every member in order.
public final class ChainedScheduler: LRScheduler {
    public let schedulers: [LRScheduler]

    public init(schedulers: [LRScheduler], optimizer: Optimizer? = nil) throws {
        guard let optimizer = optimizer ?? schedulers.first?.optimizer else {
            throw TorchError.value("ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.")
        }
        try validateMembers("ChainedScheduler", schedulers, optimizer: optimizer,
                            emptyMessage: "ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.")
        self.schedulers = schedulers
        super.init(unsteppedOn: optimizer, lastEpoch: 0)
        lastLR = schedulers[schedulers.count - 1].currentLRs()
    }

    public override func step(warn: SchedulerWarning.Sink = { _ in }) throws {
        for s in schedulers { try s.step { warn($0.raised(under: "ChainedScheduler")) } }
        lastLR = schedulers[schedulers.count - 1].currentLRs()
    }

    public override func step(epoch: Int, warn: SchedulerWarning.Sink = { _ in }) throws {
        throw TorchError.typeError("ChainedScheduler.step() takes 1 positional argument but 2 were given")
    }
}

extension LRScheduler {
    /// The schedulers a wrapper drives (`_schedulers`), nil for the others.
    var members: [LRScheduler]? {
        (self as? SequentialLR)?.schedulers ?? (self as? ChainedScheduler)?.schedulers
    }
}
