/// Helpers for forward rules, where a missing tangent means zero.
enum Tangent {
    /// The sum of the present terms (nil when every term is absent).
    static func sum(_ terms: Tensor?...) throws -> Tensor? {
        var total: Tensor? = nil
        for case let t? in terms { total = try total.map { try $0.add(t) } ?? t }
        return total
    }

    /// `alpha · t`, skipping the multiplication when alpha is 1.
    static func scaled(_ t: Tensor?, _ alpha: Double) throws -> Tensor? {
        guard let t else { return nil }
        return alpha == 1 ? t : try t.mul(Tensor.wrapped(alpha, dtype: .float64))
    }
}
