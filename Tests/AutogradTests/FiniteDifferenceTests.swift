import XCTest
@testable import Autograd

/// Every differentiable op's backward rule against central finite differences in float64.
final class FiniteDifferenceTests: XCTestCase {
    /// Checks d(sum(f(x) * w))/dx against (F(x+h) − F(x−h)) / 2h for a fixed random weighting w.
    func check(_ name: String, shape: [Int] = [2, 3], inputs count: Int = 1, low: Double = -2, high: Double = 2,
               file: StaticString = #filePath, line: UInt = #line, _ f: ([Tensor]) throws -> Tensor) throws {
        var seed: UInt64 = 12345
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let xs = (0..<count).map { _ in Tensor(shape: shape, doubles: (0..<Shape.count(shape)).map { _ in low + (high - low) * next() }, requiresGrad: true) }
        let out = try f(xs)
        let w = Tensor(shape: out.shape, doubles: (0..<out.count).map { _ in next() - 0.5 })
        try out.mul(w).sum().backward()
        let h = 1e-6
        for x in xs {
            let analytic = x.grad?.doubles() ?? []
            XCTAssertEqual(analytic.count, x.count, "\(name): missing gradient", file: file, line: line)
            for i in 0..<x.count {
                let orig = x.storage.f64[i]
                x.storage.f64[i] = orig + h
                let plus = try GradMode.with(enabled: false) { try f(xs).mul(w).sum().scalarDouble() }
                x.storage.f64[i] = orig - h
                let minus = try GradMode.with(enabled: false) { try f(xs).mul(w).sum().scalarDouble() }
                x.storage.f64[i] = orig
                let numeric = (plus - minus) / (2 * h)
                XCTAssertEqual(analytic[i], numeric, accuracy: 1e-5 * max(1, abs(numeric)), "\(name) element \(i)", file: file, line: line)
            }
        }
    }

    func testArithmetic() throws {
        try check("add", inputs: 2) { try $0[0].add($0[1]) }
        try check("add alpha", inputs: 2) { try $0[0].add($0[1], alpha: 2.5) }
        try check("sub", inputs: 2) { try $0[0].sub($0[1]) }
        try check("mul", inputs: 2) { try $0[0].mul($0[1]) }
        try check("div", inputs: 2, low: 0.5, high: 2) { try $0[0].div($0[1]) }
        try check("rsub") { try $0[0].rsub(Tensor.wrapped(1, dtype: .int64)) }
        try check("neg") { try $0[0].neg() }
        try check("reciprocal", low: 0.5, high: 2) { try $0[0].reciprocal() }
        try check("pow 2") { try $0[0].pow(2) }
        try check("pow 0.5", low: 0.5, high: 2) { try $0[0].pow(0.5) }
        try check("pow -1.5", low: 0.5, high: 2) { try $0[0].pow(-1.5) }
        try check("pow tensor", inputs: 2, low: 0.5, high: 2) { try $0[0].pow($0[1]) }
        try check("broadcast mul") { xs in
            let row = try xs[0].slice(0, start: 0, end: 1)
            return try xs[0].mul(row)
        }
    }

    func testUnary() throws {
        try check("exp") { try $0[0].exp() }
        try check("log", low: 0.5, high: 3) { try $0[0].log() }
        try check("log1p", low: 0.5, high: 3) { try $0[0].log1p() }
        try check("sqrt", low: 0.5, high: 3) { try $0[0].sqrt() }
        try check("rsqrt", low: 0.5, high: 3) { try $0[0].rsqrt() }
        try check("abs", low: 0.1, high: 2) { try $0[0].abs() }
        try check("sin") { try $0[0].sin() }
        try check("cos") { try $0[0].cos() }
        try check("tanh") { try $0[0].tanh() }
        try check("sigmoid") { try $0[0].sigmoid() }
        try check("relu", low: 0.1, high: 2) { try $0[0].relu() }
        try check("leaky_relu") { try $0[0].leakyRelu(0.2) }
    }

    func testReductionsAndViews() throws {
        try check("sum") { try $0[0].sum() }
        try check("sum dim") { try $0[0].sum(dims: [1]) }
        try check("sum keepdim") { try $0[0].sum(dims: [0], keepdim: true) }
        try check("mean") { try $0[0].mean() }
        try check("mean dim") { try $0[0].mean(dims: [-1]) }
        try check("view") { try $0[0].view([3, 2]) }
        try check("reshape of transpose") { try $0[0].t().reshape([-1]) }
        try check("transpose") { try $0[0].transpose(0, 1) }
        try check("permute") { try $0[0].permute([1, 0]) }
        try check("unsqueeze+expand") { try $0[0].unsqueeze(0).expand([4, 2, 3]) }
        try check("select") { try $0[0].select(1, -1) }
        try check("slice step") { try $0[0].slice(1, start: 0, end: nil, step: 2) }
        try check("mse", inputs: 2) { try $0[0].mseLoss($0[1]) }
        try check("where", inputs: 2) { xs in try Tensor.where(xs[0].gt(Tensor.wrapped(0, dtype: .int64)), xs[0], xs[1]) }
    }

    func testDoubleBackward() throws {
        // d²(x³)/dx² = 6x
        let x = Tensor(shape: [], doubles: [2], requiresGrad: true)
        let y = try x.pow(3)
        let (g) = try Backward.grad(outputs: [y], inputs: [x], createGraph: true)
        XCTAssertEqual(try g[0]?.scalarDouble(), 12)
        try g[0]!.backward()
        XCTAssertEqual(try x.grad?.scalarDouble(), 12)
    }
}
