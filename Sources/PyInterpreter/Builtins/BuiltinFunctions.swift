import Autograd
import BigInt
import Foundation

/// The builtins namespace: classes, exceptions and functions. There is no
/// `open`, `eval`, `exec`, `input`, `__import__` or anything else that reaches
/// outside the interpreter.
enum Builtins {
    static let table: [String: Value] = {
        var t: [String: Value] = [:]
        let types: [PyType] = [
            .object, .typeType, .int, .bool, .float, .str, .list, .tuple, .dict, .set, .frozenSet, .range, .slice,
            .property, .staticMethod, .classMethod, .superType, .enumerateType, .zipType, .mapType, .filterType, .reversedType,
        ]
        for type in types { t[type.name] = .object(type) }
        for e in PyType.allExceptionTypes { t[e.name] = .object(e) }
        t["NotImplemented"] = .notImplemented
        t["Ellipsis"] = .ellipsis
        func add(_ name: String, _ body: @escaping NativeFunctionBody) {
            t[name] = .object(PyNativeFunction(name: name, body))
        }
        add("print", BuiltinFunctions.print)
        add("len") { interp, args in .int(try interp.length(try args.exactly(1, "len")[0])) }
        add("repr") { interp, args in .string(try interp.repr(try args.exactly(1, "repr")[0])) }
        add("ascii") { interp, args in .string(asciiEscaped(try interp.repr(try args.exactly(1, "ascii")[0]))) }
        add("format") { interp, args in
            let p = try args.between(1, 2, "format")
            let spec = p.count > 1 ? try p[1].requireString("format() argument 2").value : ""
            return .string(try interp.formatValue(p[0], spec))
        }
        add("abs", BuiltinFunctions.abs)
        add("min") { interp, args in try BuiltinFunctions.extreme(interp, args, "min") }
        add("max") { interp, args in try BuiltinFunctions.extreme(interp, args, "max") }
        add("sum", BuiltinFunctions.sum)
        add("sorted") { interp, args in
            guard args.positional.count == 1 else {
                throw PyError(.typeError, "sorted expected 1 argument, got \(args.positional.count)")
            }
            let a = try NativeSignature("sorted", "iterable", .keywordOnly("key", default: .none), .keywordOnly("reverse", default: .bool(false))).bind(args)
            return .list(try interp.sortValues(try interp.iterate(a["iterable"]), key: a.optional("key"), reverse: try interp.isTruthy(a["reverse"])))
        }
        add("isinstance") { interp, args in
            let p = try args.exactly(2, "isinstance")
            return .bool(try BuiltinFunctions.isInstance(p[0].pyType, p[1], "isinstance"))
        }
        add("issubclass") { interp, args in
            let p = try args.exactly(2, "issubclass")
            guard case .object(let o) = p[0], let t = o as? PyType else { throw PyError(.typeError, "issubclass() arg 1 must be a class") }
            return .bool(try BuiltinFunctions.isInstance(t, p[1], "issubclass"))
        }
        add("hasattr") { interp, args in
            let p = try args.exactly(2, "hasattr")
            let name = try p[1].requireString("attribute name")
            return .bool(try interp.attributeIfPresent(p[0], Symbol.intern(name.value)) != nil)
        }
        add("getattr") { interp, args in
            let p = try args.between(2, 3, "getattr")
            guard case .str(let name) = p[1] else { throw PyError(.typeError, "attribute name must be string, not '\(p[1].typeName)'") }
            if p.count == 3 { return try interp.attributeIfPresent(p[0], Symbol.intern(name.value)) ?? p[2] }
            return try interp.getAttribute(p[0], Symbol.intern(name.value))
        }
        add("setattr") { interp, args in
            let p = try args.exactly(3, "setattr")
            guard case .str(let name) = p[1] else { throw PyError(.typeError, "attribute name must be string, not '\(p[1].typeName)'") }
            try interp.setAttribute(p[0], Symbol.intern(name.value), p[2])
            return .none
        }
        add("delattr") { interp, args in
            let p = try args.exactly(2, "delattr")
            guard case .str(let name) = p[1] else { throw PyError(.typeError, "attribute name must be string, not '\(p[1].typeName)'") }
            try interp.deleteAttribute(p[0], Symbol.intern(name.value))
            return .none
        }
        add("callable") { interp, args in
            .bool(interp.isCallable(try args.exactly(1, "callable")[0]))
        }
        add("iter") { interp, args in .object(try interp.makeIterator(try args.exactly(1, "iter")[0])) }
        add("next") { interp, args in
            let p = try args.between(1, 2, "next")
            if let v = try interp.nextItem(p[0]) { return v }
            if p.count == 2 { return p[1] }
            throw PyError(.stopIteration, "")
        }
        add("any") { interp, args in
            let it = try interp.makeIterator(try args.exactly(1, "any")[0])
            while let x = try it.next(interp) {
                try interp.tick()
                if try interp.isTruthy(x) { return .bool(true) }
            }
            return .bool(false)
        }
        add("all") { interp, args in
            let it = try interp.makeIterator(try args.exactly(1, "all")[0])
            while let x = try it.next(interp) {
                try interp.tick()
                if try !interp.isTruthy(x) { return .bool(false) }
            }
            return .bool(true)
        }
        add("chr") { interp, args in
            let v = try args.exactly(1, "chr")[0]
            let i: Int
            do { i = try interp.indexValue(v) } catch let e as PyError where e.type.isSubtype(of: .indexError) {
                throw PyError(.overflowError, "Python int too large to convert to C int")
            }
            guard i >= 0, i < 0x110000, let s = Unicode.Scalar(UInt32(i)) else {
                if i >= 0xD800 && i < 0xE000 { return .string("\u{FFFD}") }
                throw PyError(.valueError, "chr() arg not in range(0x110000)")
            }
            return .str(PyStr.single(s))
        }
        add("ord") { _, args in
            let v = try args.exactly(1, "ord")[0]
            guard case .str(let s) = v else { throw PyError(.typeError, "ord() expected string of length 1, but \(v.typeName) found") }
            guard s.count == 1 else { throw PyError(.typeError, "ord() expected a character, but string of length \(s.count) found") }
            return .int(Int(s.scalars[0].value))
        }
        add("hex") { interp, args in .string(try BuiltinFunctions.radix(interp, try args.exactly(1, "hex")[0], 16, "0x")) }
        add("oct") { interp, args in .string(try BuiltinFunctions.radix(interp, try args.exactly(1, "oct")[0], 8, "0o")) }
        add("bin") { interp, args in .string(try BuiltinFunctions.radix(interp, try args.exactly(1, "bin")[0], 2, "0b")) }
        add("id") { _, args in
            let v = try args.exactly(1, "id")[0]
            if case .object(let o) = v { return .int(Int(o.fakeAddress)) }
            return .int(Int(truncatingIfNeeded: PySet.pythonHash((try? HashKey.primitive(v)) ?? .none)) & 0xFFFF_FFFF)
        }
        add("hash") { interp, args in .int(try interp.pythonHash(try args.exactly(1, "hash")[0])) }
        add("round", BuiltinFunctions.round)
        add("pow", BuiltinFunctions.pow)
        add("divmod", BuiltinFunctions.divmod)
        add("vars") { interp, args in
            let v = try args.exactly(1, "vars")[0]
            if let inst = v.instance { return .object(interp.dictFromTable(inst.attributes)) }
            return try interp.getAttribute(v, .dunderDict)
        }
        return t
    }()
}

extension HashKey {
    static func primitive(_ v: Value) throws -> HashKey {
        switch v {
        case .none: return .none
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .float(let d): return .float(d.bitPattern)
        case .str(let s): return .str(s.value)
        case .object(let o): return .identity(ObjectIdentifier(o), serial: o.serial)
        }
    }
}

extension Interpreter {
    /// `next(it)`: nil when the iterator is exhausted.
    public func nextItem(_ it: Value) throws -> Value? {
        if case .object(let o) = it {
            if let native = o as? PyIterator { return try native.next(self) }
            if o is PyInstance, it.pyType.lookup(.dunderNext) != nil {
                do { return try callMethod(it, "__next__") } catch let e as PyError where e.type.isSubtype(of: .stopIteration) {
                    return nil
                }
            }
        }
        throw PyError(.typeError, "'\(it.typeName)' object is not an iterator")
    }

    /// `super()` and `super(cls, obj)`.
    func makeSuper(_ args: Arguments) throws -> Value {
        var start: PyType
        var receiver: Value
        if args.positional.isEmpty {
            guard let f = frame, let fn = f.function else { throw PyError(.runtimeError, "super(): no arguments") }
            guard let cls = fn.ownerClass else { throw PyError(.runtimeError, "super(): __class__ cell not found") }
            guard !fn.code.parameters.isEmpty else { throw PyError(.runtimeError, "super(): no arguments") }
            var first = f.locals.first ?? nil
            if let captured = fn.code.scope.capturedParameters.first(where: { $0.local == 0 }) {
                first = f.cells[captured.cell].value
            }
            guard let r = first else { throw PyError(.runtimeError, "super(): arg[0] deleted") }
            start = cls
            receiver = r
        } else {
            guard case .object(let o) = args.positional[0], let cls = o as? PyType else {
                throw PyError(.typeError, "super() argument 1 must be a type, not \(args.positional[0].typeName)")
            }
            guard args.positional.count == 2 else {
                throw PyError(.notImplementedError, "unbound super objects are not supported")
            }
            start = cls
            receiver = args.positional[1]
        }
        if case .object(let o) = receiver, let t = o as? PyType, t.isSubtype(of: start) {
            return .object(PySuper(start: start, receiver: receiver, receiverType: t))
        }
        guard receiver.pyType.isSubtype(of: start) else {
            throw PyError(.typeError, "super(type, obj): obj must be an instance or subtype of type")
        }
        return .object(PySuper(start: start, receiver: receiver, receiverType: receiver.pyType))
    }
}

/// Bodies of builtin functions that are more than a line.
enum BuiltinFunctions {
    static func print(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        var sep = " ", end = "\n"
        for (k, v) in args.keywords {
            switch k.name {
            case "sep", "end":
                var text: String
                switch v {
                case .none: text = k.name == "sep" ? " " : "\n"
                case .str(let s): text = s.value
                default: throw PyError(.typeError, "\(k.name) must be None or a string, not \(v.typeName)")
                }
                if k.name == "sep" { sep = text } else { end = text }
            case "file":
                if !v.isNone { throw PyError(.notImplementedError, "print(file=...) is not supported") }
            case "flush":
                break
            default:
                throw PyError(.typeError, "'\(k.name)' is an invalid keyword argument for print()")
            }
        }
        var line = ""
        for (i, v) in args.positional.enumerated() {
            if i > 0 { line += sep }
            line += try interp.str(v)
        }
        line += end
        try interp.write(line)
        return .none
    }

    static func abs(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        let v = try args.exactly(1, "abs")[0]
        switch v {
        case .int(let i): return i == Int.min ? .integer(-BigInt(i)) : .int(Swift.abs(i))
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return .float(Swift.abs(d))
        case .object(let o):
            if let b = o as? PyBigInt { return .integer(BigInt(b.value.magnitude)) }
            if o is PyInstance, let method = v.pyType.lookup(.dunderAbs) { return try interp.callDescriptor(method, v, .empty) }
        default: break
        }
        throw PyError(.typeError, "bad operand type for abs(): '\(v.typeName)'")
    }

    static func extreme(_ interp: Interpreter, _ args: Arguments, _ name: String) throws -> Value {
        var key: Value? = nil
        var defaultValue: Value? = nil
        for (k, v) in args.keywords {
            switch k.name {
            case "key": key = v.isNone ? nil : v
            case "default": defaultValue = v
            default: throw PyError(.typeError, "'\(k.name)' is an invalid keyword argument for \(name)()")
            }
        }
        let items: [Value]
        if args.positional.count == 1 {
            items = try interp.iterate(args.positional[0])
        } else if args.positional.isEmpty {
            throw PyError(.typeError, "\(name) expected at least 1 argument, got 0")
        } else {
            if defaultValue != nil {
                throw PyError(.typeError, "Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = args.positional
        }
        guard var best = items.first else {
            if let d = defaultValue { return d }
            throw PyError(.valueError, "\(name)() arg is an empty sequence")
        }
        var bestKey = try key.map { try interp.call($0, Arguments([best])) } ?? best
        for item in items.dropFirst() {
            let k = try key.map { try interp.call($0, Arguments([item])) } ?? item
            let better = name == "min" ? try interp.lessThan(k, bestKey) : try interp.isTruthy(try interp.richCompare(.greater, k, bestKey))
            if better {
                best = item
                bestKey = k
            }
        }
        return best
    }

    static func sum(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        let a = try NativeSignature("sum", "iterable", .init("start", default: .int(0))).bind(args)
        var total = a["start"]
        if case .str = total { throw PyError(.typeError, "sum() can't sum strings [use ''.join(seq) instead]") }
        let it = try interp.makeIterator(a["iterable"])
        var n = 0
        while let x = try it.next(interp) {
            n += 1
            if n & 0x3FF == 0 { try interp.tick() }
            if case .int(let t) = total, case .int(let y) = x {
                let (s, o) = t.addingReportingOverflow(y)
                if !o { total = .int(s); continue }
            } else if case .float(let t) = total, case .float(let y) = x {
                total = .float(t + y)
                continue
            }
            total = try interp.binaryOperation(.add, total, x)
        }
        return total
    }

    static func isInstance(_ type: PyType, _ spec: Value, _ name: String) throws -> Bool {
        if case .object(let o) = spec {
            if let t = o as? PyType { return type.isSubtype(of: t) }
            if let tuple = o as? PyTuple {
                for item in tuple.items where try isInstance(type, item, name) { return true }
                return false
            }
        }
        throw PyError(.typeError, "\(name)() arg 2 must be a type, a tuple of types, or a union")
    }

    static func radix(_ interp: Interpreter, _ v: Value, _ radix: Int, _ prefix: String) throws -> String {
        let b: BigInt
        if let big = IntMath.big(v) { b = big } else { b = BigInt(try interp.indexValue(v)) }
        return (b.sign == .minus ? "-" : "") + prefix + String(b.magnitude, radix: radix)
    }

    static func round(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        let a = try NativeSignature("round", "number", .init("ndigits", default: .none)).bind(args)
        let x = a["number"]
        let digits = try a.optional("ndigits").map { try interp.indexValue($0) }
        switch x {
        case .float(let d):
            do {
                guard let n = digits else { return .integer(try PyFloatFormat.roundToInteger(d)) }
                return .float(try PyFloatFormat.round(d, digits: n))
            } catch {
                throw PyError(error)
            }
        case .int, .bool:
            let b = IntMath.big(x) ?? 0
            guard let n = digits, n < 0 else { return .integer(b) }
            if n < -400 { return .int(0) }
            let p = BigInt(10).power(-n)
            var (q, r) = b.quotientAndRemainder(dividingBy: p)
            if r.sign == .minus { r += p; q -= 1 }
            let twice = r * 2
            if twice > p || (twice == p && !q.isMultiple(of: 2)) { q += 1 }
            return .integer(q * p)
        case .object(let o):
            if let big = o as? PyBigInt {
                return try round(interp, Arguments([.integer(big.value)] + (digits.map { [.int($0)] } ?? [])))
            }
            if o is PyInstance, let method = x.pyType.lookup(.dunderRound) {
                return try interp.callDescriptor(method, x, Arguments(digits.map { [.int($0)] } ?? []))
            }
        default: break
        }
        throw PyError(.typeError, "type \(x.typeName) doesn't define __round__ method")
    }

    static func pow(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        let a = try NativeSignature("pow", "base", "exp", .init("mod", default: .none)).bind(args)
        if let m = a.optional("mod") {
            guard let b = IntMath.big(a["base"]), let e = IntMath.big(a["exp"]), let mod = IntMath.big(m) else {
                throw PyError(.typeError, "pow() 3rd argument not allowed unless all arguments are integers")
            }
            return try IntMath.modPow(b, e, mod)
        }
        return try interp.binaryOperation(.power, a["base"], a["exp"])
    }

    static func divmod(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        let p = try args.exactly(2, "divmod")
        let (x, y) = (p[0], p[1])
        if IntMath.big(x) != nil && IntMath.big(y) != nil {
            return .tuple([try interp.binaryOperation(.floorDivide, x, y), try interp.binaryOperation(.modulo, x, y)])
        }
        if case .object(let o) = x, o is PyInstance {
            return try interp.callMethod(x, "__divmod__", Arguments([y]))
        }
        let a = try interp.toDouble(x), b = try interp.toDouble(y)
        if b == 0 { throw PyError(.zeroDivisionError, "float divmod()") }
        let (q, r) = FloorDivision.divmod(a, b)
        return .tuple([.float(q), .float(r)])
    }
}
