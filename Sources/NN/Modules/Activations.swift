import Autograd

/// A module that applies one elementwise function and has no parameters.
public final class Activation: Module {
    private let function: (Tensor) throws -> Tensor
    private let extra: String

    public init(_ typeName: String, extraRepr: String = "", _ function: @escaping (Tensor) throws -> Tensor) {
        self.function = function
        self.extra = extraRepr
        super.init(typeName: typeName)
    }

    public override func forward(_ input: Tensor) throws -> Tensor { try function(input) }
    public override var extraRepr: String { extra }

    public static func relu(inplace: Bool = false) -> Activation {
        Activation("ReLU", extraRepr: inplace ? "inplace=True" : "") { try inplace ? $0.reluInPlace() : $0.relu() }
    }
    public static func sigmoid() -> Activation { Activation("Sigmoid") { try $0.sigmoid() } }
    public static func tanh() -> Activation { Activation("Tanh") { try $0.tanh() } }
    public static func identity() -> Activation { Activation("Identity") { $0 } }
}

/// `nn.Sequential`: children named 0, 1, … called in order.
public final class Sequential: Module {
    public init(_ modules: [Module]) {
        super.init(typeName: "Sequential")
        for (i, m) in modules.enumerated() { register(module: m, named: String(i)) }
    }

    public init(named modules: [(String, Module)]) {
        super.init(typeName: "Sequential")
        for (name, m) in modules { register(module: m, named: name) }
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        var x = input
        for (_, m) in childSlots { if let m { x = try m.forward(x) } }
        return x
    }
}
