import Foundation
@testable import Autograd

/// The seeded input stream shared with `Fixtures/generate_kernel_fixtures.py`
/// (splitmix64), so fixtures store seeds instead of inputs.
enum KernelFixtureData {
    static func words(seed: Int, count: Int) -> [UInt64] {
        var state = UInt64(truncatingIfNeeded: seed)
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func value(_ z: UInt64, kind: String, isDouble: Bool) -> Double {
        let base = isDouble
            ? Double(Int64(z >> 11) - (1 << 52)) / Double(1 << 52)
            : Double(Int64(z >> 40) - (1 << 23)) / Double(1 << 23)
        switch kind {
        case "positive": return Double(z >> 40) / Double(1 << 24)
        case "wide": return base * pow(2.0, Double(Int((z >> 8) & 31) - 16))
        case "ints": return Double(Int((z >> 40) % 7) - 3)
        case "nan": return (z >> 8) % 13 == 0 ? .nan : base
        default: return base
        }
    }

    static func values<T: KernelFloat>(seed: Int, count: Int, kind: String = "normal", as: T.Type) -> [T] {
        words(seed: seed, count: count).map { T(value($0, kind: kind, isDouble: T.self == Double.self)) }
    }
}

/// Exact bit patterns as the generator writes them: concatenated big-endian hex.
enum FixtureBits {
    static func decode<T: KernelFloat>(_ hex: String, as: T.Type) -> [T] {
        let width = MemoryLayout<T>.size * 2
        let characters = Array(hex.utf8)
        return stride(from: 0, to: characters.count, by: width).map { start in
            let digits = String(decoding: characters[start..<(start + width)], as: UTF8.self)
            if T.self == Float.self {
                return T(Float(bitPattern: UInt32(digits, radix: 16) ?? 0))
            }
            return T(Double(bitPattern: UInt64(digits, radix: 16) ?? 0))
        }
    }

    /// Whether two arrays hold the same values bit for bit (NaNs match any NaN).
    static func identical<T: KernelFloat>(_ a: T, _ b: T) -> Bool {
        (a.isNaN && b.isNaN) || (a == b && a.sign == b.sign)
    }

    /// Distance in units in the last place between two finite values of the same sign.
    static func ulps<T: KernelFloat>(_ a: T, _ b: T) -> Int {
        if identical(a, b) { return 0 }
        if a.isNaN || b.isNaN || a.isInfinite || b.isInfinite { return Int.max }
        if T.self == Float.self {
            let x = Int64(Int32(bitPattern: Float(a).bitPattern)), y = Int64(Int32(bitPattern: Float(b).bitPattern))
            return a.sign == b.sign ? Int(abs(x - y)) : Int.max
        }
        let x = Int64(bitPattern: Double(a).bitPattern), y = Int64(bitPattern: Double(b).bitPattern)
        return a.sign == b.sign ? Int(clamping: abs(x.subtractingReportingOverflow(y).partialValue)) : Int.max
    }
}

struct KernelFixtures: Decodable {
    struct Sum: Decodable {
        let seed: Int, count: Int, kind: String, dtype: String, threads: Int, sum: String, mean: String
    }
    struct AxisSum: Decodable {
        let seed: Int, shape: [Int], dim: Int, kind: String, dtype: String, sum: String, mean: String
    }
    struct MultiSum: Decodable {
        let seed: Int, shape: [Int], dims: [Int], kind: String, dtype: String
        let sum: String, mean: String, `var`: String, std: String
    }
    struct Softmax: Decodable {
        let seed: Int, gradSeed: Int, scale: Double, shape: [Int], dim: Int, dtype: String
        let softmax: String, logSoftmax: String, softmaxGrad: String, logSoftmaxGrad: String
    }
    struct Reduction: Decodable {
        let seed: Int, shape: [Int], dim: Int, kind: String, dtype: String
        let max: String?, maxIndices: [Int64]?, min: String?, minIndices: [Int64]?
        let argmax: [Int64]?, argmin: [Int64]?, maxAll: String?, minAll: String?
        let argmaxAll: Int64?, argminAll: Int64?
        let `var`: String?, std: String?, varPopulation: String?, varAll: String?, stdAll: String?
        let stdAllPopulation: String?, prod: String?, prodAll: String?
    }
    struct Gemm: Decodable {
        let seedA: Int, seedB: Int, m: Int, k: Int, n: Int, batch: Int
        let transposeA: Bool, transposeB: Bool, dtype: String, product: String
    }
    struct Conv: Decodable {
        let seeds: [Int], dtype: String, input: [Int], weight: [Int], bias: Bool
        let stride: [Int], padding: [Int], dilation: [Int], outputShape: [Int]
        let output: String, gradInput: String, gradWeight: String, gradBias: String?
    }
    struct Pool: Decodable {
        let seeds: [Int], kind: String, dtype: String, input: [Int], kernel: [Int], stride: [Int]
        let padding: [Int], dilation: [Int], ceilMode: Bool, outputShape: [Int]
        let maxValues: String, maxIndices: [Int64], maxGrad: String
        let countIncludePad: Bool?, divisorOverride: Int?, avgShape: [Int]?, avgValues: String?, avgGrad: String?
    }
    struct ErrorCase: Decodable {
        let op: String, input: [Int], expected: String
        let weight: [Int]?, bias: [Int]?, kernel: [Int]?, stride: [Int], padding: [Int], dilation: [Int]
        let ceilMode: Bool?, divisorOverride: Int?
    }

    let sums: [Sum]
    let axisSums: [AxisSum]
    let multiSums: [MultiSum]
    let softmax: [Softmax]
    let reductions: [Reduction]
    let gemm: [Gemm]
    let conv: [Conv]
    let pools: [Pool]
    let errors: [ErrorCase]

    /// Decoded once per test run; the file is a few megabytes.
    private static let shared = Result {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/kernel_cases.json")
        return try JSONDecoder().decode(KernelFixtures.self, from: Data(contentsOf: url))
    }

    static func load() throws -> KernelFixtures {
        try shared.get()
    }
}
