import Autograd

/// A user's `lr_lambda`: epoch in, factor out (a Python callable in a notebook).
public typealias LRLambda = (Int) throws -> OptionValue

/// `lr_lambda` as LambdaLR and MultiplicativeLR take it: one function for every group or a list.
public func resolveLRLambdas<F>(_ given: PerGroup<F>, groups: Int) throws -> [F] {
    try given.resolved(groups: groups) { TorchError.value("Expected \($0) lr_lambdas, but got \($1)") }
}

/// `LambdaLR(optimizer, lr_lambda)`: lr = initial lr × `lr_lambda(epoch)`.
public final class LambdaLR: LRScheduler {
    public let lrLambdas: [LRLambda]

    public init(optimizer: Optimizer, lrLambda: PerGroup<LRLambda>, lastEpoch: Int = -1) throws {
        lrLambdas = try resolveLRLambdas(lrLambda, groups: optimizer.paramGroups.count)
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [OptionValue] {
        try PythonZip.strict(lrLambdas, requireBaseLRs()).map { lambda, base in try base * lambda(lastEpoch) }
    }
}

/// `MultiplicativeLR(optimizer, lr_lambda)`: lr × `lr_lambda(epoch)` at every step after the first.
public final class MultiplicativeLR: LRScheduler {
    public let lrLambdas: [LRLambda]

    public init(optimizer: Optimizer, lrLambda: PerGroup<LRLambda>, lastEpoch: Int = -1) throws {
        lrLambdas = try resolveLRLambdas(lrLambda, groups: optimizer.paramGroups.count)
        try super.init(optimizer: optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [OptionValue] {
        if isInitial { return currentLRs() }
        return try PythonZip.strict(lrLambdas, optimizer.paramGroups).map { lambda, group in
            try (group["lr"] ?? .none) * lambda(lastEpoch)
        }
    }
}
