import XCTest
@testable import Autograd

final class SoftmaxKernelTests: XCTestCase {
    /// PyTorch's float32 softmax uses its own vectorised exp, so bits can differ by an ulp
    /// or two; this reports the match rate and bounds the difference.
    func testForwardAndBackwardAgainstPyTorch() throws {
        var tally = [String: (match: Int, total: Int, worst: Int)]()
        for fixture in try KernelFixtures.load().softmax {
            if fixture.dtype == "float64" {
                compare(fixture, Double.self, into: &tally)
            } else {
                compare(fixture, Float.self, into: &tally)
            }
        }
        for (name, entry) in tally.sorted(by: { $0.key < $1.key }) {
            let rate = Double(entry.match) / Double(max(entry.total, 1))
            print("\(name): \(entry.match) of \(entry.total) elements bit-identical "
                + "(\(String(format: "%.1f", rate * 100))%), worst \(entry.worst) ulp")
            // Softmax differences come only from PyTorch's exp: at most a few ulp.
            if name.hasSuffix("softmax forward") && !name.contains("log") {
                XCTAssertLessThanOrEqual(entry.worst, 8, name)
            }
            XCTAssertGreaterThan(rate, 0.6, name)
        }
    }

    private func compare<T: KernelFloat>(
        _ fixture: KernelFixtures.Softmax, _: T.Type,
        into tally: inout [String: (match: Int, total: Int, worst: Int)]
    ) {
        let count = fixture.shape.reduce(1, *)
        let scale = T(fixture.scale)
        let input = KernelFixtureData.values(seed: fixture.seed, count: count, as: T.self).map { $0 * scale }
        let grad = KernelFixtureData.values(seed: fixture.gradSeed, count: count, as: T.self)
        guard let split = try? AxisSplit(shape: fixture.shape, dim: fixture.dim) else {
            return XCTFail("bad fixture dim")
        }
        // Backward kernels start from PyTorch's own forward output, to judge them alone.
        let torchSoft = FixtureBits.decode(fixture.softmax, as: T.self)
        let torchLogSoft = FixtureBits.decode(fixture.logSoftmax, as: T.self)
        let results: [(String, [T], String)] = [
            ("softmax forward", SoftmaxKernels.softmax(input, split), fixture.softmax),
            ("log_softmax forward", SoftmaxKernels.logSoftmax(input, split), fixture.logSoftmax),
            ("softmax backward", SoftmaxKernels.softmaxBackward(gradOutput: grad, output: torchSoft, split),
             fixture.softmaxGrad),
            ("log_softmax backward",
             SoftmaxKernels.logSoftmaxBackward(gradOutput: grad, output: torchLogSoft, split),
             fixture.logSoftmaxGrad),
        ]
        for (name, actual, expectedBits) in results {
            let expected = FixtureBits.decode(expectedBits, as: T.self)
            let key = "\(fixture.dtype) \(name)"
            var entry = tally[key] ?? (0, 0, 0)
            for (a, e) in zip(actual, expected) {
                let distance = FixtureBits.ulps(a, e)
                entry.total += 1
                if distance == 0 { entry.match += 1 }
                // log_softmax and gradients near zero come from cancellation; judge them absolutely.
                if name.hasSuffix("backward") || name.hasPrefix("log") {
                    XCTAssertEqual(Double(a), Double(e), accuracy: T.self == Float.self ? 1e-6 : 1e-14, key)
                } else {
                    entry.worst = max(entry.worst, distance)
                }
            }
            tally[key] = entry
        }
    }

    func testBackwardMatchesFiniteDifferences() throws {
        for (shape, dim) in [([2, 5], 1), ([4, 3], 0), ([2, 3, 4], 1), ([20], 0)] {
            let split = try AxisSplit(shape: shape, dim: dim)
            let count = shape.reduce(1, *)
            let x = KernelFixtureData.values(seed: 11 + count, count: count, as: Double.self).map { $0 * 3 }
            let g = KernelFixtureData.values(seed: 99 + count, count: count, as: Double.self)
            let soft = SoftmaxKernels.softmax(x, split)
            FiniteDifferences.assertClose(
                SoftmaxKernels.softmaxBackward(gradOutput: g, output: soft, split),
                FiniteDifferences.gradient(of: { SoftmaxKernels.softmax($0, split) }, at: x, upstream: g),
                "softmax \(shape) dim \(dim)")
            let logSoft = SoftmaxKernels.logSoftmax(x, split)
            FiniteDifferences.assertClose(
                SoftmaxKernels.logSoftmaxBackward(gradOutput: g, output: logSoft, split),
                FiniteDifferences.gradient(of: { SoftmaxKernels.logSoftmax($0, split) }, at: x, upstream: g),
                "log_softmax \(shape) dim \(dim)")
        }
    }

    func testStableForHugeInputsAndNaNPropagates() {
        let split = AxisSplit(outer: 1, axis: 3, inner: 1)
        XCTAssertEqual(SoftmaxKernels.softmax([1000, 1000, -1000] as [Float], split), [0.5, 0.5, 0])
        XCTAssertTrue(SoftmaxKernels.softmax([1, .nan, 2] as [Float], split).allSatisfy(\.isNaN))
        XCTAssertTrue(SoftmaxKernels.logSoftmax([1, 2, .nan] as [Float], split).allSatisfy(\.isNaN))
        XCTAssertEqual(SoftmaxKernels.softmax([Float](), AxisSplit(outer: 2, axis: 0, inner: 1)), [])
    }
}
