/// Reprs of the small structured values that tensors come with.
public extension TensorFormatter {
    /// `torch.Size([2, 3])`; `str` and `repr` agree.
    static func sizeRepr(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    /// A `torch.return_types` named tuple, e.g. `max` with `values` and `indices`:
    /// `torch.return_types.max(\nvalues=tensor(...),\nindices=tensor(...))`.
    /// Field reprs are inserted unchanged; their continuation lines keep their indent.
    static func returnTypesRepr(_ name: String, fields: [(name: String, repr: String)]) -> String {
        "torch.return_types.\(name)(\n"
            + fields.map { "\($0.name)=\($0.repr)" }.joined(separator: ",\n") + ")"
    }
}
