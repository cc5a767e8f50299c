import XCTest
@testable import Autograd

final class Pool2dKernelTests: XCTestCase {
    /// Pooling does no reassociation, so values, indices and gradients match bit for bit.
    func testMaxAndAveragePoolingAgainstPyTorch() throws {
        for fixture in try KernelFixtures.load().pools {
            if fixture.dtype == "float64" { try check(fixture, Double.self) } else { try check(fixture, Float.self) }
        }
    }

    /// The vectorised 2×2 / stride-2 path against a plain scan with PyTorch's rules
    /// (first maximum in row-major order wins; NaN wins, the last NaN of a window).
    func testTwoByTwoPoolingMatchesTheScan() throws {
        let shape = [2, 3, 10, 37]
        // Few distinct values (ties), NaNs and -inf, in a fixed scrambled order.
        let choices: [Float] = [-1, 0, 0, 1, 2, 2, .nan, -.infinity, 0.5]
        let input = (0..<shape.reduce(1, *)).map { choices[($0 &* 7919 &+ $0 / 5) % choices.count] }
        let geometry = try Pool2dGeometry.maxPool(inputShape: shape, kernel: [2])
        let (values, indices) = Pool2dKernels.maxPoolForward(input, geometry: geometry)
        let (height, width) = (shape[2], shape[3])
        var slot = 0
        for plane in 0..<6 {
            for row in 0..<geometry.outHeight {
                for column in 0..<geometry.outWidth {
                    var best = -Float.infinity
                    var bestIndex = 2 * row * width + 2 * column
                    for dy in 0..<2 {
                        for dx in 0..<2 {
                            let index = (2 * row + dy) * width + 2 * column + dx
                            let value = input[plane * height * width + index]
                            if value > best || value.isNaN { best = value; bestIndex = index }
                        }
                    }
                    XCTAssertEqual(indices[slot], Int64(bestIndex), "plane \(plane) (\(row), \(column))")
                    XCTAssertTrue(values[slot] == best || (values[slot].isNaN && best.isNaN))
                    slot += 1
                }
            }
        }
    }

    private func check<T: KernelFloat>(_ f: KernelFixtures.Pool, _: T.Type) throws {
        let label = "pool \(f.dtype) \(f.kind) \(f.input) k\(f.kernel) s\(f.stride) p\(f.padding) "
            + "d\(f.dilation) ceil \(f.ceilMode)"
        let input = KernelFixtureData.values(seed: f.seeds[0], count: f.input.reduce(1, *), kind: f.kind, as: T.self)
        let geometry = try Pool2dGeometry.maxPool(
            inputShape: f.input, kernel: f.kernel, stride: f.stride, padding: f.padding,
            dilation: f.dilation, ceilMode: f.ceilMode)
        XCTAssertEqual(geometry.outputShape, f.outputShape, label)
        let (values, indices) = Pool2dKernels.maxPoolForward(input, geometry: geometry)
        assertIdentical(values, f.maxValues, "\(label) max values")
        XCTAssertEqual(indices, f.maxIndices, "\(label) max indices")
        let gradOutput = KernelFixtureData.values(seed: f.seeds[1], count: values.count, as: T.self)
        assertIdentical(
            Pool2dKernels.maxPoolBackward(gradOutput: gradOutput, indices: indices, geometry: geometry),
            f.maxGrad, "\(label) max grad")
        guard let avgValues = f.avgValues, let avgGrad = f.avgGrad, let include = f.countIncludePad else { return }
        let avgGeometry = try Pool2dGeometry.avgPool(
            inputShape: f.input, kernel: f.kernel, stride: f.stride, padding: f.padding,
            ceilMode: f.ceilMode, divisorOverride: f.divisorOverride)
        XCTAssertEqual(avgGeometry.outputShape, f.avgShape, label)
        assertIdentical(
            Pool2dKernels.avgPoolForward(
                input, geometry: avgGeometry, countIncludePad: include, divisorOverride: f.divisorOverride),
            avgValues, "\(label) avg values include_pad \(include) divisor \(String(describing: f.divisorOverride))")
        let avgUpstream = KernelFixtureData.values(
            seed: f.seeds[1], count: avgGeometry.outputShape.reduce(1, *), as: T.self)
        assertIdentical(
            Pool2dKernels.avgPoolBackward(
                gradOutput: avgUpstream, geometry: avgGeometry, countIncludePad: include,
                divisorOverride: f.divisorOverride),
            avgGrad, "\(label) avg grad")
    }

    private func assertIdentical<T: KernelFloat>(_ actual: [T], _ bits: String, _ label: String) {
        let expected = FixtureBits.decode(bits, as: T.self)
        XCTAssertEqual(actual.count, expected.count, label)
        if let index = zip(actual, expected).enumerated().first(where: { !FixtureBits.identical($0.element.0, $0.element.1) })?.offset {
            XCTFail("\(label)[\(index)]: \(actual[index]) vs \(expected[index])")
        }
    }

    func testBackwardMatchesFiniteDifferences() throws {
        let shape = [2, 2, 7, 6]
        let input = KernelFixtureData.values(seed: 5, count: shape.reduce(1, *), as: Double.self)
        let maxGeometry = try Pool2dGeometry.maxPool(
            inputShape: shape, kernel: [3, 2], stride: [2, 1], padding: [1, 1], dilation: [1, 2], ceilMode: true)
        let upstream = KernelFixtureData.values(seed: 6, count: maxGeometry.outputShape.reduce(1, *), as: Double.self)
        let (_, indices) = Pool2dKernels.maxPoolForward(input, geometry: maxGeometry)
        FiniteDifferences.assertClose(
            Pool2dKernels.maxPoolBackward(gradOutput: upstream, indices: indices, geometry: maxGeometry),
            FiniteDifferences.gradient(
                of: { Pool2dKernels.maxPoolForward($0, geometry: maxGeometry).values }, at: input,
                upstream: upstream), "max pool grad")
        for include in [true, false] {
            let geometry = try Pool2dGeometry.avgPool(
                inputShape: shape, kernel: [3, 3], stride: [2, 2], padding: [1, 1], ceilMode: true)
            let avgUpstream = KernelFixtureData.values(
                seed: 7, count: geometry.outputShape.reduce(1, *), as: Double.self)
            FiniteDifferences.assertClose(
                Pool2dKernels.avgPoolBackward(gradOutput: avgUpstream, geometry: geometry, countIncludePad: include),
                FiniteDifferences.gradient(
                    of: { Pool2dKernels.avgPoolForward($0, geometry: geometry, countIncludePad: include) },
                    at: input, upstream: avgUpstream), "avg pool grad include_pad \(include)")
        }
    }
}
