import XCTest
import Autograd
@testable import NN

/// nn.init and default initialisation against real PyTorch: printed values
/// and the generator position afterwards.
final class InitTests: XCTestCase {
    private func filled(_ shape: [Int], _ fill: (Tensor) throws -> Void) throws -> String {
        let t = try Tensor.zeros(shape)
        try fill(t)
        return t.description
    }

    private func run(_ name: String) throws -> String? {
        let kind = name.split(separator: "_").dropLast().joined(separator: "_")
        switch kind {
        case "uniform": return try filled([3, 4]) { try Init.uniform($0, a: -0.5, b: 2.0) }
        case "normal_small": return try filled([3, 4]) { try Init.normal($0, mean: 0.5, std: 2.0) }
        case "normal_big": return try filled([5, 7]) { try Init.normal($0, mean: 0, std: 0.02) }
        case "xavier_uniform": return try filled([4, 6]) { try Init.xavierUniform($0) }
        case "xavier_uniform_gain":
            let gain = try Init.calculateGain("relu").doubleValue ?? 0
            return try filled([2, 3, 2, 2]) { try Init.xavierUniform($0, gain: gain) }
        case "xavier_normal": return try filled([6, 5]) { try Init.xavierNormal($0) }
        case "kaiming_uniform": return try filled([4, 5]) { try Init.kaimingUniform($0) }
        case "kaiming_uniform_fanout_relu": return try filled([3, 2, 3]) { try Init.kaimingUniform($0, mode: "fan_out", nonlinearity: "relu") }
        case "kaiming_normal": return try filled([4, 5]) { try Init.kaimingNormal($0, a: 0.1) }
        case "kaiming_normal_fanout": return try filled([8, 3]) { try Init.kaimingNormal($0, mode: "fan_out", nonlinearity: "tanh") }
        case "trunc_normal": return try filled([6, 6]) { try Init.truncNormal($0, std: 1, a: -1, b: 1) }
        case "trunc_normal_narrow": return try filled([3, 5]) { try Init.truncNormal($0, mean: 0, std: 1, a: 2, b: 3) }
        case "constant": return try filled([2, 2]) { try Init.constant($0, 0.3) }
        case "linear": return try Linear(5, 3).parameters().map(\.description).joined(separator: "\n")
        case "linear_nobias": return try Linear(3, 2, bias: false).parameters().map(\.description).joined(separator: "\n")
        case "mlp":
            let model = Sequential([try Linear(4, 8), ReLU(), try Linear(8, 1)])
            return model.parameters().map(\.description).joined(separator: "\n")
        case "conv": return try Conv2d(2, 3, kernelSize: .int(3)).parameters().map(\.description).joined(separator: "\n")
        case "conv_rect_nobias":
            return try Conv2d(1, 2, kernelSize: .tuple([2, 3]), stride: .int(2), bias: false).parameters().map(\.description).joined(separator: "\n")
        case "dropout": return try Dropout(p: 0.3).forward(Tensor.ones([3, 5])).description
        case "dropout_grad":
            let x = try Tensor.ones([2, 3])
            try x.setRequiresGrad(true)
            return try Functional.dropout(x, p: 0.5).description
        default: return nil
        }
    }

    func testInitialisersMatchPyTorch() throws {
        for f in initFixtures {
            TorchGenerator.default.manualSeed(f.seed)
            guard let printed = try run(f.name) else { XCTFail("no Swift case for \(f.name)"); continue }
            let position = try Tensor.rand([2]).description
            XCTAssertEqual(printed + "\n" + position, f.printed, f.name)
        }
    }

    func testCalculateGain() throws {
        for g in gainFixtures {
            XCTAssertEqual(try Init.calculateGain(g.nonlinearity, param: g.param.map { .float($0) }).pythonRepr, g.repr, g.nonlinearity)
        }
        XCTAssertThrowsError(try Init.calculateGain("softmax")) { error in
            XCTAssertEqual((error as? TorchError)?.description, "ValueError: Unsupported nonlinearity softmax")
        }
        XCTAssertThrowsError(try Init.calculateGain("leaky_relu", param: .bool(true))) { error in
            XCTAssertEqual((error as? TorchError)?.description, "ValueError: negative_slope True not a valid number")
        }
        XCTAssertThrowsError(try Init.kaimingUniform(Tensor.zeros([3]))) { error in
            XCTAssertEqual((error as? TorchError)?.description, "ValueError: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        XCTAssertThrowsError(try Init.kaimingUniform(Tensor.zeros([3, 3]), mode: "fan_avg")) { error in
            XCTAssertEqual((error as? TorchError)?.description, "ValueError: Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']")
        }
    }
}
