import XCTest
import Autograd
@testable import NN

/// torch.nn.functional forms and layer forwards against real PyTorch, and
/// default initialisation bit for bit.
final class FunctionalTests: XCTestCase {
    private func t(_ values: [Double], _ shape: [Int]? = nil) throws -> Tensor {
        try Tensor.from(values, shape: shape ?? [values.count], dtype: .float32)
    }
    private func long(_ values: [Int64], _ shape: [Int]? = nil) -> Tensor {
        Tensor(storage: Storage(values), shape: shape ?? [values.count])
    }
    private func arange(_ n: Int, _ shape: [Int], requiresGrad: Bool = false) throws -> Tensor {
        let x = try Tensor.arange(0, Double(n), 1, dtype: .float32)
        try x.setRequiresGrad(requiresGrad)
        return try x.reshape(shape)
    }

    private func run(_ name: String) throws -> String? {
        func text(_ body: () throws -> Tensor) -> String {
            do { return try body().description } catch let e as TorchError { return e.description } catch { return "\(error)" }
        }
        switch name {
        case "one_hot": return text { try Functional.oneHot(long([0, 2, 1])) }
        case "one_hot_n": return text { try Functional.oneHot(long([0, 2, 1, 1], [2, 2]), numClasses: 4) }
        case "one_hot_0d": return text { try Functional.oneHot(long([2], [])) }
        case "one_hot_empty_n": return text { try Functional.oneHot(long([]), numClasses: 3) }
        case "one_hot_float": return text { try Functional.oneHot(t([0, 2])) }
        case "one_hot_negative": return text { try Functional.oneHot(long([0, -1])) }
        case "one_hot_too_big": return text { try Functional.oneHot(long([0, 3]), numClasses: 3) }
        case "one_hot_empty": return text { try Functional.oneHot(long([])) }
        case "flatten_module": return text { try Flatten().forward(arange(24, [2, 3, 4])) }
        case "flatten_bad": return text { try Functional.flatten(Tensor.zeros([2, 3, 4]), startDim: 2, endDim: 1) }
        case "unflatten_module": return text { try Unflatten(dim: 1, unflattenedSize: [2, 3]).forward(arange(12, [2, 6])) }
        case "unflatten_bad": return text { try Unflatten(dim: 1, unflattenedSize: [2, 2]).forward(Tensor.zeros([2, 6])) }
        case "leaky_relu": return text { try Functional.leakyRelu(t([-2, -0.5, 0, 1.5]), negativeSlope: 0.2) }
        case "relu_module_grad":
            return text { let x = try t([-1, 0, 2]); try x.setRequiresGrad(true); return try ReLU().forward(x) }
        case "gelu": return text { try GELU().forward(t([-1, 0, 1, 2])) }
        case "softmax_implicit_2d": return text { try Functional.softmax(t([1, 2, 3, 5], [2, 2]), dim: nil) }
        case "softmax_implicit_3d": return text { try Softmax().forward(arange(8, [2, 2, 2])) }
        case "dropout_eval":
            let dropout = try Dropout()
            dropout.eval()
            return "(\(try dropout.forward(Tensor.ones([3])).description), \(try Tensor.rand([1]).description))"
        case "dropout_bad": return text { _ = try Dropout(p: 1.5); return try Tensor.zeros([]) }
        case "dropout_p1":
            return text { let x = try Tensor.ones([3]); try x.setRequiresGrad(true); return try Functional.dropout(x, p: 1) }
        case "linear_3d": return text { try Linear(3, 2).forward(Tensor.ones([2, 2, 3])) }
        case "linear_1d": return text { try Linear(3, 2).forward(Tensor.ones([3])) }
        case "conv_forward": return text { try Conv2d(1, 2, kernelSize: .int(3)).forward(arange(25, [1, 1, 5, 5])) }
        case "maxpool_forward": return text { try MaxPool2d(kernelSize: .int(2)).forward(arange(16, [1, 1, 4, 4], requiresGrad: true)) }
        case "avgpool_forward": return text { try AvgPool2d(kernelSize: .int(2)).forward(arange(16, [1, 1, 4, 4], requiresGrad: true)) }
        case "clip_norm_2": return try clipCase(normType: 2, maxNorm: 1)
        case "clip_norm_inf": return try clipCase(normType: .infinity, maxNorm: 0.5)
        case "clip_norm_large": return try clipCase(normType: 2, maxNorm: 1000)
        case "clip_value":
            let lin = try Linear(4, 3)
            try lin.forward(Tensor.randn([5, 4])).pow(2).sum().backward()
            try NNUtils.clipGradValue(lin.parameters(), clipValue: 0.5)
            return "\(lin.weight!.grad!.description)\n\(lin.bias!.grad!.description)"
        default: return nil
        }
    }

    private func clipCase(normType: Double, maxNorm: Double) throws -> String {
        let lin = try Linear(4, 3)
        try lin.forward(Tensor.randn([5, 4])).pow(2).sum().backward()
        let total = try NNUtils.clipGradNorm(lin.parameters(), maxNorm: maxNorm, normType: normType)
        return "\(total.description)\n\(lin.weight!.grad!.description)\n\(lin.bias!.grad!.description)"
    }

    func testFunctionalFormsMatchPyTorch() throws {
        for f in functionalFixtures {
            TorchGenerator.default.manualSeed(0)
            guard let printed = try run(f.name) else { XCTFail("no Swift case for \(f.name)"); continue }
            XCTAssertEqual(printed, f.printed, f.name)
        }
    }

    func testDefaultInitialisationIsBitExact() throws {
        for f in defaultInitBits {
            TorchGenerator.default.manualSeed(f.seed)
            let lin = try Linear(6, 5)
            let conv = try Conv2d(3, 4, kernelSize: .int(3))
            let bits = (lin.parameters() + conv.parameters()).map { $0.floats().map(\.bitPattern) }
            XCTAssertEqual(bits, f.parameters, "seed \(f.seed)")
        }
    }

    func testImplicitSoftmaxDimWarning() {
        XCTAssertEqual(Functional.implicitDimWarning("softmax"),
                       "Implicit dimension choice for softmax has been deprecated. Change the call to include dim=X as an argument.")
        XCTAssertEqual([0, 1, 2, 3, 4].map { Functional.implicitSoftmaxDim(rank: $0) }, [0, 0, 1, 0, 1])
    }

    func testOptimizerStateIsExposed() throws {
        let p = try t([1, 2])
        try p.setRequiresGrad(true)
        let adam = try Adam([p])
        for _ in 0..<3 {
            p.grad = try Tensor.ones([2])
            try adam.step()
        }
        let state = adam.state(for: p)
        XCTAssertEqual(state.entries.map(\.key), ["step", "exp_avg", "exp_avg_sq"])
        XCTAssertEqual(state["step"]?.description, "tensor(3.)")
    }
}
