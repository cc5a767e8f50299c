import XCTest
@testable import Autograd

/// `.data` has a version counter of its own (shared by its views); `detach()`
/// shares the storage's, as in PyTorch.
final class VersionCounterTests: XCTestCase {
    func testWritesThroughDataDoNotInvalidateSavedTensors() throws {
        let w = Tensor(shape: [2], floats: [1, 2])
        try w.setRequiresGrad(true)
        let y = try w.mul(w).sum()
        let data = w.dataAlias()
        _ = try GradMode.with(enabled: false) { try data.addInPlace(Tensor.wrapped(1, dtype: .int64)) }
        XCTAssertEqual(w.version, 0)
        XCTAssertEqual(data.version, 1)
        try y.backward()
        XCTAssertEqual(w.grad?.floats(), [4, 6], "the gradient uses the values as they are now, as PyTorch's does")
    }

    func testViewsOfDataShareItsCounterAndDetachSharesTheStorages() throws {
        let w = Tensor(shape: [2], floats: [1, 2])
        let data = w.dataAlias()
        let first = try data.select(0, 0)
        _ = try GradMode.with(enabled: false) { try first.fillInPlace(5) }
        XCTAssertEqual(data.version, 1)
        XCTAssertEqual(w.version, 0)
        _ = try GradMode.with(enabled: false) { try w.detach().fillInPlace(7) }
        XCTAssertEqual(w.version, 1)
        XCTAssertEqual(w.floats(), [7, 7])
    }
}
