import Autograd
import NN

/// Base of every heap-allocated Python value. Subclasses say which Python type they are.
open class PyObject {
    public init() {}
    /// The Python type of this object.
    open var pyType: PyType { PyType.object }

    private var serialNumber = 0
    /// A number for identity hashes, `id()` and default reprs, given on first
    /// use in the session's order: the same on every run of a notebook (an
    /// address would reorder sets of objects from run to run).
    public var serial: Int {
        if serialNumber == 0 { serialNumber = EngineContext.nextSerial() }
        return serialNumber
    }

    /// A stand-in for CPython's address of the object: stable across runs.
    public var fakeAddress: UInt { 0x7F00_0000_0000 + UInt(serial) &* 16 }
}

/// An instance of a user class or of a native class defined with `NativeClassBuilder`.
/// It has a Python `__dict__` (`attributes`) and an optional Swift payload that
/// native code owns (for example the tensor behind a `torch.Tensor`, or the
/// state a native base class such as `nn.Module` creates in its `__init__`).
public final class PyInstance: PyObject {
    public let cls: PyType
    public var attributes = AttributeTable()
    public var payload: AnyObject?
    /// Whether an engine object's `boxed` points here (see `becomeBox`).
    private var isEngineBox = false

    public init(cls: PyType, payload: AnyObject? = nil) {
        self.cls = cls
        self.payload = payload
    }
    public override var pyType: PyType { cls }

    /// The payload as `T`, or nil.
    public func payload<T: AnyObject>(as type: T.Type) -> T? { payload as? T }

    /// Makes this instance the box of `t`: its payload, found again through
    /// `t.boxed` until this instance dies (its deinit clears the reference).
    func becomeBox(of t: Tensor) {
        payload = t
        t.boxed = Unmanaged.passUnretained(self).toOpaque()
        isEngineBox = true
    }

    func becomeBox(of m: Module) {
        payload = m
        m.boxed = Unmanaged.passUnretained(self).toOpaque()
        isEngineBox = true
        // The native class itself, not a user subclass: classes of this
        // session's `torch.nn` hold no modules, so this makes no cycle.
        if m.bindingClass == nil { m.bindingClass = cls.mro.first { $0.name == m.typeName } }
    }

    deinit {
        guard isEngineBox else { return }
        let me = Unmanaged.passUnretained(self).toOpaque()
        if let t = payload as? Tensor {
            if t.boxed == me { t.boxed = nil }
        } else if let m = payload as? Module, m.boxed == me {
            m.boxed = nil
        }
    }

    /// The live instance an engine object's `boxed` names.
    static func boxed(by boxed: UnsafeMutableRawPointer?) -> PyInstance? {
        boxed.map { Unmanaged<PyInstance>.fromOpaque($0).takeUnretainedValue() }
    }
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
