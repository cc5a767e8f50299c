/// The bounds (and standard deviations) `nn.init` and the default
/// `reset_parameters` compute in Python doubles before calling
/// `uniform_(-bound, bound)` or `normal_(0, std)` (torch-fidelity.md §4).
/// The operation order matches `torch/nn/init.py`, so the bounds are
/// bit-identical and so are the parameters drawn with them.
public enum DefaultInitBounds {
    /// `calculate_gain("leaky_relu", slope)`: `sqrt(2 / (1 + slope**2))`.
    public static func leakyReluGain(negativeSlope: Double = 0.01) -> Double {
        (2.0 / (1 + negativeSlope * negativeSlope)).squareRoot()
    }

    /// `kaiming_uniform_(w, a)` for a given fan: `sqrt(3) * (gain / sqrt(fan))`.
    public static func kaimingUniform(fan: Int, gain: Double) -> Double {
        let std = gain / Double(fan).squareRoot()
        return Double(3).squareRoot() * std
    }

    /// The weight bound of `nn.Linear` / `nn.Conv*`: kaiming_uniform with
    /// a = sqrt(5) over fan_in.
    public static func defaultWeight(fanIn: Int) -> Double {
        kaimingUniform(fan: fanIn, gain: leakyReluGain(negativeSlope: Double(5).squareRoot()))
    }

    /// The bias bound of `nn.Linear` / `nn.Conv*`: `1 / sqrt(fan_in)`, or 0
    /// for an empty fan.
    public static func defaultBias(fanIn: Int) -> Double {
        fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
    }

    /// `xavier_normal_`'s std: `gain * sqrt(2 / (fan_in + fan_out))`.
    public static func xavierStd(fanIn: Int, fanOut: Int, gain: Double = 1) -> Double {
        gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
    }

    /// `xavier_uniform_`'s bound: `sqrt(3) * xavierStd`.
    public static func xavierUniform(fanIn: Int, fanOut: Int, gain: Double = 1) -> Double {
        Double(3).squareRoot() * xavierStd(fanIn: fanIn, fanOut: fanOut, gain: gain)
    }

    /// `kaiming_normal_`'s std: `gain / sqrt(fan)`.
    public static func kaimingNormalStd(fan: Int, gain: Double) -> Double {
        gain / Double(fan).squareRoot()
    }
}
