import Autograd
import NN

/// The Python classes of the torch binding, built once. `Tensor` itself is
/// in TensorClass.swift.
enum TorchTypes {
    static let tensor: PyType = TensorClass.make()

    /// `nn.Parameter`: a Tensor subclass whose repr starts with `Parameter containing:`.
    static let parameter: PyType = NativeClassBuilder("Parameter", module: "torch.nn.parameter", base: tensor)
        .initializer { interp, this, args in
            let a = try NativeSignature("Parameter", .init("data", default: .none), .init("requires_grad", default: .bool(true))).bind(args)
            let data = try a.optionalTensor("data") ?? Tensor.empty([0])
            let p = try NN.Parameter.make(data, requiresGrad: interp.isTruthy(a["requires_grad"]))
            this.instance?.becomeBox(of: p)
            return .none
        }
        .build()

    static let size: PyType = NativeClassBuilder("Size", module: "torch")
        .initializer { interp, this, args in
            let dims = try args.positional.first.map { try interp.iterate($0).map { try TorchValues.int($0, "torch.Size()") } } ?? []
            this.instance?.payload = SizeBox(dims)
            return .none
        }
        .method("__repr__") { _, this, _ in .string(TensorFormatter.sizeRepr(try this.requirePayload(SizeBox.self, "torch.Size").dims)) }
        .method("__len__") { _, this, _ in .int(try this.requirePayload(SizeBox.self, "torch.Size").dims.count) }
        .method("__iter__") { interp, this, _ in
            .object(try interp.makeIterator(.tuple(try this.requirePayload(SizeBox.self, "torch.Size").dims.map { .int($0) })))
        }
        .method("__getitem__") { interp, this, args in
            let dims = try this.requirePayload(SizeBox.self, "torch.Size").dims
            let r = try interp.getItem(.tuple(dims.map { .int($0) }), args.positional[0])
            if case .object(let o) = r, let t = o as? PyTuple { return size(try t.items.map { try TorchValues.int($0, "size") }) }
            return r
        }
        .method("__eq__") { interp, this, args in
            let dims = try this.requirePayload(SizeBox.self, "torch.Size").dims
            let other = args.positional[0]
            if let o = other.payload(SizeBox.self) { return .bool(o.dims == dims) }
            if case .object(let o) = other, o is PyTuple {
                return .bool(try interp.equals(.tuple(dims.map { .int($0) }), other))
            }
            return .notImplemented
        }
        .method("__ne__") { interp, this, args in
            let eq = try interp.callMethod(this, "__eq__", args)
            if case .bool(let b) = eq { return .bool(!b) }
            return eq
        }
        .method("__hash__") { interp, this, _ in
            let key = try interp.hashKey(.tuple(try this.requirePayload(SizeBox.self, "torch.Size").dims.map { .int($0) }))
            return .int(key.hashValue)
        }
        .method("__add__") { interp, this, args in
            let dims = try this.requirePayload(SizeBox.self, "torch.Size").dims
            return size(dims + (try TorchValues.ints(interp, args.positional[0], "torch.Size")))
        }
        .method("numel") { _, this, _ in .int(try this.requirePayload(SizeBox.self, "torch.Size").dims.reduce(1, *)) }
        .build()

    static func size(_ dims: [Int]) -> Value { .object(PyInstance(cls: size, payload: SizeBox(dims))) }

    static let dtype: PyType = NativeClassBuilder("dtype", module: "torch", instantiable: false)
        .method("__repr__") { _, this, _ in .string(try this.requirePayload(DTypeBox.self, "torch.dtype").dtype.torchName) }
        .method("__eq__") { _, this, args in
            guard let o = args.positional[0].payload(DTypeBox.self) else { return .notImplemented }
            return .bool(o.dtype == (try this.requirePayload(DTypeBox.self, "torch.dtype")).dtype)
        }
        .method("__hash__") { _, this, _ in .int((try this.requirePayload(DTypeBox.self, "torch.dtype")).dtype.hashValue) }
        .property("is_floating_point") { _, this in .bool(try this.requirePayload(DTypeBox.self, "torch.dtype").dtype.isFloatingPoint) }
        .property("itemsize") { _, this in .int(try this.requirePayload(DTypeBox.self, "torch.dtype").dtype.itemSize) }
        .build()

    /// One object per dtype, so `t.dtype is torch.float32` holds.
    static let dtypeObjects: [DType: Value] = Dictionary(uniqueKeysWithValues: DType.allCases.map {
        ($0, Value.object(PyInstance(cls: dtype, payload: DTypeBox($0))))
    })

    static func dtypeValue(_ d: DType) -> Value { dtypeObjects[d] ?? .none }

    static let device: PyType = NativeClassBuilder("device", module: "torch")
        .initializer { interp, this, args in
            let a = try NativeSignature("device", "type", .init("index", default: .none)).bind(args)
            let name = try a.string("type")
            guard name == "cpu" || name.hasPrefix("cpu") else {
                throw PyError(.runtimeError, "Litgrad runs on the CPU only; device '\(name)' is not available")
            }
            this.instance?.payload = DeviceBox()
            return .none
        }
        .method("__repr__") { _, _, _ in .string("device(type='cpu')") }
        .method("__str__") { _, _, _ in .string("cpu") }
        .method("__eq__") { _, _, args in .bool(args.positional[0].payload(DeviceBox.self) != nil || args.positional[0].stringValue == "cpu") }
        .property("type") { _, _ in .string("cpu") }
        .build()

    static let cpu: Value = .object(PyInstance(cls: device, payload: DeviceBox()))

    /// `torch.return_types.max` and friends: a named pair of tensors.
    static func returnTypes(_ name: String) -> PyType {
        returnTypesLock.lock()
        defer { returnTypesLock.unlock() }
        if let t = returnTypesCache[name] { return t }
        let t = NativeClassBuilder(name, module: "torch.return_types", instantiable: false)
            .method("__repr__") { interp, this, _ in
                let p = try this.requirePayload(NamedTensors.self, name)
                let fields = zip(p.names, p.tensors).map { ($0, $1.description) }
                return .string(TensorFormatter.returnTypesRepr(name, fields: fields))
            }
            .method("__getitem__") { interp, this, args in
                let p = try this.requirePayload(NamedTensors.self, name)
                return try interp.getItem(.tuple(p.tensors.map(TorchValues.box)), args.positional[0])
            }
            .method("__iter__") { interp, this, _ in
                .object(try interp.makeIterator(.tuple(try this.requirePayload(NamedTensors.self, name).tensors.map(TorchValues.box))))
            }
            .method("__len__") { _, this, _ in .int(try this.requirePayload(NamedTensors.self, name).tensors.count) }
            .method("__getattr__") { _, this, args in
                let p = try this.requirePayload(NamedTensors.self, name)
                let field = args.positional[0].stringValue ?? ""
                guard let i = p.names.firstIndex(of: field) else {
                    throw PyError(.attributeError, "'torch.return_types.\(name)' object has no attribute '\(field)'")
                }
                return TorchValues.box(p.tensors[i])
            }
            .build()
        returnTypesCache[name] = t
        return t
    }

    nonisolated(unsafe) private static var returnTypesCache: [String: PyType] = [:]
    private static let returnTypesLock = NSLockShim()
}

final class DeviceBox {}

/// A tiny lock (Foundation's NSLock without importing Foundation here).
final class NSLockShim {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func lock() { pthread_mutex_lock(&mutex) }
    func unlock() { pthread_mutex_unlock(&mutex) }
}

#if canImport(Glibc)
import Glibc
#endif
