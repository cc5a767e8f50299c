/// Base of every heap-allocated Python value. Subclasses say which Python type they are.
open class PyObject {
    public init() {}
    /// The Python type of this object.
    open var pyType: PyType { PyType.object }
}

/// An instance of a user class or of a native class defined with `NativeClassBuilder`.
/// It has a Python `__dict__` (`attributes`) and an optional Swift payload that
/// native code owns (for example the tensor behind a `torch.Tensor`, or the
/// state a native base class such as `nn.Module` creates in its `__init__`).
public final class PyInstance: PyObject {
    public let cls: PyType
    public var attributes = AttributeTable()
    public var payload: AnyObject?
    /// What an engine object's weak `boxed` reference points at (see `BoxToken`).
    private var boxToken: BoxToken?

    public init(cls: PyType, payload: AnyObject? = nil) {
        self.cls = cls
        self.payload = payload
    }
    public override var pyType: PyType { cls }

    /// The payload as `T`, or nil.
    public func payload<T: AnyObject>(as type: T.Type) -> T? { payload as? T }

    /// The object to store in an engine object's weak `boxed` property so that
    /// `PyInstance.boxed(by:)` finds this instance again while it lives.
    public var weakBoxTarget: AnyObject {
        if let t = boxToken { return t }
        let t = BoxToken(self)
        boxToken = t
        return t
    }

    /// The instance whose `weakBoxTarget` is `boxed`, if it still lives
    /// (or the instance itself, when code stored it directly).
    public static func boxed(by boxed: AnyObject?) -> PyInstance? {
        if let token = boxed as? BoxToken { return token.instance }
        return boxed as? PyInstance
    }
}

/// Engine objects (tensors, modules) keep a weak reference to their Python box,
/// so the same box is reused while it lives. A weak reference gives its target
/// a side table, and from then on every retain and release of the target takes
/// the runtime's slow path. The interpreter retains and releases instances on
/// every step, so the weak reference points at this token instead: only the
/// instance holds it, so it dies with the instance, and the instance itself
/// keeps the fast reference-counting path.
final class BoxToken {
    unowned let instance: PyInstance
    init(_ instance: PyInstance) { self.instance = instance }
}

/// A closure variable shared between a function and the functions nested in it.
public final class PyCell {
    public var value: Value?
    public init(_ value: Value? = nil) { self.value = value }
}

public final class PyNotImplementedType: PyObject {
    public static let shared = PyNotImplementedType()
    public override var pyType: PyType { PyType.notImplementedType }
}

public final class PyEllipsisType: PyObject {
    public static let shared = PyEllipsisType()
    public override var pyType: PyType { PyType.ellipsisType }
}
