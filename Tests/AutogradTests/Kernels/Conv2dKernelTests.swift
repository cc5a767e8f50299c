import XCTest
@testable import Autograd

final class Conv2dKernelTests: XCTestCase {
    /// PyTorch convolves with oneDNN, which sums in its own order: values agree to rounding.
    func testForwardAndBackwardAgainstPyTorch() throws {
        for fixture in try KernelFixtures.load().conv {
            if fixture.dtype == "float64" { try check(fixture, Double.self, tolerance: 1e-12) }
            else { try check(fixture, Float.self, tolerance: 1e-5) }
        }
        print("conv2d elements bit-identical to PyTorch: \(identical) of \(compared)")
    }

    private var identical = 0, compared = 0

    private func check<T: KernelFloat>(_ f: KernelFixtures.Conv, _: T.Type, tolerance: Double) throws {
        let geometry = try Conv2dGeometry(
            inputShape: f.input, weightShape: f.weight, biasShape: f.bias ? [f.weight[0]] : nil,
            stride: f.stride, padding: f.padding, dilation: f.dilation)
        XCTAssertEqual(geometry.outputShape, f.outputShape)
        let input = KernelFixtureData.values(seed: f.seeds[0], count: f.input.reduce(1, *), as: T.self)
        let weight = KernelFixtureData.values(seed: f.seeds[1], count: f.weight.reduce(1, *), as: T.self)
        let bias = f.bias ? KernelFixtureData.values(seed: f.seeds[2], count: f.weight[0], as: T.self) : nil
        let gradOutput = KernelFixtureData.values(seed: f.seeds[3], count: f.outputShape.reduce(1, *), as: T.self)
        let label = "conv \(f.dtype) \(f.input) \(f.weight) s\(f.stride) p\(f.padding) d\(f.dilation)"
        let output = Conv2dKernels.forward(input: input, weight: weight, bias: bias, geometry: geometry)
        assertClose(output, f.output, tolerance, "\(label) output")
        let gradients = Conv2dKernels.backward(
            gradOutput: gradOutput, input: input, weight: weight, geometry: geometry, needsBias: f.bias)
        assertClose(gradients.input ?? [], f.gradInput, tolerance, "\(label) grad input")
        assertClose(gradients.weight ?? [], f.gradWeight, tolerance, "\(label) grad weight")
        if let gradBias = f.gradBias { assertClose(gradients.bias ?? [], gradBias, tolerance, "\(label) grad bias") }
    }

    private func assertClose<T: KernelFloat>(_ actual: [T], _ bits: String, _ tolerance: Double, _ label: String) {
        let expected = FixtureBits.decode(bits, as: T.self)
        XCTAssertEqual(actual.count, expected.count, label)
        compared += expected.count
        identical += zip(actual, expected).filter { FixtureBits.identical($0, $1) }.count
        for (a, e) in zip(actual, expected) where abs(Double(a) - Double(e)) > tolerance * max(1, abs(Double(e))) {
            return XCTFail("\(label): \(a) vs \(e)")
        }
    }

    func testBackwardMatchesFiniteDifferences() throws {
        let geometry = try Conv2dGeometry(
            inputShape: [2, 2, 5, 6], weightShape: [3, 2, 3, 2], biasShape: [3],
            stride: [2, 1], padding: [1, 1], dilation: [1, 2])
        let input = KernelFixtureData.values(seed: 1, count: 2 * 2 * 5 * 6, as: Double.self)
        let weight = KernelFixtureData.values(seed: 2, count: 3 * 2 * 3 * 2, as: Double.self)
        let bias = KernelFixtureData.values(seed: 3, count: 3, as: Double.self)
        let upstream = KernelFixtureData.values(seed: 4, count: geometry.outputShape.reduce(1, *), as: Double.self)
        let gradients = Conv2dKernels.backward(
            gradOutput: upstream, input: input, weight: weight, geometry: geometry, needsBias: true)
        FiniteDifferences.assertClose(
            gradients.input ?? [],
            FiniteDifferences.gradient(
                of: { Conv2dKernels.forward(input: $0, weight: weight, bias: bias, geometry: geometry) },
                at: input, upstream: upstream), "conv grad input")
        FiniteDifferences.assertClose(
            gradients.weight ?? [],
            FiniteDifferences.gradient(
                of: { Conv2dKernels.forward(input: input, weight: $0, bias: bias, geometry: geometry) },
                at: weight, upstream: upstream), "conv grad weight")
        FiniteDifferences.assertClose(
            gradients.bias ?? [],
            FiniteDifferences.gradient(
                of: { Conv2dKernels.forward(input: input, weight: weight, bias: $0, geometry: geometry) },
                at: bias, upstream: upstream), "conv grad bias")
    }

    func testEmptyBatchGivesEmptyOutput() throws {
        let geometry = try Conv2dGeometry(inputShape: [0, 3, 5, 5], weightShape: [6, 3, 3, 3])
        XCTAssertEqual(geometry.outputShape, [0, 6, 3, 3])
        XCTAssertEqual(
            Conv2dKernels.forward(input: [Float](), weight: [Float](repeating: 1, count: 162), bias: nil,
                                  geometry: geometry), [])
    }
}

final class TorchErrorMessageTests: XCTestCase {
    /// Every conv2d / max_pool2d / avg_pool2d argument check against PyTorch's exact text.
    func testValidationMatchesPyTorch() throws {
        for fixture in try KernelFixtures.load().errors {
            let actual: String
            do {
                actual = "OK " + Conv2dGeometry.listRepr(try outputShape(fixture))
            } catch let error as TorchError {
                actual = error.description
            }
            XCTAssertEqual(actual, fixture.expected, "\(fixture.op) \(fixture.input)")
        }
    }

    private func outputShape(_ f: KernelFixtures.ErrorCase) throws -> [Int] {
        switch f.op {
        case "conv2d":
            return try Conv2dGeometry(
                inputShape: f.input, weightShape: f.weight ?? [], biasShape: f.bias,
                stride: f.stride, padding: f.padding, dilation: f.dilation).outputShape
        case "max_pool2d":
            return try Pool2dGeometry.maxPool(
                inputShape: f.input, kernel: f.kernel ?? [], stride: f.stride, padding: f.padding,
                dilation: f.dilation, ceilMode: f.ceilMode ?? false).outputShape
        default:
            return try Pool2dGeometry.avgPool(
                inputShape: f.input, kernel: f.kernel ?? [], stride: f.stride, padding: f.padding,
                ceilMode: f.ceilMode ?? false, divisorOverride: f.divisorOverride).outputShape
        }
    }
}
