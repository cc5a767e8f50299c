import XCTest
@testable import Autograd

final class SumReductionTests: XCTestCase {
    override func tearDown() {
        TorchThreads.count = 2
        super.tearDown()
    }

    /// Whole-tensor sum and mean of sizes 1…100000 (and several thread counts) against
    /// PyTorch, bit for bit.
    func testWholeTensorSumsAreBitIdenticalToPyTorch() throws {
        var matches = 0, total = 0
        for fixture in try KernelFixtures.load().sums {
            TorchThreads.count = fixture.threads
            let ok = fixture.dtype == "float64"
                ? check(fixture, Double.self) : check(fixture, Float.self)
            total += 1
            if ok { matches += 1 }
        }
        print("whole-tensor sum/mean bit matches: \(matches) of \(total)")
        XCTAssertEqual(matches, total)
        XCTAssertGreaterThan(total, 500)
    }

    private func check<T: KernelFloat>(_ fixture: KernelFixtures.Sum, _: T.Type) -> Bool {
        let values = KernelFixtureData.values(
            seed: fixture.seed, count: fixture.count, kind: fixture.kind, as: T.self)
        let sum = SumReductions.sum(values), mean = SumReductions.mean(values)
        let expectedSum = FixtureBits.decode(fixture.sum, as: T.self)[0]
        let expectedMean = FixtureBits.decode(fixture.mean, as: T.self)[0]
        let ok = FixtureBits.identical(sum, expectedSum) && FixtureBits.identical(mean, expectedMean)
        if !ok {
            XCTFail("\(fixture.dtype) n=\(fixture.count) threads=\(fixture.threads): sum \(sum) vs "
                + "\(expectedSum), mean \(mean) vs \(expectedMean)")
        }
        return ok
    }

    /// Sums and means along one axis of 1-d to 4-d tensors (inner and outer axes).
    func testAxisSumsAreBitIdenticalToPyTorch() throws {
        var matches = 0, total = 0
        for fixture in try KernelFixtures.load().axisSums {
            let split = try AxisSplit(shape: fixture.shape, dim: fixture.dim)
            let ok = fixture.dtype == "float64"
                ? checkAxis(fixture, split, Double.self) : checkAxis(fixture, split, Float.self)
            total += 1
            if ok { matches += 1 }
        }
        print("axis sum/mean bit matches: \(matches) of \(total)")
        XCTAssertEqual(matches, total)
    }

    private func checkAxis<T: KernelFloat>(
        _ fixture: KernelFixtures.AxisSum, _ split: AxisSplit, _: T.Type
    ) -> Bool {
        let values = KernelFixtureData.values(
            seed: fixture.seed, count: fixture.shape.reduce(1, *), kind: fixture.kind, as: T.self)
        let sums = SumReductions.sum(values, split), means = SumReductions.mean(values, split)
        let expectedSums = FixtureBits.decode(fixture.sum, as: T.self)
        let expectedMeans = FixtureBits.decode(fixture.mean, as: T.self)
        let ok = sums.count == expectedSums.count
            && zip(sums, expectedSums).allSatisfy(FixtureBits.identical)
            && zip(means, expectedMeans).allSatisfy(FixtureBits.identical)
        if !ok { XCTFail("\(fixture.dtype) shape \(fixture.shape) dim \(fixture.dim) differs") }
        return ok
    }

    /// Sums, means, var and std over several dims at once (adjacent or not).
    func testMultiDimReductionsAreBitIdenticalToPyTorch() throws {
        var matches = 0, total = 0
        for fixture in try KernelFixtures.load().multiSums {
            let layout = try ReductionLayout(shape: fixture.shape, dims: fixture.dims)
            let ok = fixture.dtype == "float64"
                ? checkMulti(fixture, layout, Double.self) : checkMulti(fixture, layout, Float.self)
            total += 1
            if ok { matches += 1 }
        }
        print("multi-dim sum/mean/var/std bit matches: \(matches) of \(total)")
        XCTAssertEqual(matches, total)
    }

    private func checkMulti<T: KernelFloat>(
        _ fixture: KernelFixtures.MultiSum, _ layout: ReductionLayout, _: T.Type
    ) -> Bool {
        let values = KernelFixtureData.values(
            seed: fixture.seed, count: fixture.shape.reduce(1, *), kind: fixture.kind, as: T.self)
        let results: [(String, [T], String)] = [
            ("sum", SumReductions.sum(values, layout), fixture.sum),
            ("mean", SumReductions.mean(values, layout), fixture.mean),
            ("var", VarianceReductions.alongDims(values, layout, correction: 1, takeSqrt: false), fixture.var),
            ("std", VarianceReductions.alongDims(values, layout, correction: 0, takeSqrt: true), fixture.std),
        ]
        var ok = true
        for (name, actual, bits) in results {
            let expected = FixtureBits.decode(bits, as: T.self)
            if actual.count != expected.count || !zip(actual, expected).allSatisfy(FixtureBits.identical) {
                XCTFail("\(fixture.dtype) shape \(fixture.shape) dims \(fixture.dims) \(name) differs")
                ok = false
            }
        }
        return ok
    }

    func testReductionLayoutMergesLikeTensorIterator() throws {
        let layout = try ReductionLayout(shape: [2, 1, 3, 4, 5], dims: [0, 3, -1])
        XCTAssertEqual(layout.resultShape, [1, 3])
        XCTAssertEqual(layout.reducedCount, 40)
        XCTAssertNil(layout.singleAxis)
        XCTAssertEqual(try ReductionLayout(shape: [2, 3, 4], dims: [1, 2]).singleAxis, AxisSplit(outer: 2, axis: 12, inner: 1))
        XCTAssertEqual(try ReductionLayout(shape: [2, 3], dims: []).resultShape, [])
        XCTAssertThrowsError(try ReductionLayout(shape: [2, 3, 4], dims: [1, -2])) { error in
            XCTAssertEqual(error as? TorchError, .runtime("dim 1 appears multiple times in the list of dims"))
        }
    }

    func testIntegerSumsWrapAndProductsMultiply() throws {
        XCTAssertEqual(SumReductions.sum([Int64.max, 1]), Int64.min)
        let split = try AxisSplit(shape: [2, 3], dim: 1)
        XCTAssertEqual(SumReductions.sum([1, 2, 3, 4, 5, 6] as [Int64], split), [6, 15])
        XCTAssertEqual(SumReductions.prod([1, 2, 3, 4, 5, 6] as [Int64], try AxisSplit(shape: [2, 3], dim: 0)), [4, 10, 18])
        XCTAssertEqual(SumReductions.sum([Float](), AxisSplit(outer: 2, axis: 0, inner: 3)), [0, 0, 0, 0, 0, 0])
        XCTAssertTrue(SumReductions.mean([Float]()).isNaN)
    }

    func testNegativeZeroSumsToPositiveZeroAsInPyTorch() {
        XCTAssertEqual(SumReductions.sum([-0.0 as Float]).sign, .plus)
        XCTAssertEqual(SumReductions.sum([-0.0 as Float], AxisSplit(outer: 1, axis: 1, inner: 2)).map(\.sign), [.plus, .plus])
    }

    func testDimOutOfRangeIsPyTorchsIndexError() {
        XCTAssertThrowsError(try AxisSplit(shape: [3], dim: 1)) { error in
            XCTAssertEqual(
                error as? TorchError,
                .index("Dimension out of range (expected to be in range of [-1, 0], but got 1)"))
        }
        XCTAssertEqual(try AxisSplit(shape: [], dim: -1), AxisSplit(outer: 1, axis: 1, inner: 1))
        XCTAssertEqual(try AxisSplit(shape: [2, 3, 4], dim: -2), AxisSplit(outer: 2, axis: 3, inner: 4))
    }
}
