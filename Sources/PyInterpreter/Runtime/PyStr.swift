/// A Python `str`: immutable, indexed by Unicode scalar (code point) like CPython.
public final class PyStr {
    public let value: String
    private var cachedScalars: [Unicode.Scalar]?
    private var cachedCount = -1

    public init(_ value: String) { self.value = value }

    /// Number of code points (`len(s)`).
    public var count: Int {
        if cachedCount < 0 { cachedCount = value.unicodeScalars.count }
        return cachedCount
    }
    /// Code points, for indexing and slicing.
    var scalars: [Unicode.Scalar] {
        if let s = cachedScalars { return s }
        let s = Array(value.unicodeScalars)
        cachedScalars = s
        cachedCount = s.count
        return s
    }

    static let empty = PyStr("")
    /// One-character strings are shared, so iterating over a string does not allocate.
    private static let asciiSingles: [PyStr] = (0..<128).map { PyStr(String(Character(Unicode.Scalar(UInt8($0))))) }
    static func single(_ c: Unicode.Scalar) -> PyStr {
        c.value < 128 ? asciiSingles[Int(c.value)] : PyStr(String(Character(c)))
    }
}

extension String {
    init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars)
        self = String(v)
    }
}
