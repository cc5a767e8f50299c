import XCTest
import Autograd
@testable import NN

/// Losses against real PyTorch: printed value (with grad_fn) and printed
/// input gradients, plus the exact error texts.
final class LossTests: XCTestCase {
    private func t(_ values: [Double], _ shape: [Int]? = nil) throws -> Tensor {
        try Tensor.from(values, shape: shape ?? [values.count], dtype: .float32)
    }
    private func long(_ values: [Int64], _ shape: [Int]? = nil) -> Tensor {
        Tensor(storage: Storage(values), shape: shape ?? [values.count])
    }
    private func leaf(_ values: [Double], _ shape: [Int]? = nil) throws -> Tensor {
        let x = try t(values, shape)
        try x.setRequiresGrad(true)
        return x
    }
    private func randnLeaf(_ shape: [Int]) throws -> Tensor {
        let x = try Tensor.randn(shape)
        try x.setRequiresGrad(true)
        return x
    }
    private func logits() throws -> Tensor { try randnLeaf([4, 3]) }
    private func randomProbabilities() throws -> Tensor { try Tensor.randn([4, 3]).softmax(dim: 1) }

    /// The Swift twin of each fixture case: the loss and the leaves whose grads print.
    private func run(_ name: String) throws -> (Tensor, [Tensor])? {
        let targets4 = long([0, 2, 1, 2])
        switch name {
        case "ce_ref_0": return (try Functional.crossEntropy(t([2, 1], [1, 2]), long([0])), [])
        case "ce_ref_1": return (try Functional.crossEntropy(t([2, 1], [1, 2]), long([1])), [])
        case "ce_ref_sum": return (try Functional.crossEntropy(t([2, 1, 0.5, 0.5], [2, 2]), long([0, 1]), reduction: .sum), [])
        case "ce_1d": let x = try leaf([2, 1]); return (try Functional.crossEntropy(x, long([0], [])), [x])
        case "ce_grad": let x = try leaf([1, 2, 3, 1, 0, -1], [2, 3]); return (try Functional.crossEntropy(x, long([2, 0])), [x])
        case "ce_random": let x = try logits(); return (try CrossEntropyLoss().forward(x, targets4), [x])
        case "ce_none": let x = try logits(); return (try Functional.crossEntropy(x, targets4, reduction: .none), [x])
        case "ce_weight": let x = try logits(); return (try Functional.crossEntropy(x, targets4, weight: t([0.2, 1, 3])), [x])
        case "ce_ignore": let x = try logits(); return (try Functional.crossEntropy(x, long([0, -100, 1, 2])), [x])
        case "ce_ignore_custom":
            let x = try logits()
            return (try Functional.crossEntropy(x, long([0, 1, 1, 2]), ignoreIndex: 1, reduction: .sum), [x])
        case "ce_smooth": let x = try logits(); return (try Functional.crossEntropy(x, targets4, labelSmoothing: 0.1), [x])
        case "ce_smooth_none_ignore":
            let x = try logits()
            return (try Functional.crossEntropy(x, long([0, -100, 1, 2]), reduction: .none, labelSmoothing: 0.2), [x])
        case "ce_smooth_weight":
            let x = try logits()
            return (try Functional.crossEntropy(x, targets4, weight: t([0.2, 1, 3]), labelSmoothing: 0.3), [x])
        case "ce_prob_ref": return (try Functional.crossEntropy(t([2, 1], [1, 2]), t([0.7, 0.3], [1, 2])), [])
        case "ce_prob": let x = try logits(); return (try Functional.crossEntropy(x, randomProbabilities()), [x])
        case "ce_prob_sum_weight":
            let x = try logits()
            return (try Functional.crossEntropy(x, randomProbabilities(), weight: t([1, 2, 0.5]), reduction: .sum), [x])
        case "ce_prob_none_smooth":
            let x = try logits()
            return (try Functional.crossEntropy(x, randomProbabilities(), reduction: .none, labelSmoothing: 0.1), [x])
        case "ce_3d": let x = try randnLeaf([2, 3, 2]); return (try Functional.crossEntropy(x, long([0, 1, 2, 2], [2, 2])), [x])
        case "ce_3d_none":
            let x = try randnLeaf([2, 3, 2])
            return (try Functional.crossEntropy(x, long([0, 1, 2, 2], [2, 2]), reduction: .none), [x])
        case "ce_4d_weight":
            let x = try randnLeaf([1, 3, 2, 2])
            return (try Functional.crossEntropy(x, long([0, 1, 2, 2], [1, 2, 2]), weight: t([1, 2, 3])), [x])
        case "nll": let x = try logits(); return (try NLLLoss().forward(Functional.logSoftmax(x, dim: 1), long([1, 0, 2, 2])), [x])
        case "nll_ref": return (try NLLLoss().forward(Functional.logSoftmax(t([2, 1], [1, 2]), dim: 1), long([0])), [])
        case "nll_weight_sum":
            let x = try logits()
            return (try Functional.nllLoss(x, long([1, 0, 2, 2]), weight: t([0.5, 1, 2]), reduction: .sum), [x])
        case "nll_none_ignore": let x = try logits(); return (try Functional.nllLoss(x, long([1, 0, -100, 2]), reduction: .none), [x])
        case "nll_weight_mean_ignore":
            let x = try logits()
            return (try Functional.nllLoss(x, long([1, 0, 2, 0]), weight: t([0.5, 1, 2]), ignoreIndex: 0), [x])
        case "bce_ref": return (try BCELoss().forward(t([0.8, 0.2]), t([1, 0])), [])
        case "bce":
            let p = try Tensor.rand([5]); try p.setRequiresGrad(true)
            return (try Functional.binaryCrossEntropy(p, t([1, 0, 1, 1, 0])), [p])
        case "bce_weight_sum":
            let p = try Tensor.rand([2, 2]); try p.setRequiresGrad(true)
            return (try Functional.binaryCrossEntropy(p, t([1, 0, 0, 1], [2, 2]), weight: t([2, 0.5]), reduction: .sum), [p])
        case "bce_none_edges": let p = try leaf([0, 1, 0.5]); return (try Functional.binaryCrossEntropy(p, t([1, 0, 0.5])), [p])
        case "bce_logits_ref": return (try BCEWithLogitsLoss().forward(t([0.8, -0.2]), t([1, 0])), [])
        case "bce_logits": let x = try randnLeaf([5]); return (try Functional.binaryCrossEntropyWithLogits(x, t([1, 0, 1, 1, 0])), [x])
        case "bce_logits_pos_weight":
            let x = try randnLeaf([3, 2])
            return (try BCEWithLogitsLoss(posWeight: t([3, 0.5])).forward(x, t([1, 0, 1, 1, 0, 1], [3, 2])), [x])
        case "bce_logits_weight_none":
            let x = try randnLeaf([2, 2])
            return (try Functional.binaryCrossEntropyWithLogits(x, t([1, 0, 1, 1], [2, 2]), weight: t([2, 1]), reduction: .none), [x])
        case "mse_ref": let x = try leaf([1, 2, 3]); return (try Functional.mseLoss(x, t([1.5, 2, 2])), [x])
        case "mse_none": let x = try leaf([1, 2, 3]); return (try MSELoss(reduction: .none).forward(x, t([1.5, 2, 2])), [x])
        case "mse_broadcast":
            let x = try Tensor.ones([4, 1]); try x.setRequiresGrad(true)
            XCTAssertNotNil(Functional.targetSizeWarning(x, try Tensor.zeros([4])))
            return (try Functional.mseLoss(x, Tensor.zeros([4])), [x])
        case "l1": let x = try leaf([1, 2, 3]); return (try L1Loss().forward(x, t([1.5, 2, 2])), [x])
        case "l1_sum": let x = try leaf([1, 2, 3]); return (try Functional.l1Loss(x, t([1.5, 2, 2]), reduction: .sum), [x])
        case "l1_none": let x = try leaf([1, 2, 3]); return (try Functional.l1Loss(x, t([1.5, 2, 2]), reduction: .none), [x])
        case "huber":
            let x = try Tensor.randn([6]).mul(Tensor.wrapped(2, dtype: .int64)); try x.setRequiresGrad(true)
            return (try HuberLoss().forward(x, Tensor.randn([6])), [x])
        case "huber_delta_sum": let x = try randnLeaf([6]); return (try Functional.huberLoss(x, Tensor.zeros([6]), reduction: .sum, delta: 0.5), [x])
        case "smooth_l1":
            let x = try Tensor.randn([6]).mul(Tensor.wrapped(2, dtype: .int64)); try x.setRequiresGrad(true)
            return (try SmoothL1Loss().forward(x, Tensor.randn([6])), [x])
        case "smooth_l1_beta_none":
            let x = try randnLeaf([2, 3])
            return (try Functional.smoothL1Loss(x, Tensor.zeros([2, 3]), reduction: .none, beta: 0.3), [x])
        case "softmax_ref": return (try Functional.softmax(t([1, 2, 3]), dim: 0), [])
        case "softmax_module": let x = try logits(); return (try Softmax(dim: 1).forward(x), [x])
        case "log_softmax_module": let x = try logits(); return (try LogSoftmax(dim: -1).forward(x), [x])
        default: return nil
        }
    }

    func testLossesMatchPyTorch() throws {
        for f in lossFixtures {
            TorchGenerator.default.manualSeed(0)
            guard let (loss, leaves) = try run(f.name) else { XCTFail("no Swift case for \(f.name)"); continue }
            var lines = [loss.description]
            if loss.requiresGrad {
                try (loss.dim > 0 ? loss.sum() : loss).backward()
                lines += leaves.map { $0.grad?.description ?? "None" }
            }
            XCTAssertEqual(lines.joined(separator: "\n"), f.printed, f.name)
        }
    }

    private func error(_ name: String) throws -> String? {
        TorchGenerator.default.manualSeed(0)
        let x = try Tensor.randn([2, 3])
        func attempt(_ body: () throws -> Tensor) -> String {
            do { _ = try body(); return "no error" } catch let e as TorchError { return e.description } catch { return "\(error)" }
        }
        switch name {
        case "ce_oob": return attempt { try Functional.crossEntropy(x, long([0, 3])) }
        case "ce_batch": return attempt { try Functional.crossEntropy(x, long([0, 1, 2])) }
        case "ce_2d_target": return attempt { try Functional.crossEntropy(x, long([0, 1, 1, 1], [2, 2])) }
        case "ce_long_prob": return attempt { try Functional.crossEntropy(x, Tensor.zeros([2, 3], dtype: .int64)) }
        case "ce_float_target": return attempt { try Functional.crossEntropy(x, t([0, 1])) }
        case "ce_int_target": return attempt { try Functional.crossEntropy(x, Tensor.zeros([2], dtype: .int32)) }
        case "ce_prob_ignore": return attempt { try Functional.crossEntropy(x, Tensor.zeros([2, 3]), ignoreIndex: 1) }
        case "ce_smoothing": return attempt { try Functional.crossEntropy(x, long([0, 1]), labelSmoothing: 1.5) }
        case "ce_weight_shape": return attempt { try Functional.crossEntropy(x, long([0, 1]), weight: Tensor.ones([2])) }
        case "ce_3d_target":
            return attempt { try Functional.crossEntropy(Tensor.randn([2, 3, 4]), Tensor.zeros([2, 5], dtype: .int64)) }
        case "bce_range": return attempt { try Functional.binaryCrossEntropy(t([1.5]), t([1])) }
        case "bce_size": return attempt { try Functional.binaryCrossEntropy(t([0.5, 0.5]), t([1])) }
        case "bce_long": return attempt { try Functional.binaryCrossEntropy(t([0.5, 0.5]), long([1, 0])) }
        case "bce_logits_size": return attempt { try Functional.binaryCrossEntropyWithLogits(t([0.5, 0.5]), t([1])) }
        case "nll_0d": return attempt { try Functional.nllLoss(Tensor.scalar(1), long([0], [])) }
        case "nll_1d_target": return attempt { try Functional.nllLoss(Tensor.randn([3]), long([0, 1])) }
        default: return nil
        }
    }

    func testErrorTextsMatchPyTorch() throws {
        for f in lossErrorFixtures {
            guard let text = try error(f.name) else { XCTFail("no Swift case for \(f.name)"); continue }
            XCTAssertEqual(text, f.error, f.name)
        }
        XCTAssertThrowsError(try Reduction(parsing: "avg")) {
            XCTAssertEqual(($0 as? TorchError)?.description, "ValueError: avg is not a valid value for reduction")
        }
    }
}
