import XCTest

/// Central finite differences in float64 for checking backward kernels: with a
/// fixed upstream gradient g, the gradient of L(x) = Σ g·f(x) is compared with
/// what the backward kernel returns.
enum FiniteDifferences {
    static func gradient(
        of function: ([Double]) -> [Double], at point: [Double], upstream: [Double], step: Double = 1e-6
    ) -> [Double] {
        var shifted = point
        return point.indices.map { index in
            shifted[index] = point[index] + step
            let plus = zip(function(shifted), upstream).reduce(0) { $0 + $1.0 * $1.1 }
            shifted[index] = point[index] - step
            let minus = zip(function(shifted), upstream).reduce(0) { $0 + $1.0 * $1.1 }
            shifted[index] = point[index]
            return (plus - minus) / (2 * step)
        }
    }

    static func assertClose(
        _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-6, _ label: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(actual.count, expected.count, label, file: file, line: line)
        for (index, (a, e)) in zip(actual, expected).enumerated()
        where abs(a - e) > tolerance * max(1, abs(e)) {
            XCTFail("\(label)[\(index)]: \(a) vs finite difference \(e)", file: file, line: line)
            return
        }
    }
}
