import Autograd

/// `torch.func.vmap(func, in_dims=0, out_dims=0)`: f mapped over a batch
/// dimension. Litgrad runs f once per batch element on slices and stacks the
/// results, which gives the batched values for the pure tensor functions
/// vmap accepts (per-sample gradients: `vmap(grad(loss), in_dims=(None, 0, 0))`).
enum FuncVmapBinding {
    static func make(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        let a = try NativeSignature("vmap", "func", .init("in_dims", default: .int(0)), .init("out_dims", default: .int(0)),
                                    .init("randomness", default: .string("error")), .keywordOnly("chunk_size", default: .none)).bind(args)
        let f = a["func"], inDims = a["in_dims"], outDims = a["out_dims"]
        let name = (try? interp.getAttribute(f, .intern("__name__")).stringValue) ?? "function"
        return .object(PyNativeFunction(name: "vmap_fn") { interp, callArgs in
            let values = callArgs.positional
            let dims = try inputDims(inDims, count: values.count, name: name)
            var size: Int?
            var sizes: [Int] = []
            var mapped: [(index: Int, dim: Int)] = []
            for (i, d) in dims.enumerated() {
                guard let d else { continue }
                guard let t = TorchValues.tensor(values[i]) else {
                    throw PyError.valueError("vmap(\(name), in_dims=\(try interp.repr(inDims)), ...)(<inputs>): Got in_dim=\(d) for an input but the input is of type \(values[i].typeName). We cannot vmap over non-Tensor arguments, please use None as the respective in_dim")
                }
                guard d >= -t.dim && d < t.dim else {
                    throw PyError.valueError("vmap(\(name), in_dims=\(try interp.repr(inDims)), ...)(<inputs>): Got in_dim=\(d) for some input, but that input is a Tensor of dimensionality \(t.dim) so expected in_dim to satisfy -\(t.dim) <= in_dim < \(t.dim).")
                }
                let dim = d < 0 ? d + t.dim : d
                mapped.append((i, dim))
                sizes.append(t.shape[dim])
                size = size ?? t.shape[dim]
            }
            guard let batch = size else { throw PyError.valueError("vmap: Expected at least one Tensor to vmap over") }
            guard sizes.allSatisfy({ $0 == batch }) else {
                throw PyError.valueError("vmap: Expected all tensors to have the same size in the mapped dimension, got sizes \(sizes) for the mapped dimension")
            }
            var results: [[Tensor]] = []
            var tupleOutput = false
            for b in 0..<batch {
                var slice = values
                for (i, dim) in mapped { slice[i] = TorchValues.box(try TorchValues.tensor(values[i])!.select(dim, b)) }
                let out = try interp.call(f, Arguments(slice, keywords: callArgs.keywords))
                var items = [out]
                if case .object(let o) = out, let t = o as? PyTuple { items = t.items; tupleOutput = true }
                results.append(try items.map { item in
                    guard let t = TorchValues.tensor(item) else {
                        throw PyError.valueError("vmap(\(name), ...): `\(name)` must only return Tensors, got type <class '\(item.typeName)'>. Did you mean to set out_dims= to None for output?")
                    }
                    return t
                })
            }
            let outputCount = results.first?.count ?? 0
            let outs = try outputDims(interp, outDims, count: outputCount)
            let stacked = try (0..<outputCount).map { k in
                TorchValues.box(try Tensor.stack(results.map { $0[k] }, dim: outs[k]))
            }
            return tupleOutput ? .tuple(stacked) : stacked[0]
        })
    }

    /// One optional dim per positional argument (an int applies to all).
    private static func inputDims(_ v: Value, count: Int, name: String) throws -> [Int?] {
        switch v {
        case .int(let d): return Array(repeating: d, count: count)
        case .object(let o):
            guard let t = o as? PyTuple ?? (o as? PyList).map({ PyTuple($0.items) }) else { break }
            guard t.items.count == count else {
                throw PyError.valueError("vmap(\(name), in_dims=…, ...)(<inputs>): in_dims is not compatible with the structure of `inputs`: \(t.items.count) in_dims for \(count) inputs.")
            }
            return try t.items.map { item in
                switch item {
                case .none: return nil
                case .int(let d): return d
                default: throw PyError.valueError("vmap(\(name), ...): in_dims must be ints or None, got \(item.typeName)")
                }
            }
        default: break
        }
        throw PyError.valueError("vmap(\(name), in_dims=\(v.isNone ? "None" : v.typeName), ...)(<inputs>): expected `in_dims` to be int or a (potentially nested) tuple matching the structure of inputs, got: <class '\(v.typeName)'>.")
    }

    private static func outputDims(_ interp: Interpreter, _ v: Value, count: Int) throws -> [Int] {
        if case .int(let d) = v { return Array(repeating: d, count: count) }
        if case .object(let o) = v, let t = o as? PyTuple, t.items.count == count {
            return try t.items.map { item in
                guard case .int(let d) = item else { throw PyError.valueError("vmap: out_dims must be ints, got \(item.typeName)") }
                return d
            }
        }
        throw PyError.valueError("vmap: out_dims must be an int or a tuple of one int per output, got \(try interp.repr(v))")
    }
}
