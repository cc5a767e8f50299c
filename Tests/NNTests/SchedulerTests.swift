import XCTest
import Autograd
@testable import NN

/// Learning-rate schedules, parameter groups and optimizer errors against real PyTorch.
final class SchedulerTests: XCTestCase {
    private func param(_ n: Int) throws -> Tensor {
        let p = try Tensor.zeros([n])
        try p.setRequiresGrad(true)
        return p
    }

    private func lrs(_ lr: OptionValue = 0.1, _ make: (Optimizer) throws -> LRScheduler) throws -> String {
        let opt = try SGD([param(1)], lr: lr)
        let scheduler = try make(opt)
        var lines = [PythonRepr.list(scheduler.getLastLR().map(\.pythonRepr))]
        for _ in 0..<10 {
            try opt.step()
            try scheduler.step()
            lines.append(PythonRepr.list(scheduler.getLastLR().map(\.pythonRepr)))
        }
        return lines.joined(separator: "\n")
    }

    func testScheduleSequencesMatchPyTorch() throws {
        let runs: [String: () throws -> String] = [
            "step": { try self.lrs { try StepLR(optimizer: $0, stepSize: 3, gamma: 0.1) } },
            "step_int_lr": { try self.lrs(1) { try StepLR(optimizer: $0, stepSize: 2, gamma: 0.5) } },
            "multistep": { try self.lrs { try MultiStepLR(optimizer: $0, milestones: [2, 5, 5], gamma: 0.5) } },
            "exponential": { try self.lrs(0.01) { try ExponentialLR(optimizer: $0, gamma: 0.9) } },
            "cosine": { try self.lrs { try CosineAnnealingLR(optimizer: $0, tMax: 4, etaMin: 0.001) } },
            "warm_restarts": { try self.lrs { try CosineAnnealingWarmRestarts(optimizer: $0, t0: 2, tMult: 2) } },
            "linear": { try self.lrs { try LinearLR(optimizer: $0, startFactor: 0.2, totalIters: 4) } },
            "constant": { try self.lrs(1) { try ConstantLR(optimizer: $0, factor: 0.5, totalIters: 3) } },
            "polynomial": { try self.lrs { try PolynomialLR(optimizer: $0, totalIters: 8, power: 0.5) } },
            "lambda": { try self.lrs { try LambdaLR(optimizer: $0, lrLambda: .shared { epoch in try OptionValue.float(0.9).raised(to: .int(epoch)) }) } },
            "multiplicative": { try self.lrs { try MultiplicativeLR(optimizer: $0, lrLambda: .shared { _ in 0.8 }) } },
            "one_cycle": { try self.lrs { try OneCycleLR(optimizer: $0, maxLR: .shared(1.0), totalSteps: 10, cycleMomentum: false) } },
        ]
        for f in schedulerFixtures {
            guard let run = runs[f.name] else { XCTFail("no Swift run for \(f.name)"); continue }
            XCTAssertEqual(try run(), f.printed, f.name)
        }
    }

    /// The warnings one `step()` raises.
    private func warnings(_ scheduler: LRScheduler) throws -> [SchedulerWarning] {
        var raised: [SchedulerWarning] = []
        try scheduler.step { raised.append($0) }
        return raised
    }

    func testSchedulerWarnsWhenSteppedBeforeOptimizer() throws {
        let warning = [SchedulerWarning(SchedulerWarning.stepBeforeOptimizer)]
        let opt = try SGD([param(1)], lr: 0.1)
        let scheduler = try StepLR(optimizer: opt, stepSize: 1)
        XCTAssertEqual(try warnings(scheduler), warning)

        let ordered = try SGD([param(1)], lr: 0.1)
        let orderedScheduler = try StepLR(optimizer: ordered, stepSize: 1)
        try ordered.step()
        XCTAssertEqual(try warnings(orderedScheduler), [])

        // PyTorch only sees optimizer steps taken after a scheduler attached.
        let early = try SGD([param(1)], lr: 0.1)
        try early.step()
        let lateScheduler = try StepLR(optimizer: early, stepSize: 1)
        XCTAssertEqual(try warnings(lateScheduler), warning)
    }

    func testParamGroupsAndReprs() throws {
        let a = try param(2), b = try param(3), c = try param(1)
        let opt = try SGD([ParamGroupSpec(params: [a]), ParamGroupSpec(params: [b], options: [("lr", 0.001)])], lr: 0.01, momentum: 0.9)
        try opt.addParamGroup(ParamGroupSpec(params: [c], options: [("weight_decay", 0.5)]))
        opt.paramGroups[0]["lr"] = 0.2
        XCTAssertEqual(opt.repr(), optimizerGroupsRepr)
        XCTAssertEqual(opt.paramGroups[1].options.map(\.key),
                       ["lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize", "foreach", "differentiable", "fused"])
        XCTAssertEqual(try Adam([a], lr: 0.01, betas: (0.8, 0.99), amsgrad: true).repr(), adamAmsgradRepr)
        XCTAssertEqual(try RMSprop([a]).repr(), rmspropRepr)
        XCTAssertEqual(try Adagrad([a]).repr(), adagradRepr)
    }

    func testGroupLearningRateChangesTakeEffect() throws {
        let p = try Tensor.from([1], shape: [1], dtype: .float32)
        try p.setRequiresGrad(true)
        let opt = try SGD([p], lr: 0.1)
        p.grad = try Tensor.ones([1])
        opt.paramGroups[0]["lr"] = 0.5
        try opt.step()
        XCTAssertEqual(p.floats(), [0.5])
        try opt.zeroGrad(setToNone: false)
        XCTAssertEqual(p.grad?.description, "tensor([0.])")
        try opt.zeroGrad()
        XCTAssertNil(p.grad)
    }

    func testOptimizerErrorsMatchPyTorch() throws {
        let a = try param(2)
        func attempt(_ body: () throws -> Optimizer) -> String {
            do { _ = try body(); return "no error" } catch let e as TorchError { return e.description } catch { return "\(error)" }
        }
        let runs: [String: () -> String] = [
            "empty": { attempt { try SGD([Tensor](), lr: 0.1) } },
            "lr_int": { attempt { try SGD([a], lr: -1) } },
            "lr_float": { attempt { try Adam([a], lr: -0.5) } },
            "momentum": { attempt { try SGD([a], lr: 0.1, momentum: -0.9) } },
            "nesterov": { attempt { try SGD([a], lr: 0.1, nesterov: true) } },
            "beta0": { attempt { try Adam([a], betas: (1.0, 0.999)) } },
            "beta1": { attempt { try Adam([a], betas: (0.9, 1.5)) } },
            "eps": { attempt { try Adam([a], eps: -1e-8) } },
            "wd": { attempt { try AdamW([a], weightDecay: -0.01) } },
            "alpha": { attempt { try RMSprop([a], alpha: -0.5) } },
            "duplicate": { attempt { try SGD([ParamGroupSpec(params: [a]), ParamGroupSpec(params: [a])], lr: 0.1) } },
            "nonleaf": { attempt { try SGD([try a.mul(Tensor.wrapped(2, dtype: .int64))], lr: 0.1) } },
        ]
        for f in optimizerErrorFixtures {
            guard let run = runs[f.name] else { XCTFail("no Swift case for \(f.name)"); continue }
            XCTAssertEqual(run(), f.error, f.name)
        }
    }
}
