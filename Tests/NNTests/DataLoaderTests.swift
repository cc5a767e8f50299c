import XCTest
import Autograd
@testable import NN

/// DataLoader batches, orders and global-generator consumption against real PyTorch.
final class DataLoaderTests: XCTestCase {
    private func printedEpochs(_ f: DataLoaderFixture) throws -> (String, Int) {
        TorchGenerator.default.manualSeed(f.seed)
        let x = try Tensor.arange(0, Double(2 * f.count), 1, dtype: .float32).reshape([f.count, 2]).div(Tensor.wrapped(4, dtype: .int64))
        let y = try Tensor.arange(0, Double(f.count), 1, dtype: .int64)
        let dataset = try TensorDataset([x, y])
        let generator = f.generatorSeed.map { TorchGenerator(seed: $0) }
        let loader = try DataLoader(dataset, batchSize: f.batchSize, shuffle: f.shuffle, dropLast: f.dropLast, generator: generator)
        var lines: [String] = []
        for _ in 0..<f.epochs {
            let epoch = loader.epoch()
            while let batch = try epoch.nextBatch() {
                lines.append(batch.map(\.description).joined(separator: " "))
            }
            lines.append(try Tensor.rand([2]).description)
        }
        return (lines.joined(separator: "\n"), loader.count)
    }

    func testBatchesAndDrawsMatchPyTorch() throws {
        for f in dataLoaderFixtures {
            let (printed, length) = try printedEpochs(f)
            XCTAssertEqual(printed, f.printed, f.name)
            XCTAssertEqual(length, f.length, f.name)
        }
    }

    func testRandomSplitMatchesPyTorch() throws {
        for f in randomSplitFixtures {
            TorchGenerator.default.manualSeed(f.seed)
            let dataset = try TensorDataset([try Tensor.arange(0, Double(f.count), 1, dtype: .int64)])
            let parts = try randomSplit(dataset, lengths: f.lengths)
            XCTAssertEqual(parts.map(\.indices), f.indices, "seed \(f.seed)")
            XCTAssertEqual(try Tensor.rand([2]).description, f.after, "seed \(f.seed)")
        }
    }

    func testSamplerDrawsWaitForTheFirstBatch() throws {
        // iter(loader) draws the base seed at once; the shuffle seed only at the first next().
        TorchGenerator.default.manualSeed(0)
        let dataset = try TensorDataset([try Tensor.arange(0, 6, 1, dtype: .int64)])
        let loader = try DataLoader(dataset, batchSize: 6, shuffle: true)
        let epoch = loader.epoch()
        let reference = TorchGenerator(seed: 0)
        _ = reference.random64()
        XCTAssertEqual(TorchGenerator.default.random(), reference.random())
        XCTAssertNotNil(try epoch.nextBatch())
    }

    func testDatasetErrors() throws {
        XCTAssertThrowsError(try TensorDataset([Tensor.zeros([3]), Tensor.zeros([4])])) { error in
            XCTAssertEqual((error as? TorchError)?.description, "AssertionError: Size mismatch between tensors")
        }
        let dataset = try TensorDataset([Tensor.zeros([3])])
        XCTAssertThrowsError(try DataLoader(dataset, batchSize: 0)) { error in
            XCTAssertEqual((error as? TorchError)?.description, "ValueError: batch_size should be a positive integer value, but got batch_size=0")
        }
        XCTAssertThrowsError(try randomSplit(dataset, lengths: [1, 1])) { error in
            XCTAssertEqual((error as? TorchError)?.description, "ValueError: Sum of input lengths does not equal the length of the input dataset!")
        }
        XCTAssertEqual(try dataset.item(-1)[0].description, "tensor(0.)")
    }
}
