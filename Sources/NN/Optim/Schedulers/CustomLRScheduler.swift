import Autograd

/// A scheduler whose `get_lr` is written elsewhere: a Python class deriving
/// from `LRScheduler`. It is built without stepping, so that its rule can
/// reach it, then takes the initial step.
public final class CustomLRScheduler: LRScheduler {
    private let rule: () throws -> [OptionValue]

    public init(optimizer: Optimizer, lastEpoch: Int = -1, rule: @escaping () throws -> [OptionValue]) throws {
        self.rule = rule
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch, stepsNow: false)
    }

    public override func computeLR() throws -> [OptionValue] { try rule() }
}
