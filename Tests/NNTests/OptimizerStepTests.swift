import XCTest
import Autograd
@testable import NN

/// Each optimizer against real PyTorch, step by step, with gradients set by
/// hand (`grad = c * p + d`) so only the update rule is compared.
final class OptimizerStepTests: XCTestCase {
    private func floats(_ bits: [UInt32]) -> [Float] { bits.map(Float.init(bitPattern:)) }

    private func option(_ f: OptimizerStepFixture, _ key: String) -> OptionValue? {
        switch f.options[key] {
        case let d as Double: return .float(d)
        case let b as Bool: return .bool(b)
        case let i as Int: return .int(i)
        default: return nil
        }
    }

    private func makeOptimizer(_ f: OptimizerStepFixture, _ params: [Tensor]) throws -> Optimizer {
        func v(_ key: String, _ fallback: OptionValue) -> OptionValue { option(f, key) ?? fallback }
        func b(_ key: String) -> Bool { option(f, key) == .bool(true) }
        switch f.optimizer {
        case "SGD":
            return try SGD(params, lr: v("lr", 0.001), momentum: v("momentum", 0), dampening: v("dampening", 0),
                           weightDecay: v("weight_decay", 0), nesterov: b("nesterov"), maximize: b("maximize"))
        case "Adam", "AdamW":
            var betas: (OptionValue, OptionValue) = (0.9, 0.999)
            if let pair = f.options["betas"] as? (Double, Double) { betas = (.float(pair.0), .float(pair.1)) }
            if f.optimizer == "AdamW" {
                return try AdamW(params, lr: v("lr", 0.001), betas: betas, weightDecay: v("weight_decay", 0.01),
                                 amsgrad: b("amsgrad"), maximize: b("maximize"))
            }
            return try Adam(params, lr: v("lr", 0.001), betas: betas, weightDecay: v("weight_decay", 0),
                            amsgrad: b("amsgrad"), maximize: b("maximize"))
        case "RMSprop":
            return try RMSprop(params, lr: v("lr", 0.01), alpha: v("alpha", 0.99), weightDecay: v("weight_decay", 0),
                               momentum: v("momentum", 0), centered: b("centered"))
        case "Adagrad":
            return try Adagrad(params, lr: v("lr", 0.01), lrDecay: v("lr_decay", 0), weightDecay: v("weight_decay", 0),
                               initialAccumulatorValue: v("initial_accumulator_value", 0))
        default:
            throw TorchError.value("unknown optimizer \(f.optimizer)")
        }
    }

    /// Runs the fixture's steps and returns the parameter values after each.
    private func run(_ f: OptimizerStepFixture) throws -> (steps: [[[Float]]], optimizer: Optimizer) {
        let params = zip(f.shapes, f.initial).map { Tensor(shape: $0, floats: floats($1), requiresGrad: true) }
        let cs = zip(f.shapes, f.c).map { Tensor(shape: $0, floats: floats($1)) }
        let ds = zip(f.shapes, f.d).map { Tensor(shape: $0, floats: floats($1)) }
        let optimizer = try makeOptimizer(f, params)
        var steps: [[[Float]]] = []
        for _ in f.steps {
            for (i, p) in params.enumerated() { p.grad = try cs[i].mul(p.detach()).add(ds[i]) }
            try optimizer.step()
            steps.append(params.map { $0.floats() })
        }
        return (steps, optimizer)
    }

    /// Bit for bit against PyTorch with its sqrt swapped for IEEE sqrt: every
    /// other rounding of the update rule is PyTorch's.
    func testStepsMatchPyTorchBitForBit() throws {
        for f in optimizerStepFixtures {
            let (steps, optimizer) = try run(f)
            for (k, expected) in f.ieeeSqrtSteps.enumerated() {
                for (i, want) in expected.enumerated() {
                    XCTAssertEqual(steps[k][i].map(\.bitPattern), want, "\(f.name) step \(k + 1) param \(i)")
                }
            }
            XCTAssertEqual(optimizer.repr(), f.repr, f.name)
        }
    }

    /// Against unmodified PyTorch: SGD is exact; sqrt-based rules differ only
    /// by MKL's 1-ulp sqrt errors, far below printed precision.
    func testStepsStayWithinSqrtNoiseOfPyTorch() throws {
        for f in optimizerStepFixtures {
            let (steps, _) = try run(f)
            for (k, expected) in f.steps.enumerated() {
                for (i, want) in expected.enumerated() {
                    for (g, w) in zip(steps[k][i], floats(want)) {
                        if f.optimizer == "SGD" {
                            XCTAssertEqual(g.bitPattern, w.bitPattern, "\(f.name) step \(k + 1)")
                        } else {
                            XCTAssertEqual(g, w, accuracy: 1e-6, "\(f.name) step \(k + 1)")
                        }
                    }
                }
            }
        }
    }
}
