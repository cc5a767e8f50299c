import BigInt
import Foundation

/// Number and string formatting for the interpreter: float repr, the
/// format-spec mini-language and `%`-formatting come from `PyLib`
/// (CPython's algorithms); this file adapts Python values to them.
enum TextFormatting {
    /// Shortest round-trip repr (`0.1`, `1e-05`, `1e+16`, `inf`).
    static func floatRepr(_ d: Double) -> String { PyFloatFormat.repr(d) }
}

extension PyError {
    /// A PyLib formatting error as the Python exception it names.
    init(_ e: PyFormatError) {
        self.init(type: e.type, message: e.message)
    }
}

extension Interpreter {
    /// `format(v, spec)`: `__format__` of user/native classes, else the builtin mini-language.
    public func formatValue(_ v: Value, _ spec: String) throws -> String {
        if case .object(let o) = v, o is PyInstance, let method = v.pyType.lookup(.dunderFormat), !method.isIdentical(to: PyType.objectFormat) {
            let r = try callDescriptor(method, v, Arguments([.string(spec)]))
            guard case .str(let s) = r else { throw PyError(.typeError, "__format__ must return a str, not \(r.typeName)") }
            return s.value
        }
        if spec.isEmpty { return try str(v) }
        do {
            switch v {
            case .bool(let b): return try PyFormatSpec.format(BigInt(b ? 1 : 0), spec: spec, typeName: "bool")
            case .int(let i): return try PyFormatSpec.format(BigInt(i), spec: spec)
            case .float(let d): return try PyFormatSpec.format(d, spec: spec)
            case .str(let s): return try PyFormatSpec.format(s.value, spec: spec)
            case .object(let o):
                if let b = o as? PyBigInt { return try PyFormatSpec.format(b.value, spec: spec) }
            default: break
            }
        } catch {
            throw PyError(error)
        }
        throw PyError(.typeError, "unsupported format string passed to \(v.typeName).__format__")
    }

    /// `fmt % args`.
    public func percentFormat(_ fmt: String, _ args: Value) throws -> String {
        let operand: PyPercentOperand
        if case .object(let o) = args, let t = o as? PyTuple {
            operand = .tuple(t.items.map(percentArgument))
        } else if case .object(let o) = args, o is PyDict || o is PyList || (o is PyInstance && args.pyType.lookup(.dunderGetitem) != nil) {
            operand = .mapping(percentArgument(args), lookup: { key in
                self.percentArgument(try self.getItem(args, .string(key)))
            })
        } else {
            operand = .single(percentArgument(args))
        }
        do {
            let text = try PyPercentFormat.format(fmt, operand: operand)
            try checkSize(text.utf8.count, "string")
            return text
        } catch let e as PyFormatError {
            throw PyError(e)
        }
    }

    /// A Python value as PyLib's `%`-formatting sees it.
    func percentArgument(_ v: Value) -> PyPercentArg {
        switch v {
        case .int(let i): return .int(BigInt(i))
        case .bool(let b): return .bool(b)
        case .float(let d): return .float(d)
        case .str(let s): return .str(s.value)
        case .none:
            return .object(.text(typeName: "NoneType", str: "None", repr: "None"))
        case .object(let o):
            if let b = o as? PyBigInt { return .int(b.value) }
            let type = v.pyType
            let isInstance = o is PyInstance
            return .object(PyPercentObject(
                typeName: type.name,
                str: { try self.str(v) },
                repr: { try self.repr(v) },
                toInt: isInstance && (type.lookup(.dunderInt) != nil || type.lookup(.dunderIndex) != nil) ? {
                    let r = try self.callMethod(v, type.lookup(.dunderInt) != nil ? "__int__" : "__index__")
                    guard let b = IntMath.big(r) else { throw PyError(.typeError, "__int__ returned non-int (type \(r.typeName))") }
                    return b
                } : nil,
                toIndex: isInstance && type.lookup(.dunderIndex) != nil ? { BigInt(try self.indexValue(v)) } : nil,
                toFloat: isInstance && (type.lookup(.dunderFloat) != nil || type.lookup(.dunderIndex) != nil) ? { try self.toDouble(v) } : nil))
        }
    }
}
