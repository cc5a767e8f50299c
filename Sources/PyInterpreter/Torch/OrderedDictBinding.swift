/// `collections.OrderedDict` as `state_dict()` returns it: insertion-ordered
/// pairs printed `OrderedDict([('weight', tensor(...)), ...])`.
enum OrderedDictBinding {
    final class Box {
        var pairs: [(key: Value, value: Value)]
        init(_ pairs: [(Value, Value)]) { self.pairs = pairs.map { (key: $0.0, value: $0.1) } }
    }

    static let type: PyType = NativeClassBuilder("OrderedDict", module: "collections")
        .initializer { interp, this, args in
            var pairs: [(Value, Value)] = []
            if let src = args.positional.first { pairs = try OrderedDictBinding.pairs(interp, src) }
            this.instance?.payload = Box(pairs)
            return .none
        }
        .method("__repr__") { interp, this, _ in
            let b = try this.requirePayload(Box.self, "OrderedDict")
            if b.pairs.isEmpty { return .string("OrderedDict()") }
            let items = try b.pairs.map { "(\(try interp.repr($0.key)), \(try interp.repr($0.value)))" }
            return .string("OrderedDict([" + items.joined(separator: ", ") + "])")
        }
        .method("__len__") { _, this, _ in .int(try this.requirePayload(Box.self, "OrderedDict").pairs.count) }
        .method("__iter__") { interp, this, _ in
            .object(try interp.makeIterator(.list(try this.requirePayload(Box.self, "OrderedDict").pairs.map(\.key))))
        }
        .method("__getitem__") { interp, this, args in
            let b = try this.requirePayload(Box.self, "OrderedDict")
            let k = try interp.hashKey(args.positional[0])
            for p in b.pairs where try interp.hashKey(p.key) == k { return p.value }
            throw PyError(exception: PyType.makeException(.keyError, args: [args.positional[0]]))
        }
        .method("__setitem__") { interp, this, args in
            let b = try this.requirePayload(Box.self, "OrderedDict")
            let k = try interp.hashKey(args.positional[0])
            if let i = try b.pairs.firstIndex(where: { try interp.hashKey($0.key) == k }) {
                b.pairs[i].value = args.positional[1]
            } else {
                b.pairs.append((args.positional[0], args.positional[1]))
            }
            return .none
        }
        .method("__contains__") { interp, this, args in
            let b = try this.requirePayload(Box.self, "OrderedDict")
            let k = try interp.hashKey(args.positional[0])
            return .bool(try b.pairs.contains { try interp.hashKey($0.key) == k })
        }
        .method("keys") { _, this, _ in view("odict_keys", try this.requirePayload(Box.self, "OrderedDict").pairs.map(\.key)) }
        .method("values") { _, this, _ in view("odict_values", try this.requirePayload(Box.self, "OrderedDict").pairs.map(\.value)) }
        .method("items") { _, this, _ in
            view("odict_items", try this.requirePayload(Box.self, "OrderedDict").pairs.map { .tuple([$0.key, $0.value]) })
        }
        .method("get") { interp, this, args in
            let b = try this.requirePayload(Box.self, "OrderedDict")
            let k = try interp.hashKey(args.positional[0])
            for p in b.pairs where try interp.hashKey(p.key) == k { return p.value }
            return args.positional.count > 1 ? args.positional[1] : .none
        }
        .build()

    /// `odict_keys([...])` and friends: iterable, sized, printed with their name.
    final class ViewBox {
        let items: [Value]
        init(_ items: [Value]) { self.items = items }
    }

    static func viewType(_ name: String) -> PyType {
        NativeClassBuilder(name, module: "collections", instantiable: false)
            .method("__repr__") { interp, this, _ in
                .string("\(name)(" + (try interp.repr(.list(try this.requirePayload(ViewBox.self, name).items))) + ")")
            }
            .method("__iter__") { interp, this, _ in .object(try interp.makeIterator(.list(try this.requirePayload(ViewBox.self, name).items))) }
            .method("__len__") { _, this, _ in .int(try this.requirePayload(ViewBox.self, name).items.count) }
            .method("__contains__") { interp, this, args in
                .bool(try interp.contains(.list(try this.requirePayload(ViewBox.self, name).items), args.positional[0]))
            }
            .build()
    }

    static let viewTypes: [String: PyType] = Dictionary(uniqueKeysWithValues: ["odict_keys", "odict_values", "odict_items"].map { ($0, viewType($0)) })

    static func view(_ name: String, _ items: [Value]) -> Value {
        .object(PyInstance(cls: viewTypes[name]!, payload: ViewBox(items)))
    }

    static func make(_ pairs: [(Value, Value)]) -> Value {
        .object(PyInstance(cls: type, payload: Box(pairs)))
    }

    /// Key-value pairs of an OrderedDict, a dict or an iterable of pairs.
    static func pairs(_ interp: Interpreter, _ v: Value) throws -> [(Value, Value)] {
        if let b = v.payload(Box.self) { return b.pairs.map { ($0.key, $0.value) } }
        if case .object(let o) = v, let d = o as? PyDict { return d.items.map { ($0.key, $0.value) } }
        return try interp.iterate(v).map { item in
            let kv = try interp.iterate(item)
            guard kv.count == 2 else { throw PyError(.valueError, "dictionary update sequence element has length \(kv.count); 2 is required") }
            return (kv[0], kv[1])
        }
    }
}
