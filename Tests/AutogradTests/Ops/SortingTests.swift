import XCTest
@testable import Autograd

/// sort / topk / median against real PyTorch 2.x values.
final class SortingTests: XCTestCase {
    private func matrix() throws -> Tensor {
        let x = try Tensor.from([3, 1, 2, 0, 5, 4], shape: [2, 3], dtype: .float32)
        try x.setRequiresGrad(true)
        return x
    }

    func testTopkAlongRowsAndItsGradient() throws {
        let x = try matrix()
        let r = try x.topk(2, dim: 1)
        XCTAssertEqual(r.values.doubles(), [3, 2, 5, 4])
        XCTAssertEqual(r.indices.int64s(), [0, 2, 1, 2])
        XCTAssertEqual(r.values.gradFn?.name, "TopkBackward0")
        try r.values.sum().backward()
        XCTAssertEqual(x.grad?.doubles(), [1, 0, 1, 0, 1, 1])
        XCTAssertThrowsError(try x.topk(4)) { XCTAssertEqual($0 as? TorchError, .runtime("selected index k out of range")) }
    }

    func testSortDescendingAlongColumns() throws {
        let r = try matrix().sort(dim: 0, descending: true)
        XCTAssertEqual(r.values.doubles(), [3, 5, 4, 0, 1, 2])
        XCTAssertEqual(r.indices.int64s(), [0, 1, 1, 1, 0, 0])
        XCTAssertEqual(r.values.gradFn?.name, "SortBackward0")
    }

    func testNaNSortsAboveNumbers() throws {
        let x = try Tensor.from([2, .nan, 1], shape: [3], dtype: .float32)
        XCTAssertEqual(try x.sort(descending: true).indices.int64s(), [1, 0, 2])
        XCTAssertEqual(try x.sort().indices.int64s(), [2, 0, 1])
    }

    func testMedianIsTheLowerMiddleAndRoutesItsGradient() throws {
        let x = try Tensor.from([1, 4, 3, 2], shape: [2, 2], dtype: .float32)
        try x.setRequiresGrad(true)
        let m = try x.median()
        XCTAssertEqual(m.doubles(), [2])
        XCTAssertEqual(m.gradFn?.name, "MedianBackward0")
        try m.backward()
        XCTAssertEqual(x.grad?.doubles(), [0, 0, 0, 1])
    }
}
