import XCTest
@testable import Autograd

/// torch.autograd.forward_ad and torch.func.jvp semantics.
final class ForwardModeTests: XCTestCase {
    func testDualLevelLifecycle() throws {
        let x = Tensor(shape: [2], floats: [1, 2])
        XCTAssertThrowsError(try ForwardAD.makeDual(x, tangent: Tensor(shape: [2], floats: [1, 0]))) {
            XCTAssertEqual(($0 as? TorchError)?.message, "Trying to create a dual Tensor for forward AD but no level exists, make sure to enter_dual_level() first.")
        }
        var survivor: Tensor? = nil
        try ForwardAD.withDualLevel {
            let dual = try ForwardAD.makeDual(x, tangent: Tensor(shape: [2], floats: [1, 0]))
            let y = try dual.sin().mul(dual)
            let (primal, tangent) = ForwardAD.unpackDual(y)
            XCTAssertEqual(primal.floats(), [Float(sin(1.0)) * 1, Float(sin(2.0)) * 2])
            // d/dx (x sin x) = sin x + x cos x, along (1, 0).
            XCTAssertEqual(tangent?.doubles()[0] ?? 0, sin(1.0) + cos(1.0), accuracy: 1e-6)
            XCTAssertEqual(tangent?.doubles()[1] ?? 1, 0)
            XCTAssertNil(ForwardAD.unpackDual(x).tangent)
            XCTAssertThrowsError(try ForwardAD.enterDualLevel())
            survivor = y
        }
        XCTAssertNil(survivor?.tangent, "leaving the level clears tangents")
        XCTAssertNil(ForwardAD.currentLevel)
    }

    func testJvpMatchesReverseMode() throws {
        let w = Tensor(shape: [3, 2], doubles: [0.5, -1, 2, 0.25, -0.75, 1.5])
        let x = Tensor(shape: [2, 3], doubles: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6])
        let v = Tensor(shape: [2, 3], doubles: [1, 0, -1, 0.5, 2, -0.5])
        func f(_ xs: [Tensor]) throws -> Tensor { try xs[0].matmul(w).tanh().logSoftmax(dim: 1).sum() }
        let (out, jvp) = try ForwardAD.jvp(f, primals: [x], tangents: [v])
        XCTAssertNil(out.gradFn)
        let leaf = Tensor(shape: [2, 3], doubles: x.doubles(), requiresGrad: true)
        try f([leaf]).backward()
        let expected = try leaf.grad!.mul(v).sum().scalarDouble()
        XCTAssertEqual(try jvp.scalarDouble(), expected, accuracy: 1e-12)
    }

    func testInPlaceOpsCarryTangents() throws {
        try ForwardAD.withDualLevel {
            let dual = try ForwardAD.makeDual(Tensor(shape: [3], doubles: [1, 2, 3]), tangent: Tensor(shape: [3], doubles: [1, 1, 1]))
            let y = try dual.mul(Tensor.wrapped(2, dtype: .int64))
            try y.mulInPlace(dual)
            XCTAssertEqual(y.tangent?.doubles(), [4, 8, 12])
            try y.indexPut([.int(0)], Tensor.wrapped(0, dtype: .int64))
            XCTAssertEqual(y.tangent?.doubles(), [0, 8, 12])
        }
    }
}
