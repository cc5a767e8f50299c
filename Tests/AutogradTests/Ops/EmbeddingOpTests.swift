import Foundation
import XCTest
@testable import Autograd

/// `Tensor.embedding` against `Fixtures/embedding_cases.json` (real PyTorch,
/// made by `Fixtures/generate_embedding_cases.py`): outputs and weight
/// gradients to the last bit, with hundreds of repeated indices (the gradient
/// rows accumulate in index order), padding_idx and scale_grad_by_freq; then
/// PyTorch's errors and grad_fn names.
final class EmbeddingOpTests: XCTestCase {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let dtype: String
            let rows: Int
            let dim: Int
            let indices: [Int64]
            let index_shape: [Int]
            let padding_idx: Int?
            let scale_grad_by_freq: Bool
            let weight: LayerNormBitsTests.Spec
            let grad: LayerNormBitsTests.Spec
            let output: [Double]
            let output_shape: [Int]
            let weight_grad: [Double]
        }
        let cases: [Case]
    }

    func testEveryCaseMatchesPyTorchBitForBit() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/embedding_cases.json")
        let cases = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).cases
        XCTAssertEqual(cases.count, 9)
        for c in cases {
            let dtype: DType = c.dtype == "float64" ? .float64 : .float32
            let weight = c.weight.tensor([c.rows, c.dim], dtype)
            try weight.setRequiresGrad(true)
            let indices = Tensor(storage: Storage(c.indices, dtype: .int64), shape: c.index_shape)
            let y = try weight.embedding(indices, paddingIndex: c.padding_idx, scaleGradByFrequency: c.scale_grad_by_freq)
            try y.backward(c.grad.tensor(y.shape, dtype))
            let label = "\(c.dtype) \(c.index_shape) padding \(String(describing: c.padding_idx)) scale \(c.scale_grad_by_freq)"
            XCTAssertEqual(y.shape, c.output_shape, label)
            XCTAssertEqual(y.gradFn?.name, "EmbeddingBackward0", label)
            XCTAssertEqual(y.doubles(), c.output, label)
            XCTAssertEqual(weight.grad?.doubles(), c.weight_grad, label)
        }
    }

    func testIntegerIndicesOfEitherWidthAndPlainTensorsWithoutHistory() throws {
        let weight = Tensor(storage: Storage((0..<6).map { Float($0) }), shape: [3, 2])
        let y = try weight.embedding(Tensor(storage: Storage([2, 0], dtype: .int32), shape: [2]))
        XCTAssertEqual(y.floats(), [4, 5, 0, 1])
        XCTAssertNil(y.gradFn)
        let longs = try Tensor(storage: Storage([1, 1, 2, 2, 0, 0], dtype: .int64), shape: [3, 2]).embedding(Tensor(storage: Storage([2], dtype: .int64), shape: [1]))
        XCTAssertEqual(longs.int64s(), [0, 0])
    }

    func testErrorsAreWordedAsPyTorch() throws {
        let weight = Tensor(storage: Storage([Float](repeating: 1, count: 6)), shape: [3, 2])
        func message(_ body: () throws -> Tensor) -> TorchError? {
            do { _ = try body(); return nil } catch { return error as? TorchError }
        }
        XCTAssertEqual(message { try weight.embedding(Tensor(storage: Storage([3], dtype: .int64), shape: [1])) },
                       .index("index out of range in self"))
        XCTAssertEqual(message { try weight.embedding(Tensor(storage: Storage([-1], dtype: .int64), shape: [1])) },
                       .index("index out of range in self"))
        XCTAssertEqual(message { try weight.embedding(Tensor(storage: Storage([Float(1)]), shape: [1])) },
                       .runtime("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.FloatTensor instead (while checking arguments for embedding)"))
        XCTAssertEqual(message { try weight.embedding(Tensor(storage: Storage([true]), shape: [1])) },
                       .runtime("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got CPUBoolType instead (while checking arguments for embedding)"))
        XCTAssertEqual(message { try weight.reshape([6]).embedding(Tensor(storage: Storage([0], dtype: .int64), shape: [1])) },
                       .runtime("'weight' must be 2-D"))
    }

    func testDoubleBackwardNamesPyTorchsNode() throws {
        let weight = Tensor(shape: [4, 2], doubles: [1, 2, 3, 4, 5, 6, 7, 8], requiresGrad: true)
        let ids = Tensor(storage: Storage([0, 2, 2], dtype: .int64), shape: [3])
        let y = try weight.embedding(ids).pow(2).sum()
        let g = try Backward.grad(outputs: [y], inputs: [weight], createGraph: true)[0]
        XCTAssertEqual(g?.gradFn?.name, "EmbeddingDenseBackwardBackward0")
        XCTAssertEqual(g?.doubles(), [2, 4, 0, 0, 20, 24, 0, 0])
        try g?.sum().backward()
        // PyTorch: tensor([[2., 2.], [0., 0.], [4., 4.], [0., 0.]])
        XCTAssertEqual(weight.grad?.doubles(), [2, 2, 0, 0, 4, 4, 0, 0])
    }
}
