/// A Python `str`: immutable, indexed by Unicode scalar (code point) like CPython.
public final class PyStr {
    public let value: String
    private var cachedScalars: [Unicode.Scalar]?
    private var cachedCount = -1

    public init(_ value: String) { self.value = value }

    /// A string with its caches filled, safe to share between threads.
    private init(shared value: String) {
        self.value = value
        let s = Array(value.unicodeScalars)
        cachedScalars = s
        cachedCount = s.count
    }

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

    static let empty = PyStr(shared: "")
    /// One-character strings are shared (by all sessions), so iterating over a string does not allocate.
    private static let asciiSingles: [PyStr] = (0..<128).map { PyStr(shared: String(Character(Unicode.Scalar(UInt8($0))))) }
    static func single(_ c: Unicode.Scalar) -> PyStr {
        c.value < 128 ? asciiSingles[Int(c.value)] : PyStr(String(Character(c)))
    }
}

extension String {
    /// Builds a string from code points through a UTF-8 buffer (much faster than
    /// appending to a `UnicodeScalarView` one scalar at a time).
    init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for s in scalars { UTF8Buffer.append(s, to: &bytes) }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

enum UTF8Buffer {
    @inline(__always)
    static func append(_ s: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
