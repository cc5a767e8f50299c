import XCTest
import Autograd
@testable import NN

/// `nn.Embedding` against real PyTorch (fixtures from
/// FixtureScripts/embedding_layernorm.py): the N(0, 1) initialisation and the
/// generator position after it, the zeroed padding row and its masked
/// gradient, max_norm's renorm, from_pretrained, reprs and errors.
final class EmbeddingTests: XCTestCase {
    private func ids(_ values: [Int64], _ shape: [Int]) -> Tensor { Tensor(storage: Storage(values, dtype: .int64), shape: shape) }

    func testInitialisationDrawsAsNormal() throws {
        TorchGenerator.default.manualSeed(1)
        let e = try Embedding(10, 3)   // 30 values: the vectorised normal path
        XCTAssertEqual(e.weight?.floats(), EmbeddingLayerNormFixtures.embedding10x3Seed1)
        XCTAssertEqual(try Tensor.rand([2]).floats(), EmbeddingLayerNormFixtures.randAfterEmbedding10x3)
        TorchGenerator.default.manualSeed(0)
        let padded = try Embedding(5, 2, paddingIdx: 1)   // 10 values: the scalar Box–Muller path, one cached
        XCTAssertEqual(padded.weight?.floats(), EmbeddingLayerNormFixtures.embedding5x2Padding1Seed0)
        XCTAssertEqual(try Tensor.randn([3]).floats(), EmbeddingLayerNormFixtures.randnAfterEmbedding5x2)
        XCTAssertEqual(padded.weight?.requiresGrad, true)
        XCTAssertTrue(padded.weight?.isParameter ?? false)
    }

    func testForwardShapeAndPaddingGradient() throws {
        let e = try Embedding(5, 2, paddingIdx: -1)
        XCTAssertEqual(e.paddingIdx, 4)
        let y = try e.forward(ids([1, 4, 1, 0, 4, 2], [2, 3]))
        XCTAssertEqual(y.shape, [2, 3, 2])
        XCTAssertEqual(y.gradFn?.name, "EmbeddingBackward0")
        try y.sum().backward()
        XCTAssertEqual(e.weight?.grad?.floats(), [1, 1, 2, 2, 1, 1, 0, 0, 0, 0])
    }

    func testMaxNormRenormalisesTheRowsUsed() throws {
        TorchGenerator.default.manualSeed(0)
        let e = try Embedding(5, 3, maxNorm: .float(1))
        let y = try e.forward(ids([1, 3, 1, 4], [4]))
        XCTAssertEqual(y.floats(), EmbeddingLayerNormFixtures.maxNormOutput)
        XCTAssertEqual(e.weight?.floats(), EmbeddingLayerNormFixtures.maxNormWeightAfter)
        TorchGenerator.default.manualSeed(0)
        let l1 = try Embedding(4, 3, maxNorm: .float(0.5), normType: .float(1))
        XCTAssertEqual(try l1.forward(ids([2, 0, 0, 2], [2, 2])).floats(), EmbeddingLayerNormFixtures.maxNormL1Output)
    }

    func testFromPretrainedSharesTheTable() throws {
        let table = Tensor(shape: [2, 2], floats: [1, 2, 3, 4])
        let frozen = try Embedding.fromPretrained(table)
        XCTAssertEqual(frozen.weight?.requiresGrad, false)
        XCTAssertEqual(frozen.repr(), "Embedding(2, 2)")
        try GradMode.with(enabled: false) { _ = try table.fillInPlace(7) }
        XCTAssertEqual(frozen.weight?.floats(), [7, 7, 7, 7])
        let trainable = try Embedding.fromPretrained(Tensor(shape: [2, 2], floats: [1, 2, 3, 4]), freeze: false, paddingIdx: 0)
        XCTAssertEqual(trainable.weight?.floats(), [1, 2, 3, 4], "from_pretrained keeps the padding row")
        XCTAssertEqual(trainable.repr(), "Embedding(2, 2, padding_idx=0)")
        XCTAssertThrowsError(try Embedding.fromPretrained(Tensor(shape: [2], floats: [1, 2]))) {
            XCTAssertEqual($0 as? TorchError, TorchError(type: "AssertionError", message: "Embeddings parameter is expected to be 2-dimensional"))
        }
    }

    func testReprsAndErrors() throws {
        XCTAssertEqual(try Embedding(10, 3).repr(), "Embedding(10, 3)")
        XCTAssertEqual(try Embedding(10, 3, paddingIdx: 0).repr(), "Embedding(10, 3, padding_idx=0)")
        XCTAssertEqual(try Embedding(10, 3, paddingIdx: -1).repr(), "Embedding(10, 3, padding_idx=9)")
        XCTAssertEqual(try Embedding(10, 3, maxNorm: .float(1)).repr(), "Embedding(10, 3, max_norm=1.0)")
        XCTAssertEqual(try Embedding(10, 3, maxNorm: .int(1), normType: .float(1), scaleGradByFreq: true, sparse: true).repr(),
                       "Embedding(10, 3, max_norm=1, norm_type=1.0, scale_grad_by_freq=True, sparse=True)")
        for bad in [10, -11] {
            XCTAssertThrowsError(try Embedding(10, 3, paddingIdx: bad)) {
                XCTAssertEqual($0 as? TorchError, TorchError(type: "AssertionError", message: "Padding_idx must be within num_embeddings"))
            }
        }
        XCTAssertThrowsError(try Embedding(-1, 2)) {
            XCTAssertEqual($0 as? TorchError, .runtime("Trying to create tensor with negative dimension -1: [-1, 2]"))
        }
        XCTAssertThrowsError(try Embedding(3, 2, weight: Tensor.ones([3, 3]))) {
            XCTAssertEqual($0 as? TorchError, TorchError(type: "AssertionError", message: "Shape of weight does not match num_embeddings and embedding_dim"))
        }
        XCTAssertThrowsError(try Embedding(3, 2).forward(ids([3], [1]))) {
            XCTAssertEqual($0 as? TorchError, .index("index out of range in self"))
        }
        XCTAssertThrowsError(try Embedding(3, 2, maxNorm: .int(1)).forward(ids([5], [1]))) {
            XCTAssertEqual($0 as? TorchError, .index("select(): index 5 out of range for tensor of size [3, 2] at dimension 0"))
        }
        XCTAssertThrowsError(try Embedding(3, 2, maxNorm: .int(1)).forward(ids([-1], [1]))) {
            XCTAssertEqual($0 as? TorchError, .index("index out of range in self"))
        }
    }
}
