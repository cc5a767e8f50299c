import XCTest
@testable import Autograd

final class GEMMTests: XCTestCase {
    /// OpenBLAS and PyTorch's MKL block their sums differently, so products agree to
    /// rounding, not to the bit.
    func testProductsAgainstPyTorch() throws {
        for fixture in try KernelFixtures.load().gemm {
            if fixture.dtype == "float64" { check(fixture, Double.self, tolerance: 1e-12) }
            else { check(fixture, Float.self, tolerance: 2e-5) }
        }
    }

    private func check<T: KernelFloat>(_ f: KernelFixtures.Gemm, _: T.Type, tolerance: Double) {
        let batches = max(f.batch, 1)
        let a = KernelFixtureData.values(seed: f.seedA, count: batches * f.m * f.k, as: T.self)
        let b = KernelFixtureData.values(seed: f.seedB, count: batches * f.k * f.n, as: T.self)
        let product = f.batch > 0
            ? GEMM.batchedMatmul(a, b, batch: f.batch, m: f.m, k: f.k, n: f.n,
                                 transposeA: f.transposeA, transposeB: f.transposeB)
            : GEMM.matmul(a, b, m: f.m, k: f.k, n: f.n, transposeA: f.transposeA, transposeB: f.transposeB)
        let expected = FixtureBits.decode(f.product, as: T.self)
        XCTAssertEqual(product.count, expected.count)
        for (p, e) in zip(product, expected) {
            XCTAssertEqual(Double(p), Double(e), accuracy: tolerance * Double(f.k), "\(f.m)x\(f.k)x\(f.n)")
        }
    }

    func testEmptyAndIntegerProducts() {
        XCTAssertEqual(GEMM.matmul([Float](), [Float](), m: 2, k: 0, n: 3), [0, 0, 0, 0, 0, 0])
        XCTAssertEqual(GEMM.matmul([Float](), [1, 2] as [Float], m: 0, k: 1, n: 2), [])
        XCTAssertEqual(GEMM.matmul([1, 2, 3, 4] as [Int64], [5, 6, 7, 8], m: 2, k: 2, n: 2), [19, 22, 43, 50])
        XCTAssertEqual(BLASThreads.current >= 1, true)
    }
}
