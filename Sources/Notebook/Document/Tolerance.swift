/// Numeric tolerance for comparing recorded and fresh outputs. Unset fields
/// fall back to the next level: cell attribute, then front matter, then the
/// command line; when neither is set anywhere, numbers must agree to one unit
/// of the recorded number's last written digit.
public struct Tolerance: Equatable, Sendable {
    public var rtol: Double?
    public var atol: Double?

    public init(rtol: Double? = nil, atol: Double? = nil) {
        self.rtol = rtol
        self.atol = atol
    }

    public var isSet: Bool { rtol != nil || atol != nil }

    /// This tolerance with the fields it leaves unset taken from `fallback`.
    public func over(_ fallback: Tolerance) -> Tolerance {
        Tolerance(rtol: rtol ?? fallback.rtol, atol: atol ?? fallback.atol)
    }
}
