import XCTest
@testable import Autograd

final class ReductionKernelTests: XCTestCase {
    func testExtremaVarianceAndProductsAgainstPyTorch() throws {
        var varianceMatches = 0, varianceTotal = 0
        for fixture in try KernelFixtures.load().reductions {
            let (matches, total) = fixture.dtype == "float64"
                ? try check(fixture, Double.self) : try check(fixture, Float.self)
            varianceMatches += matches
            varianceTotal += total
        }
        print("var/std bit matches: \(varianceMatches) of \(varianceTotal)")
        XCTAssertEqual(varianceMatches, varianceTotal)
    }

    private func check<T: KernelFloat>(_ fixture: KernelFixtures.Reduction, _: T.Type) throws -> (Int, Int) {
        let count = fixture.shape.reduce(1, *)
        let values = KernelFixtureData.values(seed: fixture.seed, count: count, kind: fixture.kind, as: T.self)
        let split = try AxisSplit(shape: fixture.shape, dim: fixture.dim)
        let label = "\(fixture.dtype) \(fixture.kind) \(fixture.shape) dim \(fixture.dim)"
        func same(_ actual: [T], _ bits: String?, _ what: String) -> Bool {
            guard let bits else { return true }
            let expected = FixtureBits.decode(bits, as: T.self)
            let ok = actual.count == expected.count && zip(actual, expected).allSatisfy(FixtureBits.identical)
            if !ok { XCTFail("\(label) \(what): \(actual.prefix(4)) vs \(expected.prefix(4))") }
            return ok
        }
        if let maxBits = fixture.max {
            let max = try ExtremaReductions.alongAxis(values, split, kind: .max, dim: fixture.dim)
            let min = try ExtremaReductions.alongAxis(values, split, kind: .min, dim: fixture.dim)
            _ = same(max.values, maxBits, "max values")
            _ = same(min.values, fixture.min, "min values")
            XCTAssertEqual(max.indices, fixture.maxIndices, "\(label) max indices")
            XCTAssertEqual(min.indices, fixture.minIndices, "\(label) min indices")
            XCTAssertEqual(try ExtremaReductions.argAlongAxis(values, split, kind: .max, dim: 0), fixture.argmax)
            XCTAssertEqual(try ExtremaReductions.argAlongAxis(values, split, kind: .min, dim: 0), fixture.argmin)
            _ = same([try ExtremaReductions.all(values, kind: .max)], fixture.maxAll, "max()")
            _ = same([try ExtremaReductions.all(values, kind: .min)], fixture.minAll, "min()")
            XCTAssertEqual(try ExtremaReductions.argAll(values, kind: .max), fixture.argmaxAll, label)
            XCTAssertEqual(try ExtremaReductions.argAll(values, kind: .min), fixture.argminAll, label)
        }
        if let prodBits = fixture.prod, let prodAllBits = fixture.prodAll {
            // PyTorch multiplies in vector lanes; the order changes only the last bits.
            let expected = FixtureBits.decode(prodBits, as: T.self)
            for (a, e) in zip(SumReductions.prod(values, split), expected) where !(a.isNaN && e.isNaN) {
                XCTAssertEqual(Double(a), Double(e), accuracy: 1e-5 * Swift.max(1, abs(Double(e))), label)
            }
            let all = Double(SumReductions.prod(values)), expectedAll = Double(FixtureBits.decode(prodAllBits, as: T.self)[0])
            if !(all.isNaN && expectedAll.isNaN) {
                XCTAssertEqual(all, expectedAll, accuracy: 1e-5 * Swift.max(1, abs(expectedAll)), label)
            }
        }
        var results: [Bool] = []
        if fixture.var != nil {
            results.append(same(VarianceReductions.alongAxis(values, split, correction: 1, takeSqrt: false), fixture.var, "var"))
            results.append(same(VarianceReductions.alongAxis(values, split, correction: 1, takeSqrt: true), fixture.std, "std"))
            results.append(same(VarianceReductions.alongAxis(values, split, correction: 0, takeSqrt: false), fixture.varPopulation, "var(correction=0)"))
        }
        if fixture.varAll != nil {
            results.append(same([VarianceReductions.all(values, correction: 1, takeSqrt: false)], fixture.varAll, "var()"))
            results.append(same([VarianceReductions.all(values, correction: 1, takeSqrt: true)], fixture.stdAll, "std()"))
        }
        if fixture.stdAllPopulation != nil {
            results.append(same([VarianceReductions.all(values, correction: 0, takeSqrt: true)], fixture.stdAllPopulation, "std(correction=0)"))
        }
        return (results.filter { $0 }.count, results.count)
    }

    func testEmptyReductionsThrowPyTorchsErrors() {
        XCTAssertThrowsError(try ExtremaReductions.all([Float](), kind: .max)) { error in
            XCTAssertEqual((error as? TorchError)?.description,
                "RuntimeError: max(): Expected reduction dim to be specified for input.numel() == 0. "
                + "Specify the reduction dim with the 'dim' argument.")
        }
        XCTAssertThrowsError(try ExtremaReductions.argAll([Float](), kind: .max)) { error in
            XCTAssertEqual((error as? TorchError)?.description,
                "IndexError: argmax(): Expected reduction dim to be specified for input.numel() == 0.")
        }
        XCTAssertThrowsError(
            try ExtremaReductions.alongAxis([Float](), AxisSplit(outer: 1, axis: 0, inner: 3), kind: .max, dim: 0)
        ) { error in
            XCTAssertEqual((error as? TorchError)?.description,
                "IndexError: max(): Expected reduction dim 0 to have non-zero size.")
        }
        let emptyRows = try? ExtremaReductions.alongAxis([Float](), AxisSplit(outer: 0, axis: 3, inner: 1), kind: .max, dim: 1)
        XCTAssertEqual(emptyRows?.values, [])
        // torch.ones(0, 0).argmax(dim=1) still checks the reduced dim.
        XCTAssertThrowsError(
            try ExtremaReductions.argAlongAxis([Float](), AxisSplit(outer: 0, axis: 0, inner: 1), kind: .max, dim: 1)
        ) { error in
            XCTAssertEqual((error as? TorchError)?.description,
                "IndexError: argmax(): Expected reduction dim 1 to have non-zero size.")
        }
    }

    func testTiesTakeTheFirstIndexAndNaNWins() throws {
        let split = AxisSplit(outer: 1, axis: 5, inner: 1)
        XCTAssertEqual(try ExtremaReductions.alongAxis([2, 5, 5, 1, 1] as [Float], split, kind: .max, dim: 0).indices, [1])
        XCTAssertEqual(try ExtremaReductions.alongAxis([2, 5, 5, 1, 1] as [Float], split, kind: .min, dim: 0).indices, [3])
        XCTAssertEqual(try ExtremaReductions.argAll([1, .nan, 3, .nan, 3] as [Float], kind: .max), 1)
        XCTAssertEqual(try ExtremaReductions.alongAxis([7, 9, 9] as [Int64], AxisSplit(outer: 1, axis: 3, inner: 1), kind: .max, dim: 0).indices, [1])
    }
}
