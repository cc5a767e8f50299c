import XCTest
import Autograd
@testable import NN

/// `nn.LayerNorm` against real PyTorch (fixtures from
/// FixtureScripts/embedding_layernorm.py): parameters, a 3-D input with an
/// expanded (sum) gradient, two normalised dims without affine, reprs.
final class LayerNormTests: XCTestCase {
    private func values(_ n: Int, _ mul: Int, _ mod: Int, _ scale: Float, _ shift: Float, _ shape: [Int]) -> Tensor {
        Tensor(storage: Storage((0..<n).map { Float(($0 * mul) % mod) / scale - shift }), shape: shape)
    }

    func testForwardAndBackwardMatchPyTorch() throws {
        let x = values(24, 37, 23, 8, 1.3, [2, 3, 4])
        try x.setRequiresGrad(true)
        let ln = try LayerNorm(normalizedShape: [4])
        XCTAssertEqual(ln.weight?.floats(), [1, 1, 1, 1])
        XCTAssertEqual(ln.bias?.floats(), [0, 0, 0, 0])
        try GradMode.with(enabled: false) {
            _ = try ln.weight!.copyInPlace(values(4, 5, 7, 4, -0.5, [4]))
            _ = try ln.bias!.copyInPlace(values(4, 3, 5, 2, 1.0, [4]))
        }
        let y = try ln.forward(x)
        XCTAssertEqual(y.gradFn?.name, "NativeLayerNormBackward0")
        try y.sum().backward()
        XCTAssertEqual(y.floats(), EmbeddingLayerNormFixtures.layerNormOutput)
        XCTAssertEqual(x.grad?.floats(), EmbeddingLayerNormFixtures.layerNormInputGrad)
        XCTAssertEqual(ln.weight?.grad?.floats(), EmbeddingLayerNormFixtures.layerNormWeightGrad)
        XCTAssertEqual(ln.bias?.grad?.floats(), EmbeddingLayerNormFixtures.layerNormBiasGrad)
    }

    func testTwoNormalisedDimsWithoutAffine() throws {
        let ln = try LayerNorm(normalizedShape: [3, 4], elementwiseAffine: false)
        XCTAssertNil(ln.weight)
        XCTAssertNil(ln.bias)
        XCTAssertEqual(ln.namedParameters().count, 0)
        XCTAssertEqual(try ln.forward(values(24, 37, 23, 8, 1.3, [2, 3, 4])).floats(), EmbeddingLayerNormFixtures.layerNormTwoDimsNoAffine)
    }

    func testReprsAndErrors() throws {
        XCTAssertEqual(try LayerNorm(normalizedShape: [3]).repr(), "LayerNorm((3,), eps=1e-05, elementwise_affine=True, bias=True)")
        XCTAssertEqual(try LayerNorm(normalizedShape: [2, 3]).repr(), "LayerNorm((2, 3), eps=1e-05, elementwise_affine=True, bias=True)")
        XCTAssertEqual(try LayerNorm(normalizedShape: [4], eps: .float(1e-6), elementwiseAffine: false).repr(),
                       "LayerNorm((4,), eps=1e-06, elementwise_affine=False, bias=False)")
        XCTAssertEqual(try LayerNorm(normalizedShape: [3], eps: .float(0.001), bias: false).repr(),
                       "LayerNorm((3,), eps=0.001, elementwise_affine=True, bias=False)")
        XCTAssertThrowsError(try LayerNorm(normalizedShape: [3]).forward(Tensor.ones([2, 4]))) {
            XCTAssertEqual($0 as? TorchError, .runtime("Given normalized_shape=[3], expected input with shape [*, 3], but got input of size[2, 4]"))
        }
        XCTAssertThrowsError(try LayerNorm(normalizedShape: [-1])) {
            XCTAssertEqual($0 as? TorchError, .runtime("Trying to create tensor with negative dimension -1: [-1]"))
        }
    }
}
