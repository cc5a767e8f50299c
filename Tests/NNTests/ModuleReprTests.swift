import XCTest
import Autograd
@testable import NN

/// Module and container reprs, registration order and state_dict behaviour
/// against real PyTorch.
final class ModuleReprTests: XCTestCase {
    /// The Swift twin of the fixture script's `Net`.
    private func makeNet() throws -> Module {
        let net = Module(typeName: "Net")
        net.register(module: try Linear(4, 8), named: "fc1")
        net.register(module: LeakyReLU(negativeSlope: 0.2), named: "act")
        net.register(module: try Dropout(p: 0.25), named: "drop")
        net.register(module: ModuleList(try (0..<3).map { _ in try Linear(8, 8) }), named: "blocks")
        net.register(module: Sequential([try Linear(8, 2), Flatten(), Identity()]), named: "head")
        net.register(parameter: try Parameter.make(Tensor.zeros([2])), named: "w")
        return net
    }

    private func build(_ name: String) throws -> Module? {
        switch name {
        case "relu": return ReLU()
        case "relu_inplace": return ReLU(inplace: true)
        case "leaky": return LeakyReLU()
        case "leaky_02_inplace": return LeakyReLU(negativeSlope: 0.2, inplace: true)
        case "leaky_int": return LeakyReLU(negativeSlope: 0)
        case "sigmoid_tanh_identity": return Sequential([Sigmoid(), Tanh(), Identity()])
        case "dropout": return try Dropout()
        case "dropout_p": return try Dropout(p: 0.1, inplace: true)
        case "flatten": return Flatten()
        case "flatten_0": return Flatten(startDim: 0, endDim: 2)
        case "unflatten": return Unflatten(dim: 1, unflattenedSize: [2, 3])
        case "seq_empty": return Sequential([])
        case "seq_dict": return Sequential(named: [("fc", try Linear(2, 3)), ("act", ReLU())])
        case "seq_nested":
            return Sequential([try Linear(2, 2), Sequential([try Linear(2, 2), ReLU()]), try Linear(2, 1, bias: false)])
        case "modulelist_runs":
            return ModuleList(try (0..<3).map { _ in try Linear(2, 2) } + [ReLU(), ReLU(), try Linear(2, 2)])
        case "modulelist_nested": return ModuleList(try (0..<2).map { _ in Sequential([try Linear(2, 2), ReLU()]) })
        case "modulelist_empty": return ModuleList()
        case "moduledict": return ModuleDict([("a", try Linear(2, 2)), ("b", ReLU())])
        case "net": return try makeNet()
        case "conv_basic": return try Conv2d(1, 6, kernelSize: .int(5))
        case "conv_padding": return try Conv2d(3, 16, kernelSize: .int(3), padding: .size(.int(1)))
        case "conv_full":
            return try Conv2d(3, 16, kernelSize: .tuple([3, 5]), stride: .int(2), padding: .size(.tuple([1, 2])), bias: false)
        case "conv_dilation": return try Conv2d(1, 6, kernelSize: .int(5), padding: .size(.int(2)), dilation: .int(2))
        case "conv_same": return try Conv2d(1, 6, kernelSize: .int(5), padding: .same)
        case "conv_valid": return try Conv2d(1, 6, kernelSize: .int(5), padding: .valid)
        case "pools":
            return Sequential([MaxPool2d(kernelSize: .int(2)), MaxPool2d(kernelSize: .int(2), stride: .int(2)),
                               MaxPool2d(kernelSize: .tuple([2, 2])), MaxPool2d(kernelSize: .int(3), stride: .int(1), padding: .int(1)),
                               AvgPool2d(kernelSize: .int(2)), AvgPool2d(kernelSize: .int(3), stride: .int(2), padding: .int(1)),
                               AdaptiveAvgPool2d(outputSize: .tuple([1, 1])), AdaptiveAvgPool2d(outputSize: .int(1))])
        case "activations":
            return Sequential([Softmax(dim: 1), Softmax(), Softmax(dim: -1), LogSoftmax(dim: 1), GELU(), GELU(approximate: "tanh"),
                               SiLU(), ELU(), Softplus(), Hardtanh(), LogSigmoid()])
        case "lenet":
            return Sequential([try Conv2d(1, 6, kernelSize: .int(5)), ReLU(), MaxPool2d(kernelSize: .int(2), stride: .int(2)),
                               try Conv2d(6, 16, kernelSize: .int(5)), ReLU(), MaxPool2d(kernelSize: .int(2), stride: .int(2)), Flatten(),
                               try Linear(16 * 4 * 4, 120), ReLU(), try Linear(120, 10)])
        case "more_losses": return ModuleList([CrossEntropyLoss(labelSmoothing: 0.1), HuberLoss(delta: 2), SmoothL1Loss()])
        case "losses": return ModuleList([MSELoss(), L1Loss(), NLLLoss(), BCELoss(), BCEWithLogitsLoss(reduction: .sum)])
        default: return nil
        }
    }

    func testReprsMatchPyTorch() throws {
        for f in moduleReprFixtures {
            guard let module = try build(f.name) else { XCTFail("no Swift case for \(f.name)"); continue }
            XCTAssertEqual(module.repr(), f.repr, f.name)
        }
    }

    func testRegistrationOrder() throws {
        let net = try makeNet()
        XCTAssertEqual(net.stateDict().map(\.0), netStateDictKeys)
        XCTAssertEqual(net.namedParameters().map(\.0), netNamedParameters)
    }

    func testSequentialIndexing() throws {
        let seq = Sequential([try Linear(2, 2), ReLU(), try Linear(2, 1)])
        XCTAssertEqual(try seq.element(at: -1).repr(), "Linear(in_features=2, out_features=1, bias=True)")
        XCTAssertEqual(try seq.slice(start: 1, stop: nil, step: nil).repr(), """
        Sequential(
          (1): ReLU()
          (2): Linear(in_features=2, out_features=1, bias=True)
        )
        """)
        XCTAssertThrowsError(try seq.element(at: 3)) { XCTAssertEqual(($0 as? TorchError)?.description, "IndexError: index 3 is out of range") }
        try seq.remove(at: 1)
        seq.append(Sigmoid())
        XCTAssertEqual(seq.childSlots.map(\.name), ["0", "1", "2"])
        XCTAssertEqual(try seq.element(at: 2).repr(), "Sigmoid()")
        try seq.insert(Tanh(), at: 0)
        XCTAssertEqual(try seq.element(at: 0).repr(), "Tanh()")
        XCTAssertEqual(seq.count, 4)
    }

    func testModuleDictMissingKey() throws {
        let md = ModuleDict([("a", ReLU())])
        XCTAssertThrowsError(try md.element(forKey: "b")) { XCTAssertEqual(($0 as? TorchError)?.description, "KeyError: 'b'") }
    }

    func testLoadStateDict() throws {
        let lin = try Linear(2, 2)
        XCTAssertThrowsError(try lin.loadStateDict([("weight", Tensor.zeros([2, 2]))])) {
            XCTAssertEqual(($0 as? TorchError)?.description, "RuntimeError: Error(s) in loading state_dict for Linear:\n\tMissing key(s) in state_dict: \"bias\". ")
        }
        XCTAssertThrowsError(try lin.loadStateDict([("weight", Tensor.zeros([2, 2])), ("bias", Tensor.zeros([2])), ("x", Tensor.zeros([1])), ("y", Tensor.zeros([1]))])) {
            XCTAssertEqual(($0 as? TorchError)?.description, "RuntimeError: Error(s) in loading state_dict for Linear:\n\tUnexpected key(s) in state_dict: \"x\", \"y\". ")
        }
        XCTAssertThrowsError(try lin.loadStateDict([("weight", Tensor.zeros([3, 2])), ("bias", Tensor.zeros([2]))])) {
            XCTAssertEqual(($0 as? TorchError)?.description, "RuntimeError: Error(s) in loading state_dict for Linear:\n\tsize mismatch for weight: copying a param with shape torch.Size([3, 2]) from checkpoint, the shape in current model is torch.Size([2, 2]).")
        }
        let keys = try lin.loadStateDict([("weight", Tensor.ones([2, 2]))], strict: false)
        XCTAssertEqual(keys.missingKeys, ["bias"])
        XCTAssertEqual(lin.weight?.description, "Parameter containing:\ntensor([[1., 1.],\n        [1., 1.]], requires_grad=True)")
    }

    func testLossNeedsTarget() throws {
        XCTAssertThrowsError(try MSELoss().forward(Tensor.zeros([1]))) {
            XCTAssertEqual(($0 as? TorchError)?.description, "TypeError: MSELoss.forward() missing 1 required positional argument: 'target'")
        }
    }
}
