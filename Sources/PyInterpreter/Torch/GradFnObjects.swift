import Autograd

/// Python objects for `t.grad_fn` and its `next_functions`: one class per
/// node name (`type(y.grad_fn).__name__ == "MulBackward0"`), and
/// `AccumulateGrad` for leaves.
enum GradFnObjects {
    final class Box {
        let node: Node?
        let leaf: Tensor?
        init(node: Node) { self.node = node; leaf = nil }
        init(leaf: Tensor) { self.leaf = leaf; node = nil }
    }

    static func value(_ node: Node?) -> Value {
        guard let node else { return .none }
        return .object(PyInstance(cls: type(named: node.name), payload: Box(node: node)))
    }

    static func value(_ edge: Edge?) -> Value {
        switch edge {
        case .node(let n)?: return value(n)
        case .leaf(let t)?: return .object(PyInstance(cls: type(named: "AccumulateGrad"), payload: Box(leaf: t)))
        case nil: return .none
        }
    }

    private static var cache: [String: PyType] = [:]
    private static let lock = NSLockShim()

    static func type(named name: String) -> PyType {
        lock.lock()
        defer { lock.unlock() }
        if let t = cache[name] { return t }
        let t = NativeClassBuilder(name, module: "torch.autograd.graph", instantiable: false)
            // C++ nodes without a generated Python class name themselves with their namespace.
            .method("name") { _, _, _ in .string(name == "AccumulateGrad" ? "torch::autograd::AccumulateGrad" : name) }
            .method("__repr__") { _, this, _ in
                // CPython shows an address; a stand-in stable across runs keeps outputs reproducible.
                let address = this.instance?.fakeAddress ?? 0x7F00_0000_0000
                return .string("<\(name) object at 0x\(String(address, radix: 16))>")
            }
            .property("next_functions") { _, this in
                guard let box = this.payload(Box.self), let node = box.node else { return .tuple([]) }
                return .tuple(node.nextFunctions.map { .tuple([value($0), .int(0)]) })
            }
            .property("variable") { _, this in
                guard let leaf = this.payload(Box.self)?.leaf else {
                    throw PyError(.attributeError, "'\(name)' object has no attribute 'variable'")
                }
                return TorchValues.box(leaf)
            }
            .method("__eq__") { _, this, args in
                guard let a = this.payload(Box.self), let b = args.positional[0].payload(Box.self) else { return .notImplemented }
                return .bool((a.node != nil && a.node === b.node) || (a.leaf != nil && a.leaf === b.leaf))
            }
            .method("__hash__") { _, this, _ in
                guard let b = this.payload(Box.self) else { return .int(0) }
                return .int(b.node.map { ObjectIdentifier($0).hashValue } ?? b.leaf.map { ObjectIdentifier($0).hashValue } ?? 0)
            }
            .build()
        cache[name] = t
        return t
    }
}
