import Autograd
import BigInt
import Foundation

extension Interpreter {
    /// `l op r` with Python semantics: builtin numbers and sequences first, then
    /// `__op__` / reflected `__rop__` on user and native classes.
    public func binaryOperation(_ op: BinaryOp, _ l: Value, _ r: Value) throws -> Value {
        // Builtin types handle no instance on the left, and none on the right
        // of a plain number (they do of a str or a dict view).
        if l.instance != nil || (r.instance != nil && isPlainNumber(l)) {
            // Engine errors become PyTorch-worded exceptions, as from the special methods.
            let fast = try runNative { try TensorArithmetic.binary(op, l, r) ?? .notImplemented }
            if !fast.isNotImplemented { return fast }
            if let v = try dispatchBinary(op, l, r) { return v }
            throw unsupportedOperands(op, l, r)
        }
        if let v = try builtinBinary(op, l, r) { return v }
        if let v = try dispatchBinary(op, l, r) { return v }
        throw unsupportedOperands(op, l, r)
    }

    /// `l op= r`: `__iop__` or in-place list/set/dict updates, else the binary operation.
    public func inPlaceOperation(_ op: BinaryOp, _ l: Value, _ r: Value) throws -> Value {
        if case .object(let o) = l {
            if let list = o as? PyList {
                if op == .add {
                    let items = try iterate(r)
                    try checkSize(list.items.count + items.count)
                    list.items.append(contentsOf: items)
                    return l
                }
                if op == .multiply, let n = try? indexValue(r) {
                    try checkSize(Swift.max(0, n) &* list.items.count)
                    let original = list.items
                    list.items = n <= 0 ? [] : Array([[Value]](repeating: original, count: n).joined())
                    return l
                }
            } else if let set = o as? PySet, !set.isFrozen, case .object(let ro) = r, let other = ro as? PySet {
                switch op {
                case .bitOr: set.merge(other); return l
                case .bitAnd:
                    for s in set.slots where !other.contains(s.hashKey) { set.remove(s.hashKey) }
                    return l
                case .subtract:
                    for s in other.slots { set.remove(s.hashKey) }
                    return l
                case .bitXor:
                    for s in other.slots {
                        if set.contains(s.hashKey) { set.remove(s.hashKey) } else { set.add(s.key, s.hashKey) }
                    }
                    return l
                default: break
                }
            } else if let dict = o as? PyDict, op == .bitOr {
                try mergeMapping(into: dict, r)
                return l
            } else if o is PyInstance {
                if let method = l.pyType.lookup(op.inPlaceSymbol) {
                    let result = try callBinary(method, l, r)
                    if !result.isNotImplemented { return result }
                }
            }
        }
        return try binaryOperation(op, l, r)
    }

    /// Special methods of user and native classes (builtin types are handled by `builtinBinary`).
    private func dispatchBinary(_ op: BinaryOp, _ l: Value, _ r: Value) throws -> Value? {
        let li = l.instance, ri = r.instance
        if li == nil && ri == nil { return nil }
        let lt = li?.cls ?? l.pyType, rt = ri?.cls ?? r.pyType
        let lm = li != nil ? lt.lookup(op.forwardSymbol) : nil
        let rm = lt === rt || ri == nil ? nil : rt.lookup(op.reflectedSymbol)
        if let rm = rm, rt.isSubtype(of: lt), lt !== rt {
            let v = try callBinary(rm, r, l)
            if !v.isNotImplemented { return v }
        }
        if let lm = lm {
            let v = try callBinary(lm, l, r)
            if !v.isNotImplemented { return v }
        }
        if let rm = rm {
            let v = try callBinary(rm, r, l)
            if !v.isNotImplemented { return v }
        }
        return nil
    }

    private func unsupportedOperands(_ op: BinaryOp, _ l: Value, _ r: Value) -> PyError {
        switch (op, l) {
        case (.add, .str):
            return PyError(.typeError, "can only concatenate str (not \"\(r.typeName)\") to str")
        case (.add, .object(let o)) where o is PyList:
            return PyError(.typeError, "can only concatenate list (not \"\(r.typeName)\") to list")
        case (.add, .object(let o)) where o is PyTuple:
            return PyError(.typeError, "can only concatenate tuple (not \"\(r.typeName)\") to tuple")
        case (.multiply, _) where isSequence(l) || isSequence(r):
            let other = isSequence(l) ? r : l
            if case .float = other {
                return PyError(.typeError, "can't multiply sequence by non-int of type '\(other.typeName)'")
            }
            if !isSequence(other) || true {
                return PyError(.typeError, "can't multiply sequence by non-int of type '\(other.typeName)'")
            }
        case (.power, _):
            return PyError(.typeError, "unsupported operand type(s) for ** or pow(): '\(l.typeName)' and '\(r.typeName)'")
        default:
            break
        }
        return PyError(.typeError, "unsupported operand type(s) for \(op.rawValue): '\(l.typeName)' and '\(r.typeName)'")
    }

    private func isPlainNumber(_ v: Value) -> Bool {
        switch v {
        case .int, .float, .bool, .none: return true
        case .str, .object: return false
        }
    }

    private func isSequence(_ v: Value) -> Bool {
        if case .str = v { return true }
        if case .object(let o) = v { return o is PyList || o is PyTuple }
        return false
    }

    /// Builtin operand combinations; nil when the builtin types do not handle them.
    private func builtinBinary(_ op: BinaryOp, _ l: Value, _ r: Value) throws -> Value? {
        switch (l, r) {
        case (.int(let a), .int(let b)):
            return try intBinary(op, a, b)
        case (.float(let a), .float(let b)):
            return try floatBinary(op, a, b)
        case (.int(let a), .float(let b)):
            return try floatBinary(op, Double(a), b)
        case (.float(let a), .int(let b)):
            return try floatBinary(op, a, Double(b))
        case (.bool(let a), .bool(let b)):
            switch op {
            case .bitAnd: return .bool(a && b)
            case .bitOr: return .bool(a || b)
            case .bitXor: return .bool(a != b)
            default: return try intBinary(op, a ? 1 : 0, b ? 1 : 0)
            }
        case (.bool(let a), _) where isNumber(r):
            return try builtinBinary(op, .int(a ? 1 : 0), r)
        case (_, .bool(let b)) where isNumber(l):
            return try builtinBinary(op, l, .int(b ? 1 : 0))
        case (.str(let a), .str(let b)):
            if op == .add {
                try checkSize(a.value.utf8.count + b.value.utf8.count, "string")
                return .string(a.value + b.value)
            }
            if op == .modulo { return .string(try percentFormat(a.value, r)) }
            return nil
        case (.str(let s), _):
            if op == .multiply, let n = try? indexValue(r) { return .string(try repeatString(s, n)) }
            // An instance's __rmod__ already had its chance (and declined) in
            // dispatchBinary; str formatting takes the rest, as str.__mod__ does.
            if op == .modulo { return .string(try percentFormat(s.value, r)) }
            return nil
        case (_, .str(let s)):
            if op == .multiply, isIntLike(l), let n = try? indexValue(l) { return .string(try repeatString(s, n)) }
            return nil
        default:
            break
        }
        if let a = IntMath.big(l), let b = IntMath.big(r) { return try bigBinary(op, a, b) }
        if case .float(let x) = l, let b = IntMath.big(r) { return try floatBinary(op, x, try IntMath.toDouble(b)) }
        if case .float(let y) = r, let a = IntMath.big(l) { return try floatBinary(op, try IntMath.toDouble(a), y) }
        guard case .object(let lo) = l else {
            if case .object(let ro) = r, op == .multiply, isIntLike(l) { return try repeatSequence(ro, try indexValue(l)) }
            return nil
        }
        if let a = lo as? PyList {
            if op == .add, case .object(let ro) = r, let b = ro as? PyList {
                try checkSize(a.items.count + b.items.count)
                return .list(a.items + b.items)
            }
            if op == .multiply, isIntLike(r) { return try repeatSequence(lo, try indexValue(r)) }
            return nil
        }
        if let a = lo as? PyTuple {
            if op == .add, case .object(let ro) = r, let b = ro as? PyTuple {
                try checkSize(a.items.count + b.items.count)
                return .tuple(a.items + b.items)
            }
            if op == .multiply, isIntLike(r) { return try repeatSequence(lo, try indexValue(r)) }
            return nil
        }
        if let a = lo as? PySet, case .object(let ro) = r, let b = ro as? PySet {
            return try setBinary(op, a, b)
        }
        if let a = lo as? PyDict, op == .bitOr, case .object(let ro) = r, let b = ro as? PyDict {
            let d = PyDict()
            for e in a.entries.compactMap({ $0 }) { d.set(e.key, hash: e.hash, e.value) }
            for e in b.entries.compactMap({ $0 }) { d.set(e.key, hash: e.hash, e.value) }
            return .object(d)
        }
        if let view = lo as? DictView, case .object(let ro) = r, view.kind != .values {
            // dict_keys / dict_items support set operations.
            let left = PySet()
            for v in try iterate(l) { left.add(v, try hashKey(v)) }
            let right = PySet()
            if let rs = ro as? PySet { right.merge(rs) } else { for v in try iterate(r) { right.add(v, try hashKey(v)) } }
            return try setBinary(op, left, right)
        }
        if case .object(let ro) = r, op == .multiply, isIntLike(l), ro is PyList || ro is PyTuple {
            return try repeatSequence(ro, try indexValue(l))
        }
        return nil
    }

    private func isNumber(_ v: Value) -> Bool {
        switch v {
        case .int, .float, .bool: return true
        case .object(let o): return o is PyBigInt
        default: return false
        }
    }
    private func isIntLike(_ v: Value) -> Bool {
        switch v {
        case .int, .bool: return true
        case .object(let o): return o is PyBigInt
        default: return false
        }
    }

    private func repeatString(_ s: PyStr, _ n: Int) throws -> String {
        if n <= 0 || s.value.isEmpty { return "" }
        try checkSize(s.value.utf8.count.multipliedReportingOverflow(by: n).overflow ? Int.max : s.value.utf8.count * n, "string")
        return String(repeating: s.value, count: n)
    }

    private func repeatSequence(_ o: PyObject, _ n: Int) throws -> Value? {
        let items: [Value]
        if let l = o as? PyList { items = l.items } else if let t = o as? PyTuple { items = t.items } else { return nil }
        let total = n <= 0 ? 0 : (items.count.multipliedReportingOverflow(by: n).overflow ? Int.max : items.count * n)
        try checkSize(total)
        var out: [Value] = []
        out.reserveCapacity(total)
        if total > 0 { for _ in 0..<n { out.append(contentsOf: items) } }
        return o is PyList ? .list(out) : .tuple(out)
    }

    private func setBinary(_ op: BinaryOp, _ a: PySet, _ b: PySet) throws -> Value? {
        let result = PySet(frozen: a.isFrozen)
        switch op {
        case .bitOr:
            result.merge(a)
            result.merge(b)
        case .bitAnd:
            let (small, large) = a.count <= b.count ? (a, b) : (b, a)
            for s in small.slots where large.contains(s.hashKey) { result.add(s.key, s.hashKey) }
        case .subtract:
            for s in a.slots where !b.contains(s.hashKey) { result.add(s.key, s.hashKey) }
        case .bitXor:
            for s in a.slots where !b.contains(s.hashKey) { result.add(s.key, s.hashKey) }
            for s in b.slots where !a.contains(s.hashKey) { result.add(s.key, s.hashKey) }
        default:
            return nil
        }
        return .object(result)
    }

    private func intBinary(_ op: BinaryOp, _ a: Int, _ b: Int) throws -> Value? {
        switch op {
        case .add:
            let (s, o) = a.addingReportingOverflow(b)
            return o ? .integer(BigInt(a) + BigInt(b)) : .int(s)
        case .subtract:
            let (s, o) = a.subtractingReportingOverflow(b)
            return o ? .integer(BigInt(a) - BigInt(b)) : .int(s)
        case .multiply:
            let (s, o) = a.multipliedReportingOverflow(by: b)
            return o ? .integer(BigInt(a) * BigInt(b)) : .int(s)
        case .trueDivide:
            if b == 0 { throw PyError(.zeroDivisionError, "division by zero") }
            if a.magnitude < (1 << 53) && b.magnitude < (1 << 53) { return .float(Double(a) / Double(b)) }
            return try IntMath.trueDivide(BigInt(a), BigInt(b))
        case .floorDivide: return try IntMath.floorDivide(a, b)
        case .modulo: return try IntMath.modulo(a, b)
        case .power: return try IntMath.intPower(a, b)
        case .leftShift:
            if b < 0 { throw PyError(.valueError, "negative shift count") }
            if b < 63 && a.magnitude < (UInt(1) << (63 - b)) { return .int(a << b) }
            return try IntMath.leftShift(BigInt(a), BigInt(b))
        case .rightShift:
            if b < 0 { throw PyError(.valueError, "negative shift count") }
            return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .matmul: return nil
        }
    }

    private func bigBinary(_ op: BinaryOp, _ a: BigInt, _ b: BigInt) throws -> Value? {
        switch op {
        case .add: return try IntMath.add(a, b)
        case .subtract: return try IntMath.subtract(a, b)
        case .multiply: return try IntMath.multiply(a, b)
        case .trueDivide: return try IntMath.trueDivide(a, b)
        case .floorDivide: return try IntMath.floorDivide(a, b)
        case .modulo: return try IntMath.modulo(a, b)
        case .power:
            if b.sign == .minus {
                if a.isZero { throw PyError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
                return try floatBinary(.power, try IntMath.toDouble(a), try IntMath.toDouble(b))
            }
            guard let e = Int(exactly: b) else {
                if a.magnitude <= 1 { return try IntMath.power(a, Int(b % 2 == 0 ? 2 : 1)) }
                throw PyError(.memoryError, "integer result too large (more than \(IntMath.maxBits) bits)")
            }
            return try IntMath.power(a, e)
        case .leftShift: return try IntMath.leftShift(a, b)
        case .rightShift: return try IntMath.rightShift(a, b)
        case .bitAnd: return .integer(a & b)
        case .bitOr: return .integer(a | b)
        case .bitXor: return .integer(a ^ b)
        case .matmul: return nil
        }
    }

    func floatBinary(_ op: BinaryOp, _ a: Double, _ b: Double) throws -> Value? {
        switch op {
        case .add: return .float(a + b)
        case .subtract: return .float(a - b)
        case .multiply: return .float(a * b)
        case .trueDivide:
            if b == 0 { throw PyError(.zeroDivisionError, "float division by zero") }
            return .float(a / b)
        case .floorDivide:
            if b == 0 { throw PyError(.zeroDivisionError, "float floor division by zero") }
            return .float(FloorDivision.divmod(a, b).quotient)
        case .modulo:
            if b == 0 { throw PyError(.zeroDivisionError, "float modulo") }
            return .float(FloorDivision.divmod(a, b).remainder)
        case .power:
            return .float(try FloatMath.power(a, b))
        default:
            return nil
        }
    }

    public func unaryOperation(_ op: UnaryOp, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.negate, .int(let i)): return i == Int.min ? .integer(-BigInt(i)) : .int(-i)
        case (.negate, .float(let d)): return .float(-d)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.plus, .int), (.plus, .float): return v
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        default: break
        }
        if let b = IntMath.big(v) {
            switch op {
            case .negate: return .integer(-b)
            case .plus: return v
            case .invert: return .integer(-b - 1)
            }
        }
        let name: Symbol
        switch op {
        case .negate: name = .dunderNeg
        case .plus: name = .dunderPos
        case .invert: name = .dunderInvert
        }
        if case .object(let o) = v, o is PyInstance, let method = v.pyType.lookup(name) {
            return try callDescriptor(method, v, .empty)
        }
        throw PyError(.typeError, "bad operand type for unary \(op.rawValue): '\(v.typeName)'")
    }
}

/// CPython's float power (floor division and modulo are `FloorDivision`).
enum FloatMath {
    static func power(_ a: Double, _ b: Double) throws -> Double {
        if b == 0 { return 1 }
        if a == 0 && b < 0 { throw PyError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
        if a < 0 && b != b.rounded() && b.isFinite {
            throw PyError(.valueError, "negative number cannot be raised to a fractional power (complex results are not supported)")
        }
        let r = Foundation.pow(a, b)
        if r.isInfinite && a.isFinite && b.isFinite {
            throw PyError(.overflowError, "(34, 'Numerical result out of range')")
        }
        return r
    }
}
