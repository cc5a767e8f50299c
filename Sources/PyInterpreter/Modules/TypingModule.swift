/// `typing`: the names type hints use. Annotations are not evaluated, so
/// these only need to exist; subscripting one (`List[int]`) gives it back,
/// and it prints as CPython's `typing.List`.
enum TypingModule {
    static let specialForm: PyType = NativeClassBuilder("_SpecialForm", module: "typing", instantiable: false)
        .method("__getitem__") { interp, me, args in
            // `List[int]`: a new form that prints its arguments as CPython does.
            let key = args.positional.first ?? .none
            let items: [Value]
            if case .object(let o) = key, let tuple = o as? PyTuple { items = tuple.items } else { items = [key] }
            let base = (me.payload(Name.self))?.text ?? "?"
            let inner = try items.map { try typeRepr(interp, $0) }.joined(separator: ", ")
            return .object(PyInstance(cls: specialForm, payload: Name("\(base)[\(inner)]")))
        }
        .method("__repr__") { _, me, _ in .string("typing." + ((me.payload(Name.self))?.text ?? "?")) }
        .method("__call__") { _, me, _ in
            throw PyError(.typeError, "Cannot instantiate typing.\((me.payload(Name.self))?.text ?? "?")")
        }
        .build()

    /// How `typing` names a type inside brackets: `int`, `__main__.Foo`, `typing.List[int]`, `None`.
    static func typeRepr(_ interp: Interpreter, _ v: Value) throws -> String {
        if v.isNone { return "None" }
        if case .object(let o) = v, let type = o as? PyType {
            return type.module == "builtins" ? type.name : "\(type.module).\(type.name)"
        }
        return try interp.repr(v)
    }

    final class Name {
        let text: String
        init(_ text: String) { self.text = text }
    }

    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "typing")
        for name in ["Any", "List", "Dict", "Tuple", "Set", "FrozenSet", "Optional", "Union", "Callable", "Iterable",
                     "Iterator", "Sequence", "Mapping", "Type", "Literal", "Final", "ClassVar", "Generator", "Deque",
                     "DefaultDict", "Counter", "NoReturn", "Annotated"] {
            m[name] = .object(PyInstance(cls: specialForm, payload: Name(name)))
        }
        m.addFunction("TypeVar") { _, args in
            guard case .str(let s)? = args.positional.first else { throw PyError(.typeError, "TypeVar() argument 'name' must be str") }
            return .object(PyInstance(cls: specialForm, payload: Name(s.value)))
        }
        m.addFunction("cast") { _, args in try args.exactly(2, "cast")[1] }
        m["TYPE_CHECKING"] = .bool(false)
        return m
    }
}
