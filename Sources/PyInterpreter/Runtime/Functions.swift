/// A native function body: `(interpreter, arguments) -> result`.
public typealias NativeFunctionBody = (Interpreter, Arguments) throws -> Value
/// A native method body: `(interpreter, self, arguments) -> result`.
public typealias NativeMethodBody = (Interpreter, Value, Arguments) throws -> Value
/// A native binary special method (`__add__`, `__eq__`…): `(interpreter, self, other) -> result`.
public typealias NativeBinaryBody = (Interpreter, Value, Value) throws -> Value

/// A function written in the cell language (`def` or `lambda`).
public final class PyFunction: PyObject {
    let code: FunctionCode
    /// Defaults of the last positional parameters, in order.
    var defaults: [Value]
    /// Defaults of keyword-only parameters, by parameter index (nil: required).
    var keywordDefaults: [Value?]
    let closure: [PyCell]
    public var name: String
    public var qualifiedName: String
    /// The class whose body defined this function (zero-argument `super()`).
    var ownerClass: PyType?
    var attributes = AttributeTable()

    init(code: FunctionCode, defaults: [Value], keywordDefaults: [Value?], closure: [PyCell]) {
        self.code = code
        self.defaults = defaults
        self.keywordDefaults = keywordDefaults
        self.closure = closure
        self.name = code.name
        self.qualifiedName = code.qualifiedName
    }
    public override var pyType: PyType { PyType.function }
}

/// A function or method implemented in Swift.
public final class PyNativeFunction: PyObject {
    enum Body {
        case function(NativeFunctionBody)
        case method(NativeMethodBody)
    }
    public let name: String
    /// `list.append`, `math.sqrt`: used in error messages.
    public let qualifiedName: String
    let body: Body
    /// For binary special methods: the body without an argument list, which
    /// operators call directly (`body` adapts it for ordinary calls).
    let binaryBody: NativeBinaryBody?
    /// For methods: the class they belong to (checked when called unbound).
    var ownerType: PyType?

    public init(name: String, qualifiedName: String? = nil, _ body: @escaping NativeFunctionBody) {
        self.name = name
        self.qualifiedName = qualifiedName ?? name
        self.body = .function(body)
        self.binaryBody = nil
    }
    public init(method name: String, owner: PyType?, _ body: @escaping NativeMethodBody) {
        self.name = name
        self.qualifiedName = owner.map { "\($0.name).\(name)" } ?? name
        self.body = .method(body)
        self.binaryBody = nil
        self.ownerType = owner
    }
    /// A binary special method: one argument besides `self`.
    public init(binaryMethod name: String, owner: PyType?, _ binary: @escaping NativeBinaryBody) {
        self.name = name
        self.qualifiedName = owner.map { "\($0.name).\(name)" } ?? name
        self.body = .method { interp, me, args in
            guard args.positional.count == 1 else { throw PyError(.typeError, "expected 1 argument, got \(args.positional.count)") }
            return try binary(interp, me, args.positional[0])
        }
        self.binaryBody = binary
        self.ownerType = owner
    }
    public override var pyType: PyType {
        if case .method = body { return PyType.methodDescriptor }
        return PyType.builtinFunction
    }
}

/// A function bound to its first argument (`obj.method`).
public final class PyBoundMethod: PyObject {
    public let function: Value
    public let receiver: Value
    public init(function: Value, receiver: Value) {
        self.function = function
        self.receiver = receiver
    }
    public override var pyType: PyType {
        if case .object(let f) = function, f is PyNativeFunction { return PyType.builtinFunction }
        return PyType.method
    }
}

/// `property(fget, fset)` from Python.
public final class PyProperty: PyObject {
    var getter: Value
    var setter: Value
    var deleter: Value
    init(getter: Value, setter: Value = .none, deleter: Value = .none) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
    }
    public override var pyType: PyType { PyType.property }
}

/// A property implemented in Swift (a data descriptor on a native class).
public final class NativeProperty: PyObject {
    public let name: String
    let getter: (Interpreter, Value) throws -> Value
    let setter: ((Interpreter, Value, Value) throws -> Void)?
    public init(name: String, get: @escaping (Interpreter, Value) throws -> Value, set: ((Interpreter, Value, Value) throws -> Void)? = nil) {
        self.name = name
        self.getter = get
        self.setter = set
    }
    public override var pyType: PyType { PyType.getSetDescriptor }
}

public final class PyStaticMethod: PyObject {
    let function: Value
    init(_ function: Value) { self.function = function }
    public override var pyType: PyType { PyType.staticMethod }
}

public final class PyClassMethod: PyObject {
    let function: Value
    init(_ function: Value) { self.function = function }
    public override var pyType: PyType { PyType.classMethod }
}

/// `super()` / `super(Cls, obj)`: attribute lookup starting after `start` in `receiver`'s MRO.
public final class PySuper: PyObject {
    let start: PyType
    let receiver: Value
    /// The type whose MRO is searched (type(receiver), or receiver itself for class receivers).
    let receiverType: PyType
    init(start: PyType, receiver: Value, receiverType: PyType) {
        self.start = start
        self.receiver = receiver
        self.receiverType = receiverType
    }
    public override var pyType: PyType { PyType.superType }
}

/// A module: a name and its attributes. Native modules are built by providers
/// registered with `ModuleRegistry`.
public final class PyModule: PyObject {
    public let name: String
    public var attributes = AttributeTable()
    /// Swift-side state a native module keeps for its session (numpy's print options).
    public var nativeState: AnyObject?
    public init(name: String) { self.name = name }
    public override var pyType: PyType { PyType.module }

    public subscript(_ name: String) -> Value? {
        get { attributes[Symbol.intern(name)] }
        set { attributes[Symbol.intern(name)] = newValue }
    }
    /// Adds a native function `name` to the module.
    public func addFunction(_ name: String, _ body: @escaping NativeFunctionBody) {
        attributes.set(Symbol.intern(name), .object(PyNativeFunction(name: name, qualifiedName: name, body)))
    }
}
