import Autograd
import BigInt

/// Moving values between Python and the engine: tensors in and out of their
/// `torch.Tensor` boxes, Python numbers as wrapped operands, nested lists as
/// new tensors, dims and shapes from ints, tuples, lists and `torch.Size`.
enum TorchValues {
    /// The Python object of a tensor; the same box every time while it lives,
    /// so `model.weight is model.weight` holds.
    static func box(_ t: Tensor) -> Value {
        if let existing = PyInstance.boxed(by: t.boxed) { return .object(existing) }
        let inst = PyInstance(cls: t.isParameter ? TorchTypes.parameter : TorchTypes.tensor)
        inst.becomeBox(of: t)
        return .object(inst)
    }

    static func box(_ t: Tensor?) -> Value { t.map(box) ?? .none }

    static func tensor(_ v: Value) -> Tensor? { v.payload(Tensor.self) }

    static func requireTensor(_ v: Value, _ function: String, _ argument: String = "input") throws -> Tensor {
        guard let t = tensor(v) else {
            throw PyError(.typeError, "\(function)(): argument '\(argument)' (position 1) must be Tensor, not \(v.typeName)")
        }
        return t
    }

    /// A tensor, or a Python number as a wrapped operand (nil for anything else).
    static func operand(_ v: Value) throws -> Tensor? {
        switch v {
        case .object(let o):
            if let t = (o as? PyInstance)?.payload as? Tensor { return t }
            if let big = o as? PyBigInt {
                guard let i = Int64(exactly: big.value) else {
                    throw PyError(.runtimeError, "Overflow when unpacking long")
                }
                return Tensor.wrapped(Double(i), dtype: .int64)
            }
            return nil
        case .int(let i): return Tensor.wrapped(Double(i), dtype: .int64)
        case .float(let d): return Tensor.wrapped(d, dtype: .float64)
        case .bool(let b): return Tensor.wrapped(b ? 1 : 0, dtype: .bool)
        default: return nil
        }
    }

    /// An operand that must exist (TypeError otherwise).
    static func requireOperand(_ v: Value, _ function: String) throws -> Tensor {
        guard let t = try operand(v) else {
            throw PyError(.typeError, "\(function)(): argument 'other' (position 1) must be Tensor, not \(v.typeName)")
        }
        return t
    }

    // MARK: ints, dims, shapes

    static func int(_ v: Value, _ what: String) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default:
            if let t = tensor(v), t.count == 1, !t.dtype.isFloatingPoint { return Int(try t.scalarInt64()) }
            throw PyError(.typeError, "\(what) must be int, not \(v.typeName)")
        }
    }

    /// A list of ints from an int, a tuple/list of ints or a torch.Size.
    static func ints(_ interp: Interpreter, _ v: Value, _ what: String) throws -> [Int] {
        if case .int(let i) = v { return [i] }
        if let size = v.payload(SizeBox.self) { return size.dims }
        switch v {
        case .object(let o) where o is PyTuple || o is PyList:
            return try interp.iterate(v).map { try int($0, what) }
        default:
            if let t = tensor(v), !t.dtype.isFloatingPoint { return try t.int64s().map { Int($0) } }
            throw PyError(.typeError, "\(what) must be tuple of ints, not \(v.typeName)")
        }
    }

    /// Sizes given either as separate ints (`zeros(2, 3)`) or as one sequence (`zeros((2, 3))`).
    static func shape(_ interp: Interpreter, _ positional: [Value], _ function: String) throws -> [Int] {
        if positional.count == 1, !isInt(positional[0]) {
            return try ints(interp, positional[0], "\(function)(): argument 'size'")
        }
        return try positional.map { try int($0, "\(function)(): argument 'size'") }
    }

    /// A Python int, or a one-element integer tensor / NumPy integer (what
    /// `arange` treats as an int bound).
    static func isIntegral(_ v: Value) -> Bool {
        if isInt(v) { return true }
        if let t = tensor(v) { return t.count == 1 && !t.dtype.isFloatingPoint && t.dtype != .bool }
        return false
    }

    static func isInt(_ v: Value) -> Bool {
        if case .int = v { return true }
        if case .object(let o) = v, o is PyBigInt { return true }
        return false
    }

    /// `dim=None | int | tuple` → nil (all) or the list of dims.
    static func dims(_ interp: Interpreter, _ v: Value?) throws -> [Int]? {
        guard let v, !v.isNone else { return nil }
        return try ints(interp, v, "dim")
    }

    static func double(_ interp: Interpreter, _ v: Value) throws -> Double {
        if let t = tensor(v) { return try t.scalarDouble() }
        return try interp.toDouble(v)
    }

    // MARK: Python data → tensor

    /// `torch.tensor(data, dtype=…)`: nested lists/tuples of numbers or 0-d tensors.
    static func tensor(from data: Value, dtype requested: DType?, interp: Interpreter) throws -> Tensor {
        if let t = tensor(data) {
            let copy = try GradMode.with(enabled: false) { try t.detach().contiguousCopy() }
            return try requested.map { try copy.to($0).detach() } ?? copy
        }
        var shape: [Int] = []
        var values: [Double] = []
        var inferred: DType = .bool
        var sawFloat = false, sawInt = false, sawBool = false
        var tensorDType: DType? = nil
        func visit(_ v: Value, depth: Int) throws {
            try interp.tick()
            switch v {
            case .bool(let b): sawBool = true; values.append(b ? 1 : 0); try leaf(depth)
            case .int(let i): sawInt = true; values.append(Double(i)); try leaf(depth)
            case .float(let d): sawFloat = true; values.append(d); try leaf(depth)
            case .object(let o):
                if let big = o as? PyBigInt {
                    guard let i = Int64(exactly: big.value) else { throw PyError(.runtimeError, "Overflow when unpacking long") }
                    sawInt = true; values.append(Double(i)); try leaf(depth)
                } else if let t = (o as? PyInstance)?.payload as? Tensor {
                    guard t.count == 1 && t.dim == 0 || depth == shape.count else {
                        throw PyError(.valueError, "only one element tensors can be converted to Python scalars")
                    }
                    tensorDType = Promotion.promote(tensorDType, t.dtype)
                    values.append(try t.scalarDouble()); try leaf(depth)
                } else if o is PyList || o is PyTuple {
                    let items = try interp.iterate(v)
                    if depth == shape.count {
                        if !values.isEmpty { throw PyError(.valueError, "expected sequence of length \(shape.isEmpty ? 0 : shape[depth - 1]) at dim \(depth) (got \(items.count))") }
                        shape.append(items.count)
                    } else if depth > shape.count || shape[depth] != items.count {
                        throw PyError(.valueError, "expected sequence of length \(depth < shape.count ? shape[depth] : 0) at dim \(depth) (got \(items.count))")
                    }
                    for item in items { try visit(item, depth: depth + 1) }
                } else {
                    throw PyError(.typeError, "new(): invalid data type '\(v.typeName)'")
                }
            default:
                throw PyError(.typeError, "new(): invalid data type '\(v.typeName)'")
            }
        }
        func leaf(_ depth: Int) throws {
            if depth != shape.count {
                throw PyError(.valueError, "expected sequence of length \(depth < shape.count ? shape[depth] : 0) at dim \(depth) (got 0)")
            }
        }
        try visit(data, depth: 0)
        if sawFloat { inferred = EngineContext.current.defaultFloat }
        else if sawInt { inferred = .int64 }
        else if sawBool { inferred = .bool }
        else { inferred = EngineContext.current.defaultFloat }
        if let td = tensorDType, !sawFloat && !sawInt && !sawBool { inferred = td }
        else if let td = tensorDType { inferred = Promotion.promote(inferred, td) }
        return try Tensor.from(values, shape: shape, dtype: requested ?? inferred)
    }
}

/// The payload of a `torch.Size`.
final class SizeBox {
    let dims: [Int]
    init(_ dims: [Int]) { self.dims = dims }
}

/// The payload of a `torch.dtype`.
final class DTypeBox {
    let dtype: DType
    init(_ dtype: DType) { self.dtype = dtype }
}
