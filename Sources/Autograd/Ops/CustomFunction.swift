extension Tensor {
    /// Records a user-defined operation (`torch.autograd.Function`): `self` is
    /// its freshly computed output, `backward` maps the output's gradient to
    /// one gradient per tensor in `inputs` (nil where there is none). Like any
    /// op it records only when grad mode is on and some input requires grad.
    @discardableResult
    public func recordingCustomFunction(_ name: String, inputs: [Tensor], saving: [Tensor],
                                        backward: @escaping (Tensor) throws -> [Tensor?]) throws -> Tensor {
        try recorded(name, inputs: inputs, saving: saving) { InputGradients(try backward($0)) }
    }
}
