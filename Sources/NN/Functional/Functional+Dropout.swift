import Autograd

extension Functional {
    /// `F.dropout(x, p=0.5, training=True, inplace=False)`: `x * mask / (1 − p)`
    /// with PyTorch's bernoulli draws (2 per element, torch-fidelity §3.5);
    /// nothing is drawn when not training, for p = 0 or for empty input.
    public static func dropout(_ input: Tensor, p: Double = 0.5, training: Bool = true, inplace: Bool = false,
                               generator: TorchGenerator = .default) throws -> Tensor {
        guard p >= 0 && p <= 1 else {
            throw TorchError.value("dropout probability has to be between 0 and 1, but got \(PythonRepr.float(p))")
        }
        guard training && p > 0 && input.count > 0 else { return input }
        guard input.dtype.isFloatingPoint else {
            throw TorchError.runtime("result type Float can't be cast to the desired output type \(input.dtype.scalarTypeName)")
        }
        let noise: Tensor
        if p == 1 {
            noise = try Tensor.zeros([], dtype: input.dtype)
        } else {
            let keep = generator.bernoulli(count: input.count, p: 1 - p)
            switch input.dtype {
            case .float64:
                let scale = 1 - p
                noise = Tensor(storage: Storage(keep.map { ($0 ? 1 : 0) / scale }), shape: input.shape)
            default:
                let scale = Float(1 - p)
                noise = Tensor(storage: Storage(keep.map { ($0 ? 1 : 0) / scale }), shape: input.shape)
            }
        }
        return inplace ? try input.mulInPlace(noise) : try input.mul(noise)
    }
}
