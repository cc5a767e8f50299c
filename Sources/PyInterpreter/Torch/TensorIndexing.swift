import Autograd

/// Python subscripts (`a[0, 1:3, None, mask]`) as the engine's index items.
enum TensorIndexing {
    /// The items of a subscript and whether it was a tuple.
    static func items(_ interp: Interpreter, _ key: Value) throws -> ([IndexItem], Bool) {
        if case .object(let o) = key, let tuple = o as? PyTuple {
            return (try tuple.items.map { try item(interp, $0) }, true)
        }
        // Old-style `a[[[0, 1], [1, 2]]]`: a list of sequences is a tuple of indices.
        if case .object(let o) = key, let list = o as? PyList, !list.items.isEmpty,
           list.items.allSatisfy({ v in if case .object(let e) = v { return e is PyList || e is PyTuple }; return false }) {
            return (try list.items.map { try item(interp, $0) }, true)
        }
        return ([try item(interp, key)], false)
    }

    static func item(_ interp: Interpreter, _ v: Value) throws -> IndexItem {
        switch v {
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .object(let o):
            if let s = o as? PySlice {
                return .slice(start: try bound(s.start), stop: try bound(s.stop), step: try bound(s.step))
            }
            if v.isIdentical(to: .ellipsis) { return .ellipsis }
            if let t = TorchValues.tensor(v) {
                if t.dtype.isFloatingPoint {
                    throw PyError(.indexError, "tensors used as indices must be long, int, byte or bool tensors")
                }
                if t.dim == 0 && t.dtype != .bool { return .int(Int(try t.scalarInt64())) }
                return .tensor(t)
            }
            if o is PyList || o is PyTuple {
                let items = try interp.iterate(v)
                if items.isEmpty { return .tensor(try Tensor.zeros([0], dtype: .int64)) }
                let t = try TorchValues.tensor(from: v, dtype: nil, interp: interp)
                if t.dtype.isFloatingPoint {
                    throw PyError(.indexError, "tensors used as indices must be long, int, byte or bool tensors")
                }
                return .tensor(t)
            }
            if o is PyRange {
                // A range indexes like the list of its ints (`y_hat[range(n), y]`).
                let items = try interp.iterate(v)
                if items.isEmpty { return .tensor(try Tensor.zeros([0], dtype: .int64)) }
                return .tensor(try TorchValues.tensor(from: .tuple(items), dtype: .int64, interp: interp))
            }
            if o is PyBigInt { throw PyError(.indexError, "index out of range") }
            return .int(try interp.indexValue(v))
        default:
            throw PyError(.indexError, "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(v.typeName))")
        }
    }

    static func bound(_ v: Value) throws -> Int? {
        if v.isNone { return nil }
        if case .int(let i) = v { return i }
        if let t = TorchValues.tensor(v), t.count == 1, !t.dtype.isFloatingPoint { return Int(try t.scalarInt64()) }
        throw PyError(.typeError, "slice indices must be integers or None or have an __index__ method")
    }
}
