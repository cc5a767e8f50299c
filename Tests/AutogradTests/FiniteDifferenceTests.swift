import XCTest
@testable import Autograd

/// Every differentiable op's backward rule against central finite differences in float64.
final class FiniteDifferenceTests: XCTestCase {
    /// Checks f's reverse rule (d(sum(f(x)·w))/dx against central differences)
    /// and its forward rule (the jvp along a random direction v against
    /// (f(x + hv) − f(x − hv)) / 2h), all in float64.
    func check(_ name: String, shape: [Int] = [2, 3], inputs count: Int = 1, low: Double = -2, high: Double = 2,
               forwardMode: Bool = true, file: StaticString = #filePath, line: UInt = #line, _ f: ([Tensor]) throws -> Tensor) throws {
        var seed: UInt64 = 12345
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let xs = (0..<count).map { _ in Tensor(shape: shape, doubles: (0..<Shape.count(shape)).map { _ in low + (high - low) * next() }, requiresGrad: true) }
        try assertGraphFreesOutput(name, file: file, line: line) { try f(xs) }
        let out = try f(xs)
        let w = Tensor(shape: out.shape, doubles: (0..<out.count).map { _ in next() - 0.5 })
        try out.mul(w).sum().backward()
        let h = 1e-6
        func weighted() throws -> Double { try GradMode.with(enabled: false) { try f(xs).mul(w).sum().scalarDouble() } }
        for x in xs {
            let analytic = x.grad?.doubles() ?? []
            XCTAssertEqual(analytic.count, x.count, "\(name): missing gradient", file: file, line: line)
            guard analytic.count == x.count else { continue }
            for i in 0..<x.count {
                let orig = x.storage.f64[i]
                x.storage.f64[i] = orig + h
                let plus = try weighted()
                x.storage.f64[i] = orig - h
                let minus = try weighted()
                x.storage.f64[i] = orig
                let numeric = (plus - minus) / (2 * h)
                XCTAssertEqual(analytic[i], numeric, accuracy: 1e-5 * max(1, abs(numeric)), "\(name) element \(i)", file: file, line: line)
            }
        }
        // Forward mode along v.
        guard forwardMode else { return }
        let directions = xs.map { x in Tensor(shape: x.shape, doubles: (0..<x.count).map { _ in next() - 0.5 }) }
        let (_, jvp) = try ForwardAD.jvp(f, primals: xs, tangents: directions)
        func shifted(_ sign: Double) throws -> [Double] {
            let moved = try zip(xs, directions).map { x, v in try x.detach().add(v, alpha: sign * h) }
            return try GradMode.with(enabled: false) { try f(moved).doubles() }
        }
        let plus = try shifted(1), minus = try shifted(-1)
        let forward = jvp.doubles()
        XCTAssertEqual(forward.count, plus.count, "\(name): jvp shape", file: file, line: line)
        for i in 0..<min(forward.count, plus.count) {
            let numeric = (plus[i] - minus[i]) / (2 * h)
            XCTAssertEqual(forward[i], numeric, accuracy: 1e-5 * max(1, abs(numeric)), "\(name) jvp element \(i)", file: file, line: line)
        }
    }

    /// The recorded graph must not keep its own output alive: a rule that held
    /// its result would form a cycle (result → grad_fn → rule → result) and leak
    /// every result of the op in a training loop.
    func assertGraphFreesOutput(_ name: String, file: StaticString, line: UInt, _ make: () throws -> Tensor) throws {
        weak var probe: Tensor?
        var node: Node?
        try {
            let out = try make()
            probe = out
            node = out.gradFn
        }()
        XCTAssertNotNil(node, "\(name): no grad_fn recorded", file: file, line: line)
        XCTAssertNil(probe, "\(name): the op's grad_fn keeps its output alive", file: file, line: line)
    }

    /// Checks second derivatives: the gradient (create_graph) of ⟨∇(sum f·w), v⟩
    /// against central differences of the first gradient along each coordinate.
    func checkSecondOrder(_ name: String, shape: [Int] = [2, 3], low: Double = -2, high: Double = 2,
                          file: StaticString = #filePath, line: UInt = #line, _ f: (Tensor) throws -> Tensor) throws {
        var seed: UInt64 = 999
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let x = Tensor(shape: shape, doubles: (0..<Shape.count(shape)).map { _ in low + (high - low) * next() }, requiresGrad: true)
        let w0 = try f(x)
        let w = Tensor(shape: w0.shape, doubles: (0..<w0.count).map { _ in next() - 0.5 })
        let v = Tensor(shape: shape, doubles: (0..<x.count).map { _ in next() - 0.5 })
        func firstGradient(_ at: Tensor, createGraph: Bool) throws -> Tensor {
            let y = try f(at).mul(w).sum()
            guard let g = try Backward.grad(outputs: [y], inputs: [at], createGraph: createGraph)[0] else {
                throw TorchError.runtime("no gradient")
            }
            return g
        }
        let g = try firstGradient(x, createGraph: true)
        let hessianV = try Backward.grad(outputs: [g.mul(v).sum()], inputs: [x], allowUnused: true)[0]
        let analytic = try hessianV?.doubles() ?? [Double](repeating: 0, count: x.count)
        let h = 1e-5
        for i in 0..<x.count {
            func gradientDotV(_ delta: Double) throws -> Double {
                var values = x.doubles()
                values[i] += delta
                let moved = Tensor(shape: shape, doubles: values, requiresGrad: true)
                return try firstGradient(moved, createGraph: false).mul(v).sum().scalarDouble()
            }
            let numeric = (try gradientDotV(h) - gradientDotV(-h)) / (2 * h)
            XCTAssertEqual(analytic[i], numeric, accuracy: 1e-4 * max(1, abs(numeric)), "\(name) second order element \(i)", file: file, line: line)
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
        try check("asin", low: -0.9, high: 0.9) { try $0[0].asin() }
        try check("acos", low: -0.9, high: 0.9) { try $0[0].acos() }
        try check("atan") { try $0[0].atan() }
        try check("sinh") { try $0[0].sinh() }
        try check("cosh") { try $0[0].cosh() }
        try check("selu") { try $0[0].selu() }
        try check("celu") { try $0[0].celu(alpha: 2) }
        try check("tril", shape: [3, 4]) { try $0[0].tril() }
        try check("triu -1 batched", shape: [2, 3, 3]) { try $0[0].triu(-1) }
        try check("pad", shape: [2, 3]) { try $0[0].constantPad([1, 2, 0, 1], value: 0.5) }
        try check("pad cropping", shape: [2, 4]) { try $0[0].constantPad([-1, 1]) }
        try checkSecondOrder("pad", shape: [2, 3]) { try $0.constantPad([2, 1]).pow(2) }
        try checkSecondOrder("asin", low: -0.9, high: 0.9) { try $0.asin() }
        try checkSecondOrder("atan") { try $0.atan() }
        try checkSecondOrder("cosh") { try $0.cosh() }
        try checkSecondOrder("tril of square", shape: [3, 3]) { try $0.tril(1).pow(2) }
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
        try check("unfold overlapping") { try $0[0].unfold(1, size: 2, step: 1) }
        try check("unfold strided", shape: [5, 2]) { try $0[0].unfold(0, size: 2, step: 2) }
        try check("mse", inputs: 2, forwardMode: false) { try $0[0].mseLoss($0[1]) }
        try check("where", inputs: 2) { xs in try Tensor.where(xs[0].gt(Tensor.wrapped(0, dtype: .int64)), xs[0], xs[1]) }
    }

    func testMoreElementwise() throws {
        try check("log2", low: 0.5, high: 3) { try $0[0].log2() }
        try check("log10", low: 0.5, high: 3) { try $0[0].log10() }
        try check("exp2") { try $0[0].exp2() }
        try check("expm1") { try $0[0].expm1() }
        try check("tan", low: -1, high: 1) { try $0[0].tan() }
        try check("erf") { try $0[0].erf() }
        try check("gelu") { try $0[0].gelu() }
        try check("gelu tanh") { try $0[0].gelu(approximate: "tanh") }
        try check("elu") { try $0[0].elu(alpha: 1.5) }
        try check("softplus") { try $0[0].softplus(beta: 2) }
        try check("silu") { try $0[0].silu() }
        try check("logsigmoid") { try $0[0].logSigmoid() }
        try check("hardtanh") { try $0[0].hardtanh(min: -1.5, max: 1.5) }
        try check("square") { try $0[0].square() }
        try check("frac", low: 0.1, high: 0.9) { try $0[0].frac() }
        try check("floor", low: 0.1, high: 0.9) { try $0[0].floor() }
        try check("clamp") { try $0[0].clamp(min: -1, max: 1) }
        try check("clamp_min") { try $0[0].clampMin(0.3) }
        try check("clamp tensors", inputs: 3) { try $0[0].clamp(min: $0[1], max: $0[2].add(Tensor.wrapped(3, dtype: .int64))) }
        try check("maximum", inputs: 2) { try $0[0].maximum($0[1]) }
        try check("minimum", inputs: 2) { try $0[0].minimum($0[1]) }
    }

    func testIndexingFamily() throws {
        let rows = Tensor(storage: Storage([2, 0, 2], dtype: .int64), shape: [3])
        try check("index list", shape: [3, 4]) { try $0[0].index([.tensor(rows)]) }
        try check("index two lists", shape: [3, 4]) { try $0[0].index([.tensor(rows), .tensor(rows)]) }
        try check("index mask", shape: [3, 4]) { try $0[0].index([.tensor($0[0].gt(Tensor.wrapped(0, dtype: .int64)))]) }
        try check("index mixed", shape: [3, 4, 2]) { try $0[0].index([.slice(start: 1, stop: nil, step: nil), .tensor(rows), .int(1)]) }
        try check("setitem tensor", shape: [3, 4], inputs: 2) { xs in
            let y = try xs[0].mul(Tensor.wrapped(2, dtype: .int64))
            try y.indexPut([.int(1)], xs[1].select(0, 0))
            return y
        }
        let distinctRows = Tensor(storage: Storage([2, 0], dtype: .int64), shape: [2])
        try check("setitem index_put", shape: [3, 4], inputs: 2) { xs in
            let y = try xs[0].mul(Tensor.wrapped(2, dtype: .int64))
            try y.indexPut([.tensor(distinctRows)], xs[1].slice(0, start: 0, end: 2))
            return y
        }
        try check("setitem scalar mask", shape: [3, 4]) { xs in
            let y = try xs[0].mul(xs[0])
            try y.indexPut([.tensor(xs[0].gt(Tensor.wrapped(0, dtype: .int64)))], Tensor.wrapped(1, dtype: .float64))
            return y
        }
        let cols = Tensor(storage: Storage([0, 3, 1, 1, 2, 0], dtype: .int64), shape: [3, 2])
        try check("gather", shape: [3, 4]) { try $0[0].gather(1, cols) }
        // Distinct targets: with duplicates PyTorch's rule (which we follow) credits every source.
        let distinctCols = Tensor(storage: Storage([0, 3, 1, 2, 2, 0], dtype: .int64), shape: [3, 2])
        try check("scatter", shape: [3, 4], inputs: 2) { try $0[0].scatter(1, distinctCols, src: $0[1]) }
        try check("scatter_add", shape: [3, 4], inputs: 2) { try $0[0].scatterAdd(1, cols, src: $0[1]) }
        try check("index_select", shape: [3, 4]) { try $0[0].indexSelect(0, rows) }
        try check("masked_fill", shape: [3, 4]) { try $0[0].maskedFill($0[0].lt(Tensor.wrapped(0, dtype: .int64)), Tensor.wrapped(2, dtype: .float64)) }
        try check("masked_select", shape: [3, 4]) { try $0[0].maskedSelect($0[0].lt(Tensor.wrapped(0, dtype: .int64))) }
        try check("cat", inputs: 2) { try Tensor.cat([$0[0], $0[1]], dim: 1) }
        try check("stack", inputs: 2) { try Tensor.stack([$0[0], $0[1]], dim: 2) }
        try check("split", shape: [5, 2]) { try $0[0].split(2)[1] }
        try check("unbind", shape: [3, 2]) { try $0[0].unbind(1)[0] }
        try check("repeat") { try $0[0].repeat([2, 1, 3]) }
        try check("flip") { try $0[0].flip([0, 1]) }
        try check("flatten", shape: [2, 3, 2]) { try $0[0].flatten(startDim: 1) }
    }

    func testReductionFamily() throws {
        try check("max") { try $0[0].max() }
        try check("max dim") { try $0[0].max(dim: 1).values }
        try check("min dim keepdim") { try $0[0].min(dim: 0, keepdim: true).values }
        try check("amax") { try $0[0].amax(dims: [1]) }
        try check("amin all") { try $0[0].amin() }
        try check("softmax") { try $0[0].softmax(dim: 1) }
        try check("softmax dim0") { try $0[0].softmax(dim: 0) }
        try check("log_softmax") { try $0[0].logSoftmax(dim: 1) }
        try check("logsumexp") { try $0[0].logsumexp(dims: [0]) }
        try check("var") { try $0[0].variance() }
        try check("var dim") { try $0[0].variance(dims: [1], correction: 0, keepdim: true) }
        try check("std") { try $0[0].std(dims: [0]) }
        try check("norm") { try $0[0].norm() }
        try check("norm dim") { try $0[0].norm(dims: [1]) }
        try check("norm 1") { try $0[0].norm(p: 1) }
        try check("norm 3") { try $0[0].norm(p: 3, dims: [0]) }
        try check("norm inf") { try $0[0].norm(p: .infinity) }
        try check("prod", low: 0.5, high: 2) { try $0[0].prod() }
        try check("prod dim", low: 0.5, high: 2) { try $0[0].prod(dim: 0) }
        try check("cumsum") { try $0[0].cumsum(dim: 1) }
        try check("matmul", inputs: 2) { try $0[0].matmul($0[1].t()) }
        try check("vec @ mat", shape: [3], inputs: 2) { try $0[0].matmul($0[1].unsqueeze(1).expand([3, 2])) }
    }

    func testConvolutionAndPooling() throws {
        try check("conv2d", shape: [2, 2, 4, 4], inputs: 2) { xs in
            try Tensor.conv2d(xs[0], xs[1].slice(0, start: 0, end: 1).slice(2, start: 0, end: 3).slice(3, start: 0, end: 3).expand([3, 2, 3, 3]))
        }
        try check("conv2d stride pad", shape: [1, 2, 5, 5], inputs: 2) { xs in
            try Tensor.conv2d(xs[0], xs[1].slice(2, start: 0, end: 2).slice(3, start: 0, end: 3), stride: [2, 2], padding: .explicit(1, 1))
        }
        try check("conv2d same dilation", shape: [1, 1, 5, 5], inputs: 2) { xs in
            try Tensor.conv2d(xs[0], xs[1].slice(2, start: 0, end: 2).slice(3, start: 0, end: 2), padding: .same, dilation: [2, 2])
        }
        try check("max_pool2d", shape: [1, 2, 4, 4]) { try $0[0].maxPool2d(kernel: [2]) }
        try check("max_pool2d overlapping", shape: [1, 1, 5, 5]) { try $0[0].maxPool2d(kernel: [3], stride: [2], padding: [1]) }
        try check("avg_pool2d", shape: [1, 1, 5, 5]) { try $0[0].avgPool2d(kernel: [3], stride: [2], padding: [1]) }
        try check("adaptive_avg_pool2d", shape: [1, 1, 5, 5]) { try $0[0].adaptiveAvgPool2d([2, 3]) }
    }

    func testLayerNormAndEmbedding() throws {
        try check("layer_norm", shape: [2, 5]) { try $0[0].layerNorm([5]) }
        try check("layer_norm affine", shape: [3, 4], inputs: 3) { xs in
            try xs[0].layerNorm([4], weight: xs[1].select(0, 0), bias: xs[2].select(0, 1))
        }
        try check("layer_norm weight only", shape: [2, 9], inputs: 2) { xs in try xs[0].layerNorm([9], weight: xs[1].select(0, 1)) }
        try check("layer_norm bias only", shape: [3, 2], inputs: 2) { xs in try xs[0].layerNorm([2], bias: xs[1].select(0, 2)) }
        try check("layer_norm two dims", shape: [2, 2, 3], inputs: 2) { xs in
            try xs[0].layerNorm([2, 3], weight: xs[1].select(0, 0), bias: xs[1].select(0, 1))
        }
        let ids = Tensor(storage: Storage([2, 0, 2, 3, 1, 2], dtype: .int64), shape: [2, 3])
        try check("embedding", shape: [4, 3]) { try $0[0].embedding(ids) }
        // padding_idx and scale_grad_by_freq change the gradient on purpose (EmbeddingOpTests checks them against PyTorch).
        try check("embedding 0-d index", shape: [4, 2]) { try $0[0].embedding(Tensor(storage: Storage([3], dtype: .int32), shape: [])) }
        try checkSecondOrder("layer_norm", shape: [2, 4]) { try $0.layerNorm([4]).pow(3) }
        try checkSecondOrder("layer_norm affine", shape: [3, 3]) { x in try x.layerNorm([3], weight: x.select(0, 1), bias: x.select(0, 2)).pow(2) }
        try checkSecondOrder("embedding", shape: [4, 3]) { try $0.embedding(ids, paddingIndex: 0).pow(2) }
    }

    func testSecondDerivatives() throws {
        try checkSecondOrder("exp") { try $0.exp() }
        try checkSecondOrder("tanh") { try $0.tanh() }
        try checkSecondOrder("sigmoid") { try $0.sigmoid() }
        try checkSecondOrder("pow 3") { try $0.pow(3) }
        try checkSecondOrder("div", low: 0.5, high: 2) { try $0.reciprocal().mul($0.sin()) }
        try checkSecondOrder("softmax") { try $0.softmax(dim: 1) }
        try checkSecondOrder("log_softmax") { try $0.logSoftmax(dim: 1) }
        try checkSecondOrder("logsumexp") { try $0.logsumexp(dims: [1]) }
        try checkSecondOrder("gelu") { try $0.gelu() }
        try checkSecondOrder("silu") { try $0.silu() }
        try checkSecondOrder("softplus") { try $0.softplus() }
        try checkSecondOrder("softplus beta") { try $0.softplus(beta: 2, threshold: 3) }
        try checkSecondOrder("elu") { try $0.elu(alpha: 1.5) }
        try checkSecondOrder("selu") { try $0.selu() }
        try checkSecondOrder("celu") { try $0.celu(alpha: 0.6) }
        try checkSecondOrder("logsigmoid") { try $0.logSigmoid() }
        try checkSecondOrder("leaky_relu times x") { try $0.leakyRelu(0.1).mul($0) }
        try checkSecondOrder("hardtanh times x") { try $0.hardtanh(min: -0.5, max: 1).mul($0) }
        let target = Tensor(shape: [2, 3], doubles: [0, 1, 0.3, 1, 0, 0.8])
        try checkSecondOrder("binary_cross_entropy", low: 0.1, high: 0.9) { try $0.binaryCrossEntropy(target) }
        try checkSecondOrder("binary_cross_entropy unreduced", low: 0.1, high: 0.9) {
            try $0.binaryCrossEntropy(target, weight: target.add(Tensor.wrapped(1, dtype: .int64)), reduction: .none)
        }
        try checkSecondOrder("binary_cross_entropy of sigmoid") { try $0.sigmoid().binaryCrossEntropy(target, reduction: .sum) }
        try checkSecondOrder("unfold of cube") { try $0.pow(3).unfold(1, size: 2, step: 1) }
        try checkSecondOrder("mse of cube") { try $0.pow(3).mseLoss(target) }
        try checkSecondOrder("mse of cube, target side") { try target.mseLoss($0.pow(3), reduction: .sum) }
        try checkSecondOrder("mse of cube unreduced") { try $0.pow(3).mseLoss(target, reduction: .none) }
        try checkSecondOrder("huber of cube") { try $0.pow(3).huberLoss(target, delta: 1.5) }
        try checkSecondOrder("smooth_l1 of cube unreduced") { try $0.pow(3).smoothL1Loss(target, reduction: .none, beta: 0.7) }
        try checkSecondOrder("sqrt", low: 0.5, high: 3) { try $0.sqrt() }
        try checkSecondOrder("log", low: 0.5, high: 3) { try $0.log() }
        try checkSecondOrder("log1p", low: 0.5, high: 3) { try $0.log1p() }
        try checkSecondOrder("log10 and exp2", low: 0.5, high: 3) { try $0.log10().mul($0.exp2()) }
        try checkSecondOrder("unsqueeze and select", shape: [2, 3]) { try $0.unsqueeze(1).pow(2).select(2, 1).mul($0.select(0, 1)) }
        try checkSecondOrder("std") { try $0.std() }
        try checkSecondOrder("norm") { try $0.norm() }
        try checkSecondOrder("matmul") { try $0.matmul($0.t()) }
        try checkSecondOrder("index") { try $0.index([.tensor(Tensor(storage: Storage([1, 1, 0], dtype: .int64), shape: [3]))]).pow(2) }
        try checkSecondOrder("conv2d", shape: [1, 2, 4, 4]) { x in
            try Tensor.conv2d(x, x.slice(2, start: 0, end: 3).slice(3, start: 0, end: 3)).pow(2)
        }
        try checkSecondOrder("max_pool2d", shape: [1, 1, 4, 4]) { try $0.maxPool2d(kernel: [2]).pow(2) }
        try checkSecondOrder("avg_pool2d", shape: [1, 1, 4, 4]) { try $0.avgPool2d(kernel: [2]).pow(2) }
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
