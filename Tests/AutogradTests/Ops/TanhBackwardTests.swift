import XCTest
@testable import Autograd

/// tanh's backward is PyTorch's `tanh_backward` kernel: g · (1 − r·r) with
/// 1 − r·r rounded once (a fused multiply-add), and its own node when
/// differentiated again.
final class TanhBackwardTests: XCTestCase {
    private func floats(_ bits: [UInt32]) -> [Float] { bits.map { Float(bitPattern: $0) } }

    /// Inputs where the unfused g · (1 − r²) differs from PyTorch in the last bit;
    /// the expected gradients are `x.grad` from PyTorch 2.15 on CPU.
    func testGradientHasPyTorchsBits() throws {
        let x = Tensor(shape: [8], floats: floats([0xbf93808a, 0xc0075fc1, 0xbfad23c2, 0xbfd91446,
                                                   0x3f4b235d, 0xbfc70d5b, 0x3fed2f4e, 0x3fb1d6c0]), requiresGrad: true)
        let g = Tensor(shape: [8], floats: floats([0xbc2f6009, 0x3f831636, 0xbf275f69, 0x3fdc2332,
                                                   0xbf23335d, 0x3f0f5a29, 0x3f9e1771, 0xbfcd3cd5]))
        let y = try x.tanh()
        XCTAssertEqual(y.floats().map(\.bitPattern), [0xbf518b79, 0xbf78a8c3, 0xbf5feae9, 0xbf6f5582,
                                                      0x3f290f72, 0xbf6a24af, 0x3f73b820, 0x3f620e58])
        try y.backward(g)
        XCTAssertEqual(x.grad?.floats().map(\.bitPattern), [0xbb677f04, 0x3d6d1ed5, 0xbe1d49f3, 0x3e5dd62b,
                                                            0xbeb80d4e, 0x3dbb7741, 0x3decdd56, 0xbeb4d1a6])
    }

    /// Second derivative through TanhBackwardBackward0 (values from PyTorch, float64).
    func testDoubleBackward() throws {
        let a = Tensor(shape: [3], doubles: [0.5, -1.2, 2.0], requiresGrad: true)
        let t = try a.tanh()
        let g = try Backward.grad(outputs: [t.sum()], inputs: [a], createGraph: true)[0]
        XCTAssertEqual(g?.gradFn?.name, "TanhBackwardBackward0")
        let first = try XCTUnwrap(g?.doubles())
        for (v, e) in zip(first, [0.7864477329659274, 0.30501999620740905, 0.07065082485316443]) {
            XCTAssertEqual(v, e, accuracy: 1e-15)
        }
        try XCTUnwrap(g).sum().backward()
        for (v, e) in zip(try XCTUnwrap(a.grad?.doubles()), [-0.7268619813835873, 0.5085626501382733, -0.13621868742711296]) {
            XCTAssertEqual(v, e, accuracy: 1e-15)
        }
    }

    /// Third derivative: the rule's saved result still links to the tanh node
    /// (weakly), so each create_graph pass differentiates through it (PyTorch, float64).
    func testThirdDerivativeFlowsThroughTheSavedResult() throws {
        let a = Tensor(shape: [3], doubles: [0.5, -1.2, 2.0], requiresGrad: true)
        let t = try a.tanh()
        let g1 = try XCTUnwrap(Backward.grad(outputs: [t.sum()], inputs: [a], createGraph: true)[0])
        let g2 = try XCTUnwrap(Backward.grad(outputs: [g1.sum()], inputs: [a], createGraph: true)[0])
        XCTAssertEqual(g2.gradFn?.name, "TanhBackwardBackward0")
        let g3 = try XCTUnwrap(Backward.grad(outputs: [g2.sum()], inputs: [a])[0])
        for (v, e) in zip(g3.doubles(), [-0.5652092882597705, 0.6618567963114292, 0.25265406509806265]) {
            XCTAssertEqual(v, e, accuracy: 1e-14)
        }
    }
}
