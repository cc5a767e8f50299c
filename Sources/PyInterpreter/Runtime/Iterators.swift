/// A Python iterator implemented in Swift. `next` returns nil when exhausted
/// (the Python-level `__next__` turns that into StopIteration).
open class PyIterator: PyObject {
    /// The next item, or nil at the end.
    open func next(_ interp: Interpreter) throws -> Value? { nil }
    open var typeName: String { "iterator" }
    public override var pyType: PyType { PyType.iteratorType(named: typeName) }
}

final class ListIterator: PyIterator {
    let list: PyList
    var index = 0
    init(_ list: PyList) { self.list = list }
    override func next(_ interp: Interpreter) throws -> Value? {
        guard index < list.items.count else { index = Int.max; return nil }
        defer { index += 1 }
        return list.items[index]
    }
    override var typeName: String { "list_iterator" }
}

final class TupleIterator: PyIterator {
    let items: [Value]
    var index = 0
    let name: String
    init(_ items: [Value], typeName: String = "tuple_iterator") {
        self.items = items
        self.name = typeName
    }
    override func next(_ interp: Interpreter) throws -> Value? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
    override var typeName: String { name }
}

final class ReversedIterator: PyIterator {
    let items: [Value]
    var index: Int
    init(_ items: [Value]) {
        self.items = items
        index = items.count - 1
    }
    override func next(_ interp: Interpreter) throws -> Value? {
        guard index >= 0 else { return nil }
        defer { index -= 1 }
        return items[index]
    }
    override var typeName: String { "list_reverseiterator" }
}

final class RangeIterator: PyIterator {
    var current: Int
    let step: Int
    var remaining: Int
    init(_ r: PyRange) {
        current = r.start
        step = r.step
        remaining = r.count
    }
    override func next(_ interp: Interpreter) throws -> Value? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        defer { current &+= step }
        return .int(current)
    }
    override var typeName: String { "range_iterator" }
}

final class StringIterator: PyIterator {
    let scalars: [Unicode.Scalar]
    var index = 0
    init(_ s: PyStr) { scalars = s.scalars }
    override func next(_ interp: Interpreter) throws -> Value? {
        guard index < scalars.count else { return nil }
        defer { index += 1 }
        return .str(PyStr.single(scalars[index]))
    }
    override var typeName: String { "str_ascii_iterator" }
}

/// Keys, values or items of a dict, in insertion order; detects size changes like CPython.
final class DictIterator: PyIterator {
    let dict: PyDict
    let kind: DictView.Kind
    var slot = 0
    let initialCount: Int
    init(_ dict: PyDict, kind: DictView.Kind) {
        self.dict = dict
        self.kind = kind
        initialCount = dict.count
    }
    override func next(_ interp: Interpreter) throws -> Value? {
        if dict.count != initialCount {
            throw PyError(.runtimeError, "dictionary changed size during iteration")
        }
        while slot < dict.slotCount {
            defer { slot += 1 }
            if let e = dict.entry(at: slot) {
                switch kind {
                case .keys: return e.key
                case .values: return e.value
                case .items: return .tuple([e.key, e.value])
                }
            }
        }
        return nil
    }
    override var typeName: String {
        switch kind {
        case .keys: return "dict_keyiterator"
        case .values: return "dict_valueiterator"
        case .items: return "dict_itemiterator"
        }
    }
}

/// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
public final class DictView: PyObject {
    public enum Kind { case keys, values, items }
    let dict: PyDict
    let kind: Kind
    init(_ dict: PyDict, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }
    public override var pyType: PyType {
        switch kind {
        case .keys: return PyType.dictKeys
        case .values: return PyType.dictValues
        case .items: return PyType.dictItems
        }
    }
}

/// An object whose class defines `__next__`.
final class UserIterator: PyIterator {
    let object: Value
    init(_ object: Value) { self.object = object }
    override func next(_ interp: Interpreter) throws -> Value? {
        do {
            return try interp.callMethod(object, "__next__")
        } catch let e as PyError where e.type.isSubtype(of: .stopIteration) {
            return nil
        }
    }
    override var typeName: String { object.typeName }
}

/// The old protocol: `__getitem__(0)`, `__getitem__(1)`, … until IndexError.
final class SequenceIterator: PyIterator {
    let object: Value
    var index = 0
    init(_ object: Value) { self.object = object }
    override func next(_ interp: Interpreter) throws -> Value? {
        do {
            defer { index += 1 }
            return try interp.getItem(object, .int(index))
        } catch let e as PyError where e.type.isSubtype(of: .indexError) || e.type.isSubtype(of: .stopIteration) {
            return nil
        }
    }
    override var typeName: String { "iterator" }
}

/// A generator expression, evaluated lazily.
final class GeneratorIterator: PyIterator {
    let cursor: ComprehensionCursor
    init(cursor: ComprehensionCursor) { self.cursor = cursor }
    override func next(_ interp: Interpreter) throws -> Value? {
        try cursor.next(interp)?.0
    }
    override var typeName: String { "generator" }
}

final class EnumerateIterator: PyIterator {
    let source: PyIterator
    var count: Value
    init(_ source: PyIterator, start: Value) {
        self.source = source
        self.count = start
    }
    override func next(_ interp: Interpreter) throws -> Value? {
        guard let item = try source.next(interp) else { return nil }
        let index = count
        count = try interp.binaryOperation(.add, count, .int(1))
        return .tuple([index, item])
    }
    override var typeName: String { "enumerate" }
}

final class ZipIterator: PyIterator {
    let sources: [PyIterator]
    let strict: Bool
    init(_ sources: [PyIterator], strict: Bool) {
        self.sources = sources
        self.strict = strict
    }
    override func next(_ interp: Interpreter) throws -> Value? {
        guard !sources.isEmpty else { return nil }
        var items: [Value] = []
        items.reserveCapacity(sources.count)
        for (i, s) in sources.enumerated() {
            guard let x = try s.next(interp) else {
                if strict {
                    if i > 0 { throw PyError(.valueError, "zip() argument \(i + 1) is shorter than argument\(i > 1 ? "s 1-\(i)" : " 1")") }
                    for (j, other) in sources.enumerated().dropFirst() where try other.next(interp) != nil {
                        throw PyError(.valueError, "zip() argument \(j + 1) is longer than argument\(j > 1 ? "s 1-\(j)" : " 1")")
                    }
                }
                return nil
            }
            items.append(x)
        }
        return .tuple(items)
    }
    override var typeName: String { "zip" }
}

final class MapIterator: PyIterator {
    let function: Value
    let sources: [PyIterator]
    init(_ function: Value, _ sources: [PyIterator]) {
        self.function = function
        self.sources = sources
    }
    override func next(_ interp: Interpreter) throws -> Value? {
        var args: [Value] = []
        for s in sources {
            guard let x = try s.next(interp) else { return nil }
            args.append(x)
        }
        return try interp.call(function, Arguments(args))
    }
    override var typeName: String { "map" }
}

final class FilterIterator: PyIterator {
    let function: Value
    let source: PyIterator
    init(_ function: Value, _ source: PyIterator) {
        self.function = function
        self.source = source
    }
    override func next(_ interp: Interpreter) throws -> Value? {
        while let x = try source.next(interp) {
            try interp.tick()
            let keep = function.isNone ? try interp.isTruthy(x) : try interp.isTruthy(try interp.call(function, Arguments([x])))
            if keep { return x }
        }
        return nil
    }
    override var typeName: String { "filter" }
}
