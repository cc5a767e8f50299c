import Foundation
import Autograd

/// `torch.nn.init`: in-place initialisers run without recording history,
/// drawing from PyTorch's generator in PyTorch's order with bounds computed
/// in Python doubles exactly as `torch/nn/init.py` does (torch-fidelity §4).
/// Each returns the tensor it filled.
public enum Init {
    /// The warning kaiming_* give for a tensor with a zero-size dimension (they then do nothing).
    public static let zeroElementWarning = "Initializing zero-element tensors is a no-op"

    /// `calculate_gain(nonlinearity, param=None)`: an int 1 for linear-like
    /// functions and sigmoid, else a float.
    public static func calculateGain(_ nonlinearity: String, param: OptionValue? = nil) throws -> OptionValue {
        let linear = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d"]
        switch nonlinearity {
        case _ where linear.contains(nonlinearity) || nonlinearity == "sigmoid": return .int(1)
        case "tanh": return .float(5.0 / 3)
        case "relu": return .float(2.0.squareRoot())
        case "leaky_relu":
            var slope = 0.01
            switch param {
            case nil, .none?: break
            case .int(let i)?: slope = Double(i)
            case .float(let d)?: slope = d
            case let other?: throw TorchError.value("negative_slope \(other.pythonStr) not a valid number")
            }
            return .float((2.0 / (1 + slope * slope)).squareRoot())
        case "selu": return .float(3.0 / 4)
        default: throw TorchError.value("Unsupported nonlinearity \(nonlinearity)")
        }
    }

    /// `(fan_in, fan_out)` of a weight, with PyTorch's error for rank < 2.
    public static func fans(_ t: Tensor) throws -> (fanIn: Int, fanOut: Int) {
        guard t.dim >= 2 else {
            throw TorchError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        let receptive = t.shape.dropFirst(2).reduce(1, *)
        return (t.shape[1] * receptive, t.shape[0] * receptive)
    }

    /// The fan `mode` selects (`fan_in` or `fan_out`, case-insensitive).
    public static func fan(_ t: Tensor, mode: String) throws -> Int {
        let m = mode.lowercased()
        guard m == "fan_in" || m == "fan_out" else {
            throw TorchError.value("Mode \(m) not supported, please use one of ['fan_in', 'fan_out']")
        }
        let (fanIn, fanOut) = try fans(t)
        return m == "fan_in" ? fanIn : fanOut
    }

    @discardableResult
    public static func constant(_ t: Tensor, _ value: Double) throws -> Tensor {
        try GradMode.with(enabled: false) { try t.fillInPlace(value) }
    }

    @discardableResult public static func zeros(_ t: Tensor) throws -> Tensor { try constant(t, 0) }
    @discardableResult public static func ones(_ t: Tensor) throws -> Tensor { try constant(t, 1) }

    /// `uniform_(t, a=0, b=1)`.
    @discardableResult
    public static func uniform(_ t: Tensor, a: Double = 0, b: Double = 1, generator: TorchGenerator = .default) throws -> Tensor {
        try GradMode.with(enabled: false) { try t.uniformInPlace(from: a, to: b, generator: generator) }
    }

    /// uniform(−bound, bound), as `reset_parameters` calls it.
    @discardableResult
    public static func uniform(_ t: Tensor, bound: Double, generator: TorchGenerator = .default) throws -> Tensor {
        try uniform(t, a: -bound, b: bound, generator: generator)
    }

    /// `normal_(t, mean=0, std=1)`.
    @discardableResult
    public static func normal(_ t: Tensor, mean: Double = 0, std: Double = 1, generator: TorchGenerator = .default) throws -> Tensor {
        try GradMode.with(enabled: false) { try t.normalInPlace(mean: mean, std: std, generator: generator) }
    }

    /// `xavier_uniform_(t, gain=1)`: bound `sqrt(3) · gain · sqrt(2 / (fan_in + fan_out))`.
    @discardableResult
    public static func xavierUniform(_ t: Tensor, gain: Double = 1, generator: TorchGenerator = .default) throws -> Tensor {
        let std = gain * (2.0 / Double(try xavierFanSum(t))).squareRoot()
        return try uniform(t, bound: 3.0.squareRoot() * std, generator: generator)
    }

    /// `xavier_normal_(t, gain=1)`.
    @discardableResult
    public static func xavierNormal(_ t: Tensor, gain: Double = 1, generator: TorchGenerator = .default) throws -> Tensor {
        let std = gain * (2.0 / Double(try xavierFanSum(t))).squareRoot()
        return try normal(t, mean: 0, std: std, generator: generator)
    }

    private static func xavierFanSum(_ t: Tensor) throws -> Int {
        let (fanIn, fanOut) = try fans(t)
        guard fanIn + fanOut != 0 else { throw TorchError(type: "ZeroDivisionError", message: "float division by zero") }
        return fanIn + fanOut
    }

    /// `kaiming_uniform_(t, a=0, mode='fan_in', nonlinearity='leaky_relu')`.
    @discardableResult
    public static func kaimingUniform(_ t: Tensor, a: OptionValue = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
                                      generator: TorchGenerator = .default) throws -> Tensor {
        if t.shape.contains(0) { return t }
        let std = try kaimingStd(t, a: a, mode: mode, nonlinearity: nonlinearity)
        return try uniform(t, bound: 3.0.squareRoot() * std, generator: generator)
    }

    /// `kaiming_normal_(t, a=0, mode='fan_in', nonlinearity='leaky_relu')`.
    @discardableResult
    public static func kaimingNormal(_ t: Tensor, a: OptionValue = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
                                     generator: TorchGenerator = .default) throws -> Tensor {
        if t.shape.contains(0) { return t }
        let std = try kaimingStd(t, a: a, mode: mode, nonlinearity: nonlinearity)
        return try normal(t, mean: 0, std: std, generator: generator)
    }

    private static func kaimingStd(_ t: Tensor, a: OptionValue, mode: String, nonlinearity: String) throws -> Double {
        let fan = try fan(t, mode: mode)
        let gain = try calculateGain(nonlinearity, param: a).doubleValue ?? 1
        guard fan > 0 else { throw TorchError(type: "ZeroDivisionError", message: "float division by zero") }
        return gain / Double(fan).squareRoot()
    }

    /// `trunc_normal_(t, mean=0, std=1, a=-2, b=2)`: PyTorch 2.x's rejection
    /// sampling. Wide intervals redraw a full normal tensor for the rejected
    /// entries; narrow ones (mass ≤ 0.3) sample uniformly and accept by the
    /// log density.
    @discardableResult
    public static func truncNormal(_ t: Tensor, mean: Double = 0, std: Double = 1, a: Double = -2, b: Double = 2,
                                   generator: TorchGenerator = .default) throws -> Tensor {
        func cdf(_ x: Double) -> Double { (1 + erf(x / 2.0.squareRoot())) / 2 }
        let mass = cdf((b - mean) / std) - cdf((a - mean) / std)
        return try GradMode.with(enabled: false) {
            if mass > 0.3 {
                let lo = try Tensor.scalar(a, dtype: t.dtype).scalarDouble()
                let hi = try Tensor.scalar(b, dtype: t.dtype).scalarDouble()
                var values = try t.normalInPlace(mean: mean, std: std, generator: generator).doubles()
                while values.contains(where: { $0 < lo || $0 > hi }) {
                    let fresh = try Tensor.zeros(t.shape, dtype: t.dtype).normalInPlace(mean: mean, std: std, generator: generator).doubles()
                    for i in values.indices where values[i] < lo || values[i] > hi { values[i] = fresh[i] }
                }
                return try t.copyInPlace(Tensor.from(values, shape: t.shape, dtype: t.dtype))
            }
            return try narrowTruncNormal(t, mean: mean, std: std, a: a, b: b, generator: generator)
        }
    }

    /// The narrow-interval branch: candidates uniform on [a, b], accepted when
    /// `log(u) <= −½((x − mean)/std)² − log_peak`, in the tensor's dtype.
    private static func narrowTruncNormal(_ t: Tensor, mean: Double, std: Double, a: Double, b: Double,
                                          generator: TorchGenerator) throws -> Tensor {
        let mode = Swift.max(a, Swift.min(mean, b))
        let z = (mode - mean) / std
        let logPeak = -0.5 * z * z
        func logDensity(_ x: Tensor) throws -> [Double] {
            try x.sub(Tensor.wrapped(mean, dtype: .float64)).div(Tensor.wrapped(std, dtype: .float64)).pow(2)
                .mul(Tensor.wrapped(-0.5, dtype: .float64)).sub(Tensor.wrapped(logPeak, dtype: .float64)).doubles()
        }
        func rejected(_ density: [Double]) throws -> [Bool] {
            let u = try Tensor.zeros(t.shape, dtype: t.dtype).uniformInPlace(generator: generator).log().doubles()
            return zip(u, density).map { $0 > $1 }
        }
        let first = try Tensor.zeros(t.shape, dtype: t.dtype).uniformInPlace(from: a, to: b, generator: generator)
        var result = first.doubles()
        var pending = try rejected(logDensity(first))
        while pending.contains(true) {
            let candidates = try Tensor.zeros(t.shape, dtype: t.dtype).uniformInPlace(from: a, to: b, generator: generator)
            let values = candidates.doubles()
            for i in result.indices where pending[i] { result[i] = values[i] }
            let again = try rejected(logDensity(candidates))
            for i in pending.indices where pending[i] { pending[i] = again[i] }
        }
        return try t.copyInPlace(Tensor.from(result, shape: t.shape, dtype: t.dtype))
    }
}
