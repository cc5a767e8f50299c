/// Defines a Python-visible class implemented in Swift.
///
/// Instances are `PyInstance`s whose `payload` holds the Swift state (a tensor,
/// a module's parameter table…). Python classes may subclass the result
/// (`class Net(nn.Module)`): their instances get the payload from the native
/// `__init__` (reached through `super().__init__()`), keep a Python `__dict__`,
/// and go through the native special methods (`__setattr__`, `__call__`, …).
///
/// Special methods are ordinary methods with their Python names: `__add__`,
/// `__radd__`, `__matmul__`, `__neg__`, `__eq__`, `__lt__`, `__getitem__`,
/// `__setitem__`, `__len__`, `__iter__`, `__next__`, `__bool__`, `__float__`,
/// `__int__`, `__index__`, `__format__`, `__repr__`, `__str__`, `__call__`,
/// `__enter__`, `__exit__`, `__getattr__` (called when normal lookup fails),
/// `__setattr__` (called for every `obj.x = v`; use
/// `Interpreter.genericSetAttribute` to store normally), `__hash__`.
/// A binary operator returning `.notImplemented` lets Python try the reflected one.
///
///     let tensor = NativeClassBuilder("Tensor", module: "torch")
///         .method("item") { interp, this, args in ... }
///         .property("grad", get: { interp, this in ... }, set: { interp, this, value in ... })
///         .method("__mul__") { interp, this, args in ... }
///         .build()
public final class NativeClassBuilder {
    private let type: PyType

    /// A class `module.name` deriving from `base` (default `object`).
    /// `instantiable: false` makes calling the class raise TypeError (instances come from factory functions).
    /// Native classes are read-only from Python (`Tensor.x = 1` raises TypeError), so one class
    /// can serve every session, also sessions running in parallel.
    public init(_ name: String, module: String, base: PyType? = nil, instantiable: Bool = true) {
        type = PyType(name: name, module: module, bases: [base ?? .object], immutable: true,
                      factory: instantiable ? .instance : .none, native: true)
    }

    /// A method: `body(interpreter, self, arguments)`.
    @discardableResult
    public func method(_ name: String, _ body: @escaping NativeMethodBody) -> NativeClassBuilder {
        type.setAttribute(Symbol.intern(name), .object(PyNativeFunction(method: name, owner: type, body)))
        return self
    }

    /// A binary special method (`__add__`, `__radd__`, `__eq__`…): `body(interpreter, self, other)`.
    /// Operators call it without building an argument list.
    @discardableResult
    public func binaryMethod(_ name: String, _ body: @escaping NativeBinaryBody) -> NativeClassBuilder {
        type.setAttribute(Symbol.intern(name), .object(PyNativeFunction(binaryMethod: name, owner: type, body)))
        return self
    }

    /// `__init__`: typically creates the payload (`this.instance?.payload = …`).
    @discardableResult
    public func initializer(_ body: @escaping NativeMethodBody) -> NativeClassBuilder {
        method("__init__", body)
    }

    /// A class method: `body(interpreter, cls, arguments)`.
    @discardableResult
    public func classMethod(_ name: String, _ body: @escaping NativeMethodBody) -> NativeClassBuilder {
        let f = PyNativeFunction(method: name, owner: nil, body)
        type.setAttribute(Symbol.intern(name), .object(PyClassMethod(.object(f))))
        return self
    }

    /// A static method.
    @discardableResult
    public func staticMethod(_ name: String, _ body: @escaping NativeFunctionBody) -> NativeClassBuilder {
        let f = PyNativeFunction(name: name, qualifiedName: "\(type.name).\(name)", body)
        type.setAttribute(Symbol.intern(name), .object(PyStaticMethod(.object(f))))
        return self
    }

    /// A property; without `set` it is read-only.
    @discardableResult
    public func property(_ name: String, get: @escaping (Interpreter, Value) throws -> Value,
                         set: ((Interpreter, Value, Value) throws -> Void)? = nil) -> NativeClassBuilder {
        type.setAttribute(Symbol.intern(name), .object(NativeProperty(name: name, get: get, set: set)))
        return self
    }

    /// A class attribute (constant).
    @discardableResult
    public func attribute(_ name: String, _ value: Value) -> NativeClassBuilder {
        type.setAttribute(Symbol.intern(name), value)
        return self
    }

    /// Makes the bare instance before `__init__` (e.g. to create the payload even when a
    /// Python subclass forgets `super().__init__()`). Inherited by subclasses.
    @discardableResult
    public func allocator(_ make: @escaping (PyType, Arguments) -> PyInstance) -> NativeClassBuilder {
        type.allocator = make
        return self
    }

    public func build() -> PyType { type }
}

extension Value {
    /// The Swift payload of a native instance, if it has one of type `T`.
    public func payload<T: AnyObject>(_ type: T.Type) -> T? {
        instance?.payload as? T
    }

    /// Like `payload(_:)`, raising `TypeError: expected <what>, got <type>` otherwise.
    public func requirePayload<T: AnyObject>(_ type: T.Type, _ what: String) throws -> T {
        guard let p = payload(type) else { throw PyError(.typeError, "expected \(what), got \(typeName)") }
        return p
    }
}
