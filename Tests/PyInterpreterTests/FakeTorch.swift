import Foundation
@testable import PyInterpreter

/// A tiny scalar-only stand-in for torch, written against the native class API
/// (NativeClassBuilder, NativeSignature, ModuleRegistry) exactly as the real
/// binding will be. It exists only to exercise that API from tests.
final class FakeTorch {
    /// A scalar autograd node: the payload of a fake `torch.Tensor`.
    final class Node {
        var value: Double
        var grad: Double?
        let requiresGrad: Bool
        let gradFn: String?
        let parents: [(Node, Double)]
        init(_ value: Double, requiresGrad: Bool = false, gradFn: String? = nil, parents: [(Node, Double)] = []) {
            self.value = value
            self.requiresGrad = requiresGrad || parents.contains { $0.0.requiresGrad }
            self.gradFn = self.requiresGrad ? gradFn : nil
            self.parents = parents
        }
        func backward(_ seed: Double) {
            if parents.isEmpty { grad = (grad ?? 0) + seed; return }
            for (p, local) in parents where p.requiresGrad { p.backward(seed * local) }
        }
    }

    /// Per-module state created by `nn.Module.__init__`: children in registration order.
    final class ModuleState {
        var children: [(String, Value)] = []
    }

    final class SGDState {
        let parameters: [Node]
        let lr: Double
        init(parameters: [Node], lr: Double) {
            self.parameters = parameters
            self.lr = lr
        }
    }

    let tensorType: PyType
    let moduleType: PyType
    let reluType: PyType
    let mseType: PyType
    let sgdType: PyType
    let noGradType: PyType
    private(set) var gradEnabled = true

    static func format(_ v: Double) -> String {
        v == v.rounded() ? "\(Int(v))." : String(format: "%.4f", v)
    }

    init() {
        var tensorType: PyType!
        func tensor(_ node: Node) -> Value { .object(PyInstance(cls: tensorType, payload: node)) }
        func node(_ interp: Interpreter, _ v: Value) throws -> Node {
            if let n = v.payload(Node.self) { return n }
            return Node(try interp.toDouble(v))
        }
        func binary(_ name: String, _ gradFn: String, _ f: @escaping (Double, Double) -> (Double, Double, Double), reflected: Bool) -> NativeMethodBody {
            return { interp, this, args in
                guard let other = args.positional.first else { throw PyError(.typeError, "\(name) expects one argument") }
                if other.payload(Node.self) == nil, (try? interp.toDouble(other)) == nil { return .notImplemented }
                let a = try node(interp, reflected ? other : this), b = try node(interp, reflected ? this : other)
                let (value, da, db) = f(a.value, b.value)
                return tensor(Node(value, gradFn: gradFn, parents: [(a, da), (b, db)]))
            }
        }
        let mul: (Double, Double) -> (Double, Double, Double) = { ($0 * $1, $1, $0) }
        let add: (Double, Double) -> (Double, Double, Double) = { ($0 + $1, 1, 1) }
        let sub: (Double, Double) -> (Double, Double, Double) = { ($0 - $1, 1, -1) }
        tensorType = NativeClassBuilder("Tensor", module: "torch", instantiable: false)
            .method("__mul__", binary("__mul__", "MulBackward0", mul, reflected: false))
            .method("__rmul__", binary("__rmul__", "MulBackward0", mul, reflected: true))
            .method("__add__", binary("__add__", "AddBackward0", add, reflected: false))
            .method("__radd__", binary("__radd__", "AddBackward0", add, reflected: true))
            .method("__sub__", binary("__sub__", "SubBackward0", sub, reflected: false))
            .method("item") { _, this, _ in .float(try this.requirePayload(Node.self, "Tensor").value) }
            .method("backward") { _, this, _ in
                let n = try this.requirePayload(Node.self, "Tensor")
                guard n.requiresGrad else {
                    throw PyError(.runtimeError, "element 0 of tensors does not require grad and does not have a grad_fn")
                }
                n.backward(1)
                return .none
            }
            .method("__float__") { _, this, _ in .float(try this.requirePayload(Node.self, "Tensor").value) }
            .method("__bool__") { _, this, _ in .bool(try this.requirePayload(Node.self, "Tensor").value != 0) }
            .method("__format__") { interp, this, args in
                let n = try this.requirePayload(Node.self, "Tensor")
                return .string(try interp.formatValue(.float(n.value), try args.positional[0].requireString("format spec").value))
            }
            .method("__repr__") { _, this, _ in
                let n = try this.requirePayload(Node.self, "Tensor")
                var s = "tensor(\(FakeTorch.format(n.value))"
                if let f = n.gradFn { s += ", grad_fn=<\(f)>" } else if n.requiresGrad { s += ", requires_grad=True" }
                return .string(s + ")")
            }
            .property("grad", get: { _, this in
                let n = try this.requirePayload(Node.self, "Tensor")
                if !n.parents.isEmpty {
                    return .none
                }
                return n.grad.map { tensor(Node($0)) } ?? .none
            }, set: { interp, this, value in
                try this.requirePayload(Node.self, "Tensor").grad = value.isNone ? nil : try interp.toDouble(value)
            })
            .property("requires_grad", get: { _, this in .bool(try this.requirePayload(Node.self, "Tensor").requiresGrad) })
            .build()
        self.tensorType = tensorType

        moduleType = NativeClassBuilder("Module", module: "torch.nn")
            .initializer { _, this, _ in
                this.instance?.payload = ModuleState()
                return .none
            }
            .method("__setattr__") { interp, this, args in
                guard let inst = this.instance, case .str(let name) = args.positional[0] else { return .none }
                let value = args.positional[1]
                guard let state = inst.payload as? ModuleState else {
                    throw PyError(.attributeError, "cannot assign module before Module.__init__() call")
                }
                if value.payload(ModuleState.self) != nil {
                    state.children.removeAll { $0.0 == name.value }
                    state.children.append((name.value, value))
                }
                try interp.genericSetAttribute(inst, Symbol.intern(name.value), value)
                return .none
            }
            .method("__call__") { interp, this, args in try interp.callMethod(this, "forward", args) }
            .method("extra_repr") { _, _, _ in .string("") }
            .method("__repr__") { interp, this, _ in
                let name = this.pyType.name
                let extra = try interp.str(try interp.callMethod(this, "extra_repr"))
                guard let state = this.payload(ModuleState.self), !state.children.isEmpty else { return .string("\(name)(\(extra))") }
                var lines = ["\(name)("]
                for (child, value) in state.children {
                    let r = try interp.repr(value).replacingOccurrences(of: "\n", with: "\n  ")
                    lines.append("  (\(child)): \(r)")
                }
                return .string(lines.joined(separator: "\n") + "\n)")
            }
            .build()

        reluType = NativeClassBuilder("ReLU", module: "torch.nn", base: moduleType)
            .method("forward") { _, _, args in
                let n = try args.positional[0].requirePayload(Node.self, "Tensor")
                return tensor(Node(max(0, n.value), gradFn: "ReluBackward0", parents: [(n, n.value > 0 ? 1 : 0)]))
            }
            .build()

        mseType = NativeClassBuilder("MSELoss", module: "torch.nn", base: moduleType)
            .method("forward") { interp, _, args in
                let a = try NativeSignature("forward", "input", "target").bind(args)
                let x = try node(interp, a["input"]), y = try node(interp, a["target"])
                let d = x.value - y.value
                return tensor(Node(d * d, gradFn: "MseLossBackward0", parents: [(x, 2 * d), (y, -2 * d)]))
            }
            .build()

        sgdType = NativeClassBuilder("SGD", module: "torch.optim")
            .initializer { interp, this, args in
                let a = try NativeSignature("SGD", "params", .keywordOnly("lr", default: .float(0.001))).bind(args)
                let params = try interp.iterate(a["params"]).map { try $0.requirePayload(Node.self, "Tensor") }
                this.instance?.payload = SGDState(parameters: params, lr: try a.double("lr"))
                return .none
            }
            .method("step") { _, this, _ in
                let s = try this.requirePayload(SGDState.self, "SGD")
                for p in s.parameters { if let g = p.grad { p.value -= s.lr * g } }
                return .none
            }
            .method("zero_grad") { _, this, _ in
                for p in try this.requirePayload(SGDState.self, "SGD").parameters { p.grad = nil }
                return .none
            }
            .build()

        var noGrad: PyType!
        noGrad = NativeClassBuilder("no_grad", module: "torch")
            .method("__enter__") { _, _, _ in .none }
            .method("__exit__") { _, _, _ in .bool(false) }
            .build()
        noGradType = noGrad
    }

    /// Registers `torch`, `torch.nn`, `torch.optim` and the alias `oneflow`.
    func register(in registry: ModuleRegistry) {
        registry.register("torch") { [self] _ in
            let m = PyModule(name: "torch")
            m["Tensor"] = .object(tensorType)
            m["float"] = .string("torch.float32")
            m["float32"] = .string("torch.float32")
            m["no_grad"] = .object(noGradType)
            let signature = NativeSignature("tensor", "data", .keywordOnly("dtype", default: .none), .keywordOnly("requires_grad", default: .bool(false)))
            m.addFunction("tensor") { [self] interp, args in
                let a = try signature.bind(args)
                let node = Node(try interp.toDouble(a["data"]), requiresGrad: try a.bool("requires_grad"))
                return .object(PyInstance(cls: tensorType, payload: node))
            }
            return m
        }
        registry.register("torch.nn") { [self] _ in
            let m = PyModule(name: "torch.nn")
            m["Module"] = .object(moduleType)
            m["ReLU"] = .object(reluType)
            m["MSELoss"] = .object(mseType)
            return m
        }
        registry.register("torch.optim") { [self] _ in
            let m = PyModule(name: "torch.optim")
            m["SGD"] = .object(sgdType)
            return m
        }
        registry.alias("oneflow", to: "torch")
    }
}
