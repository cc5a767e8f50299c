import Autograd

/// Runs one line of the fixtures' op language (see
/// Fixtures/generate_torch_random.py, which runs the same lines on real
/// PyTorch) on a generator and returns the output as 64-bit words: float
/// bit patterns zero-extended, integers in two's complement.
struct TorchRandomOpInterpreter {
    enum Failure: Error, CustomStringConvertible {
        case badOp(String)
        var description: String {
            switch self { case .badOp(let line): return "cannot interpret op: \(line)" }
        }
    }

    let generator: TorchGenerator
    private var saved: [TorchGenerator.State] = []

    init(generator: TorchGenerator) {
        self.generator = generator
    }

    mutating func run(_ line: String) throws -> [UInt64] {
        let words = line.split(separator: " ").map(String.init)
        guard let name = words.first else { throw Failure.badOp(line) }
        let args = Array(words.dropFirst())
        func int(_ i: Int) throws -> Int {
            guard i < args.count, let value = Int(args[i]) else { throw Failure.badOp(line) }
            return value
        }
        func int64(_ i: Int) throws -> Int64 {
            guard i < args.count, let value = Int64(args[i]) else { throw Failure.badOp(line) }
            return value
        }
        func double(_ i: Int) throws -> Double {
            guard i < args.count, let value = Double(args[i]) else { throw Failure.badOp(line) }
            return value
        }
        func isFloat32() throws -> Bool {
            guard let dtype = args.first, dtype == "f32" || dtype == "f64" else { throw Failure.badOp(line) }
            return dtype == "f32"
        }
        let g = generator
        switch name {
        case "seed":
            guard let seed = UInt64(args.first ?? "") else { throw Failure.badOp(line) }
            g.manualSeed(seed)
            return []
        case "initial_seed":
            return [g.initialSeed]
        case "save":
            saved.append(g.state)
            return []
        case "restore":
            guard let state = saved.popLast() else { throw Failure.badOp(line) }
            g.restore(state)
            return []
        case "rand":
            return try isFloat32()
                ? words32(g.uniformFloat32(count: int(1)))
                : words64(g.uniformFloat64(count: int(1)))
        case "uniform":
            return try isFloat32()
                ? words32(g.uniformFloat32(count: int(1), from: double(2), to: double(3)))
                : words64(g.uniformFloat64(count: int(1), from: double(2), to: double(3)))
        case "randn":
            return try isFloat32()
                ? words32(g.normalFloat32(count: int(1)))
                : words64(g.normalFloat64(count: int(1)))
        case "normal", "normal_strided":
            let contiguous = name == "normal"
            return try isFloat32()
                ? words32(g.normalFloat32(count: int(1), mean: double(2), std: double(3), contiguous: contiguous))
                : words64(g.normalFloat64(count: int(1), mean: double(2), std: double(3), contiguous: contiguous))
        case "randint":
            return try g.randint(low: int64(0), high: int64(1), count: int(2)).map { UInt64(bitPattern: $0) }
        case "random_full":
            switch args.first {
            case "i64": return try g.randomFullInt64(count: int(1)).map { UInt64(bitPattern: $0) }
            case "f32": return try words32(g.randomFullFloat32(count: int(1)))
            case "f64": return try words64(g.randomFullFloat64(count: int(1)))
            default: throw Failure.badOp(line)
            }
        case "randperm":
            return try g.randperm(int(0)).map { UInt64(bitPattern: $0) }
        case "bernoulli_scalar":
            return try g.bernoulli(count: int(0), p: double(1)).map { $0 ? 1 : 0 }
        case "bernoulli_probs":
            let n = try int(1)
            let probabilities = (0..<n).map { (Double($0) + 0.5) / Double(n) }
            let outcome = try isFloat32()
                ? g.bernoulli(probabilities: probabilities.map { Float($0) })
                : g.bernoulli(probabilities: probabilities)
            return outcome.map { $0 ? 1 : 0 }
        case "dropout":
            let input = try (0..<int(0)).map { Float($0 + 1) * 0.25 }
            return try words32(g.dropout(input, p: double(1)))
        case "dataloader":
            let n = try int(0)
            let epoch = g.dataLoaderEpoch(count: n, shuffle: args.count > 1 && args[1] == "1")
            let order = epoch.order ?? (0..<Int64(n)).map { $0 }
            return ([epoch.baseSeed] + order).map { UInt64(bitPattern: $0) }
        case "linear":
            let fanIn = try int(0), fanOut = try int(1)
            return defaultInit(weightCount: fanIn * fanOut, biasCount: fanOut, fanIn: fanIn)
        case "conv2d":
            let input = try int(0), output = try int(1), kernel = try int(2)
            let fanIn = input * kernel * kernel
            return defaultInit(weightCount: output * fanIn, biasCount: output, fanIn: fanIn)
        case "xavier_uniform":
            let out = try int(0), fanIn = try int(1)
            let bound = DefaultInitBounds.xavierUniform(fanIn: fanIn, fanOut: out)
            return words32(g.uniformFloat32(count: out * fanIn, from: -bound, to: bound))
        case "xavier_normal":
            let out = try int(0), fanIn = try int(1)
            let std = DefaultInitBounds.xavierStd(fanIn: fanIn, fanOut: out)
            return words32(g.normalFloat32(count: out * fanIn, mean: 0, std: std))
        case "kaiming_normal":
            let out = try int(0), fanIn = try int(1)
            let std = DefaultInitBounds.kaimingNormalStd(fan: fanIn, gain: Double(2).squareRoot())
            return words32(g.normalFloat32(count: out * fanIn, mean: 0, std: std))
        default:
            throw Failure.badOp(line)
        }
    }

    /// `reset_parameters` of Linear / Conv: kaiming-uniform weight, then bias.
    private func defaultInit(weightCount: Int, biasCount: Int, fanIn: Int) -> [UInt64] {
        let weightBound = DefaultInitBounds.defaultWeight(fanIn: fanIn)
        let biasBound = DefaultInitBounds.defaultBias(fanIn: fanIn)
        let weight = generator.uniformFloat32(count: weightCount, from: -weightBound, to: weightBound)
        let bias = generator.uniformFloat32(count: biasCount, from: -biasBound, to: biasBound)
        return words32(weight) + words32(bias)
    }

    private func words32(_ values: [Float]) -> [UInt64] { values.map { UInt64($0.bitPattern) } }
    private func words64(_ values: [Double]) -> [UInt64] { values.map { $0.bitPattern } }
}

/// FNV-1a (32-bit) over each word's 8 little-endian bytes, as the generator script.
func fnv1a32(_ words: [UInt64]) -> UInt32 {
    var hash: UInt32 = 0x811C_9DC5
    for word in words {
        for shift in stride(from: 0, to: 64, by: 8) {
            hash = (hash ^ UInt32((word >> UInt64(shift)) & 0xFF)) &* 0x0100_0193
        }
    }
    return hash
}
