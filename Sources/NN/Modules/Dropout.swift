import Autograd

/// `nn.Dropout(p=0.5, inplace=False)`: PyTorch's bernoulli mask in training
/// mode, the identity (drawing nothing) in eval mode.
public final class Dropout: Module {
    public let p: OptionValue
    public let inplace: Bool

    public init(p: OptionValue = 0.5, inplace: Bool = false) throws {
        let value = p.doubleValue ?? -1
        guard value >= 0 && value <= 1 else {
            throw TorchError.value("dropout probability has to be between 0 and 1, but got \(p.pythonStr)")
        }
        self.p = p
        self.inplace = inplace
        super.init(typeName: "Dropout")
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.dropout(input, p: p.doubleValue ?? 0, training: training, inplace: inplace)
    }

    public override var extraRepr: String { "p=\(p.pythonStr), inplace=\(PythonRepr.bool(inplace))" }
}
