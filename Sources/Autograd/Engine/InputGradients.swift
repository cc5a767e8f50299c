/// What a backward rule returns: one gradient per differentiable input of its
/// node, nil where an input needs none. The first two live inline, so the
/// common rules (a `[ga, gb]` literal) build no array.
public struct InputGradients: ExpressibleByArrayLiteral {
    private var first, second: Tensor?
    private var rest: [Tensor?]
    public let count: Int

    @inline(__always)
    public init(arrayLiteral elements: Tensor?...) {
        self.init(elements)
    }

    /// The gradients of a one- or two-input op, built without an array
    /// (an array literal's variadic array is a heap allocation).
    @inline(__always)
    public init(_ a: Tensor?) {
        first = a
        second = nil
        rest = []
        count = 1
    }

    @inline(__always)
    public init(_ a: Tensor?, _ b: Tensor?) {
        first = a
        second = b
        rest = []
        count = 2
    }

    @inline(__always)
    public init(_ elements: [Tensor?]) {
        count = elements.count
        first = elements.count > 0 ? elements[0] : nil
        second = elements.count > 1 ? elements[1] : nil
        rest = elements.count > 2 ? Array(elements[2...]) : []
    }

    public subscript(i: Int) -> Tensor? {
        get {
            switch i {
            case 0: return first
            case 1: return second
            default: return rest[i - 2]
            }
        }
    }

    /// Moves gradient `i` out, so a fresh gradient ends up held only by its
    /// receiver (a leaf can then keep it without a copy).
    @inline(__always)
    mutating func take(_ i: Int) -> Tensor? {
        switch i {
        case 0: defer { first = nil }; return first
        case 1: defer { second = nil }; return second
        default: defer { rest[i - 2] = nil }; return rest[i - 2]
        }
    }

    /// All gradients, in input order.
    public var array: [Tensor?] { (0..<count).map { self[$0] } }
}
