import XCTest
@testable import Autograd

final class ScaledUpdateTests: XCTestCase {
    func testUpdatesInPlaceWithOneRoundingPerElement() throws {
        let p = Tensor(shape: [3], floats: [1, 2, 3])
        let g = Tensor(shape: [3], floats: [0.1, 0.2, 0.3])
        let version = p.version
        XCTAssertTrue(p.addScaledInPlaceUntracked(g, alpha: -0.01))
        let scale = Float(-0.01)
        XCTAssertEqual(p.floats(), [Float(1).addingProduct(0.1, scale), Float(2).addingProduct(0.2, scale), Float(3).addingProduct(0.3, scale)])
        XCTAssertEqual(p.version, version + 1, "an in-place write bumps the version")
    }

    func testScalarGradientWithoutStorage() throws {
        let w = Tensor.scalar(10)
        let g = try Tensor.full([], -4800)     // a one-element result: no storage yet
        XCTAssertTrue(w.addScaledInPlaceUntracked(g, alpha: -0.005))
        XCTAssertEqual(try w.scalarDouble(), 34)
    }

    func testOtherLayoutsAreLeftToTheCaller() throws {
        let p = Tensor(shape: [2], floats: [1, 2])
        XCTAssertFalse(p.addScaledInPlaceUntracked(Tensor(shape: [2], doubles: [1, 1]), alpha: 1))
        XCTAssertFalse(p.addScaledInPlaceUntracked(Tensor(shape: [3], floats: [1, 1, 1]), alpha: 1))
        XCTAssertEqual(p.floats(), [1, 2], "nothing changed")
    }
}
