import Autograd

/// `forward_ad.unpack_dual(t)`'s result: the namedtuple
/// `UnpackedDualTensor(primal, tangent)`, whose tangent is None for a tensor
/// without one (or outside a dual level). Prints as a namedtuple does.
enum UnpackedDualTensor {
    final class Fields {
        let primal: Tensor
        let tangent: Tensor?
        init(primal: Tensor, tangent: Tensor?) {
            self.primal = primal
            self.tangent = tangent
        }
        var values: [Value] { [TorchValues.box(primal), tangent.map(TorchValues.box) ?? .none] }
    }

    static func make(primal: Tensor, tangent: Tensor?) -> Value {
        .object(PyInstance(cls: type, payload: Fields(primal: primal, tangent: tangent)))
    }

    private static func fields(_ this: Value) throws -> Fields {
        try this.requirePayload(Fields.self, "UnpackedDualTensor")
    }

    static let type: PyType = NativeClassBuilder("UnpackedDualTensor", module: "torch.autograd.forward_ad", instantiable: false)
        .method("__repr__") { interp, this, _ in
            let f = try fields(this)
            let tangent = try f.tangent.map { try interp.repr(TorchValues.box($0)) } ?? "None"
            return .string("UnpackedDualTensor(primal=\(try interp.repr(TorchValues.box(f.primal))), tangent=\(tangent))")
        }
        .method("__getitem__") { interp, this, args in try interp.getItem(.tuple(try fields(this).values), args.positional[0]) }
        .method("__iter__") { interp, this, _ in .object(try interp.makeIterator(.tuple(try fields(this).values))) }
        .method("__len__") { _, _, _ in .int(2) }
        .property("primal") { _, this in TorchValues.box(try fields(this).primal) }
        .property("tangent") { _, this in try fields(this).tangent.map(TorchValues.box) ?? .none }
        .build()
}
