import Foundation

/// An interned name (variable, attribute, keyword). Compared by identity and
/// hashed by a small integer, so attribute tables never hash strings on hot paths.
public final class Symbol: Hashable, CustomStringConvertible, @unchecked Sendable {
    public let name: String
    let id: Int

    private init(name: String, id: Int) {
        self.name = name
        self.id = id
    }

    public static func == (a: Symbol, b: Symbol) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public var description: String { name }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var table: [String: Symbol] = [:]

    /// The unique symbol for `name` (thread-safe).
    public static func intern(_ name: String) -> Symbol {
        lock.lock()
        defer { lock.unlock() }
        if let s = table[name] { return s }
        let s = Symbol(name: name, id: table.count)
        table[name] = s
        return s
    }
}

/// Symbols the interpreter looks up itself.
extension Symbol {
    static let dunderInit = intern("__init__")
    static let dunderNew = intern("__new__")
    static let dunderCall = intern("__call__")
    static let dunderRepr = intern("__repr__")
    static let dunderStr = intern("__str__")
    static let dunderFormat = intern("__format__")
    static let dunderLen = intern("__len__")
    static let dunderBool = intern("__bool__")
    static let dunderIter = intern("__iter__")
    static let dunderNext = intern("__next__")
    static let dunderGetitem = intern("__getitem__")
    static let dunderSetitem = intern("__setitem__")
    static let dunderDelitem = intern("__delitem__")
    static let dunderContains = intern("__contains__")
    static let dunderGetattr = intern("__getattr__")
    static let dunderGetattribute = intern("__getattribute__")
    static let dunderSetattr = intern("__setattr__")
    static let dunderDelattr = intern("__delattr__")
    static let dunderEnter = intern("__enter__")
    static let dunderExit = intern("__exit__")
    static let dunderHash = intern("__hash__")
    static let dunderEq = intern("__eq__")
    static let dunderNe = intern("__ne__")
    static let dunderLt = intern("__lt__")
    static let dunderLe = intern("__le__")
    static let dunderGt = intern("__gt__")
    static let dunderGe = intern("__ge__")
    static let dunderFloat = intern("__float__")
    static let dunderInt = intern("__int__")
    static let dunderIndex = intern("__index__")
    static let dunderNeg = intern("__neg__")
    static let dunderPos = intern("__pos__")
    static let dunderInvert = intern("__invert__")
    static let dunderAbs = intern("__abs__")
    static let dunderRound = intern("__round__")
    static let dunderReversed = intern("__reversed__")
    static let dunderClass = intern("__class__")
    static let dunderDict = intern("__dict__")
    static let dunderName = intern("__name__")
    static let dunderQualname = intern("__qualname__")
    static let dunderModule = intern("__module__")
    static let dunderDoc = intern("__doc__")
    static let dunderGet = intern("__get__")
    static let dunderSet = intern("__set__")
    static let dunderInitSubclass = intern("__init_subclass__")
    static let dunderMatmul = intern("__matmul__")
    static let args = intern("args")
    static let forward = intern("forward")
}
