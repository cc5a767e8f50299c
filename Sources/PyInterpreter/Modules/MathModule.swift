import BigInt
import Foundation

/// Python's `math` module (the functions tutorials use), with CPython's
/// domain and range errors.
enum MathModule {
    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "math")
        m["pi"] = .float(Double.pi)
        m["e"] = .float(M_E)
        m["tau"] = .float(2 * Double.pi)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)

        func real(_ name: String, _ f: @escaping (Double) throws -> Double) {
            m.addFunction(name) { interp, args in
                let x = try interp.toDouble(try args.exactly(1, name)[0])
                let r = try f(x)
                if r.isNaN && !x.isNaN { throw PyError(.valueError, "math domain error") }
                if r.isInfinite && x.isFinite { throw PyError(.overflowError, "math range error") }
                return .float(r)
            }
        }
        func domain(_ ok: Bool) throws { if !ok { throw PyError(.valueError, "math domain error") } }

        real("sqrt") { x in try domain(x >= 0 || x.isNaN); return Foundation.sqrt(x) }
        real("exp") { Foundation.exp($0) }
        real("expm1") { Foundation.expm1($0) }
        real("log2") { x in try domain(x > 0 || x.isNaN); return Foundation.log2(x) }
        real("log10") { x in try domain(x > 0 || x.isNaN); return Foundation.log10(x) }
        real("log1p") { x in try domain(x > -1 || x.isNaN); return Foundation.log1p(x) }
        real("sin") { x in try domain(!x.isInfinite); return Foundation.sin(x) }
        real("cos") { x in try domain(!x.isInfinite); return Foundation.cos(x) }
        real("tan") { x in try domain(!x.isInfinite); return Foundation.tan(x) }
        real("asin") { x in try domain(Swift.abs(x) <= 1 || x.isNaN); return Foundation.asin(x) }
        real("acos") { x in try domain(Swift.abs(x) <= 1 || x.isNaN); return Foundation.acos(x) }
        real("atan") { Foundation.atan($0) }
        real("sinh") { Foundation.sinh($0) }
        real("cosh") { Foundation.cosh($0) }
        real("tanh") { Foundation.tanh($0) }
        real("asinh") { Foundation.asinh($0) }
        real("acosh") { x in try domain(x >= 1 || x.isNaN); return Foundation.acosh(x) }
        real("atanh") { x in try domain(Swift.abs(x) < 1 || x.isNaN); return Foundation.atanh(x) }
        real("fabs") { Swift.abs($0) }
        real("erf") { Foundation.erf($0) }
        real("erfc") { Foundation.erfc($0) }
        real("gamma") { x in try domain(!(x <= 0 && x == x.rounded()) && x != -.infinity); return Foundation.tgamma(x) }
        real("lgamma") { x in try domain(!(x <= 0 && x == x.rounded())); return Foundation.lgamma(x) }
        real("degrees") { $0 * 180 / Double.pi }
        real("radians") { $0 * Double.pi / 180 }

        m.addFunction("log") { interp, args in
            let p = try args.between(1, 2, "log")
            func ln(_ v: Value) throws -> Double {
                if let b = IntMath.big(v), b.magnitude.bitWidth > 1000 {
                    // log of huge ints without converting to float: shift down first.
                    guard b.sign == .plus else { throw PyError(.valueError, "math domain error") }
                    let shift = b.magnitude.bitWidth - 64
                    return Foundation.log(Double(b >> shift)) + Double(shift) * M_LN2
                }
                let x = try interp.toDouble(v)
                try domain(x > 0 || x.isNaN)
                return Foundation.log(x)
            }
            let num = try ln(p[0])
            guard p.count == 2 else { return .float(num) }
            let den = try ln(p[1])
            if den == 0 { throw PyError(.zeroDivisionError, "float division by zero") }
            return .float(num / den)
        }
        m.addFunction("pow") { interp, args in
            let p = try args.exactly(2, "pow")
            let x = try interp.toDouble(p[0]), y = try interp.toDouble(p[1])
            if x == 0 && y < 0 { throw PyError(.valueError, "math domain error") }
            if x < 0 && y.isFinite && y != y.rounded() { throw PyError(.valueError, "math domain error") }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyError(.overflowError, "math range error") }
            return .float(r)
        }
        m.addFunction("atan2") { interp, args in
            let p = try args.exactly(2, "atan2")
            return .float(Foundation.atan2(try interp.toDouble(p[0]), try interp.toDouble(p[1])))
        }
        m.addFunction("copysign") { interp, args in
            let p = try args.exactly(2, "copysign")
            return .float(Foundation.copysign(try interp.toDouble(p[0]), try interp.toDouble(p[1])))
        }
        m.addFunction("fmod") { interp, args in
            let p = try args.exactly(2, "fmod")
            let x = try interp.toDouble(p[0]), y = try interp.toDouble(p[1])
            if y == 0 || x.isInfinite { throw PyError(.valueError, "math domain error") }
            return .float(Foundation.fmod(x, y))
        }
        m.addFunction("modf") { interp, args in
            let x = try interp.toDouble(try args.exactly(1, "modf")[0])
            if x.isInfinite { return .tuple([.float(Foundation.copysign(0, x)), .float(x)]) }
            let i = x.rounded(.towardZero)
            return .tuple([.float(Foundation.copysign(x - i, x)), .float(i)])
        }
        m.addFunction("frexp") { interp, args in
            let x = try interp.toDouble(try args.exactly(1, "frexp")[0])
            if x == 0 || !x.isFinite { return .tuple([.float(x), .int(0)]) }
            return .tuple([.float((x < 0 ? -1 : 1) * x.significand / 2), .int(Int(x.exponent) + 1)])
        }
        m.addFunction("ldexp") { interp, args in
            let p = try args.exactly(2, "ldexp")
            let r = Foundation.scalbn(try interp.toDouble(p[0]), try interp.indexValue(p[1]))
            if r.isInfinite { throw PyError(.overflowError, "math range error") }
            return .float(r)
        }
        func rounding(_ name: String, _ rule: FloatingPointRoundingRule, _ dunder: String) {
            m.addFunction(name) { interp, args in
                let v = try args.exactly(1, name)[0]
                if IntMath.big(v) != nil { if case .bool(let b) = v { return .int(b ? 1 : 0) }; return v }
                if case .object(let o) = v, o is PyInstance, v.pyType.lookup(Symbol.intern(dunder)) != nil {
                    return try interp.callMethod(v, dunder)
                }
                return try IntMath.fromDouble(try interp.toDouble(v).rounded(rule))
            }
        }
        rounding("floor", .down, "__floor__")
        rounding("ceil", .up, "__ceil__")
        rounding("trunc", .towardZero, "__trunc__")
        m.addFunction("isnan") { interp, args in .bool(try interp.toDouble(try args.exactly(1, "isnan")[0]).isNaN) }
        m.addFunction("isinf") { interp, args in .bool(try interp.toDouble(try args.exactly(1, "isinf")[0]).isInfinite) }
        m.addFunction("isfinite") { interp, args in .bool(try interp.toDouble(try args.exactly(1, "isfinite")[0]).isFinite) }
        m.addFunction("isclose") { interp, args in
            let a = try NativeSignature("isclose", "a", "b", .keywordOnly("rel_tol", default: .float(1e-9)), .keywordOnly("abs_tol", default: .float(0))).bind(args)
            let x = try interp.toDouble(a["a"]), y = try interp.toDouble(a["b"])
            let rel = try interp.toDouble(a["rel_tol"]), absTol = try interp.toDouble(a["abs_tol"])
            if rel < 0 || absTol < 0 { throw PyError(.valueError, "tolerances must be non-negative") }
            if x == y { return .bool(true) }
            if x.isInfinite || y.isInfinite { return .bool(false) }
            let diff = Swift.abs(y - x)
            return .bool(diff <= Swift.abs(rel * y) || diff <= Swift.abs(rel * x) || diff <= absTol)
        }
        m.addFunction("prod") { interp, args in
            let a = try NativeSignature("prod", "iterable", .keywordOnly("start", default: .int(1))).bind(args)
            var total = a["start"]
            for x in try interp.iterate(a["iterable"]) { total = try interp.binaryOperation(.multiply, total, x) }
            return total
        }
        m.addFunction("fsum") { interp, args in
            .float(try exactSum(try interp.iterate(try args.exactly(1, "fsum")[0]).map { try interp.toDouble($0) }))
        }
        m.addFunction("factorial") { interp, args in
            let v = try args.exactly(1, "factorial")[0]
            // Ints and objects with __index__ (numpy.int64); floats are refused.
            let n = try interp.indexValue(v)
            if n < 0 { throw PyError(.valueError, "factorial() not defined for negative values") }
            if n > 50_000 { throw PyError(.memoryError, "factorial() result too large") }
            var r = BigInt(1)
            if n > 1 { for k in 2...n { try interp.tick(); r *= BigInt(k) } }
            return .integer(r)
        }
        m.addFunction("comb") { interp, args in
            let p = try args.exactly(2, "comb")
            let n = try interp.indexValue(p[0]), k = try interp.indexValue(p[1])
            if n < 0 { throw PyError(.valueError, "n must be a non-negative integer") }
            if k < 0 { throw PyError(.valueError, "k must be a non-negative integer") }
            if k > n { return .int(0) }
            return .integer(try binomial(interp, n, Swift.min(k, n - k)))
        }
        m.addFunction("perm") { interp, args in
            let p = try args.between(1, 2, "perm")
            let n = try interp.indexValue(p[0])
            let k = p.count > 1 && !p[1].isNone ? try interp.indexValue(p[1]) : n
            if n < 0 { throw PyError(.valueError, "n must be a non-negative integer") }
            if k < 0 { throw PyError(.valueError, "k must be a non-negative integer") }
            if k > n { return .int(0) }
            if k > 50_000 { throw PyError(.memoryError, "perm() result too large") }
            var r = BigInt(1)
            for i in 0..<k { try interp.tick(); r *= BigInt(n - i) }
            return .integer(r)
        }
        m.addFunction("gcd") { interp, args in
            var g = BigInt(0)
            for v in args.positional {
                guard let b = IntMath.big(v) else { throw PyError(.typeError, "'\(v.typeName)' object cannot be interpreted as an integer") }
                g = g.greatestCommonDivisor(with: b)
            }
            return .integer(BigInt(g.magnitude))
        }
        m.addFunction("lcm") { interp, args in
            var l = BigInt(1)
            for v in args.positional {
                guard let b = IntMath.big(v) else { throw PyError(.typeError, "'\(v.typeName)' object cannot be interpreted as an integer") }
                if b.isZero { return .int(0) }
                l = BigInt((l * b).magnitude) / l.greatestCommonDivisor(with: b)
            }
            return .integer(l)
        }
        m.addFunction("isqrt") { interp, args in
            let v = try args.exactly(1, "isqrt")[0]
            guard let b = IntMath.big(v) else { throw PyError(.typeError, "'\(v.typeName)' object cannot be interpreted as an integer") }
            if b.sign == .minus { throw PyError(.valueError, "isqrt() argument must be nonnegative") }
            return .integer(BigInt(b.magnitude.squareRoot()))
        }
        m.addFunction("hypot") { interp, args in
            let xs = try args.positional.map { try interp.toDouble($0) }
            if xs.contains(where: { $0.isInfinite }) { return .float(.infinity) }
            let scale = xs.map { Swift.abs($0) }.max() ?? 0
            if scale == 0 || scale.isNaN { return .float(scale) }
            return .float(scale * Foundation.sqrt(try exactSum(xs.map { ($0 / scale) * ($0 / scale) })))
        }
        m.addFunction("dist") { interp, args in
            let p = try args.exactly(2, "dist")
            let a = try interp.iterate(p[0]).map { try interp.toDouble($0) }
            let b = try interp.iterate(p[1]).map { try interp.toDouble($0) }
            guard a.count == b.count else { throw PyError(.valueError, "both points must have the same number of dimensions") }
            return .float(Foundation.sqrt(try exactSum(zip(a, b).map { ($0 - $1) * ($0 - $1) })))
        }
        return m
    }

    static func binomial(_ interp: Interpreter, _ n: Int, _ k: Int) throws -> BigInt {
        if k > 100_000 { throw PyError(.memoryError, "comb() result too large") }
        var r = BigInt(1)
        if k == 0 { return r }
        for i in 1...k {
            try interp.tick()
            r = r * BigInt(n - k + i) / BigInt(i)
        }
        return r
    }

    /// Shewchuk's exactly rounded sum (the algorithm behind CPython's `math.fsum`).
    static func exactSum(_ values: [Double]) throws -> Double {
        var partials: [Double] = []
        var specialSum = 0.0
        var infSum = 0.0
        for var x in values {
            if !x.isFinite {
                if x.isInfinite { infSum += x }
                specialSum += x
                continue
            }
            var i = 0
            for var y in partials {
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 {
                    partials[i] = lo
                    i += 1
                }
                x = hi
            }
            partials.removeSubrange(i...)
            partials.append(x)
        }
        if specialSum != 0 {
            if infSum.isNaN { throw PyError(.valueError, "-inf + inf in fsum") }
            return specialSum
        }
        var hi = 0.0
        var n = partials.count
        if n > 0 {
            n -= 1
            hi = partials[n]
            var lo = 0.0
            while n > 0 {
                let x = hi
                n -= 1
                let y = partials[n]
                hi = x + y
                let yr = hi - x
                lo = y - yr
                if lo != 0 { break }
            }
            if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
                let y = lo * 2
                let x = hi + y
                let yr = x - hi
                if y == yr { hi = x }
            }
        }
        if hi.isInfinite { throw PyError(.overflowError, "intermediate overflow in fsum") }
        return hi
    }
}
