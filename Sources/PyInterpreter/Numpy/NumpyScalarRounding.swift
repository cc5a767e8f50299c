import Autograd

/// `round(x)` and `round(x, n)` on NumPy scalars: without digits a Python
/// int (half to even); with digits a scalar of the same type, rounded the
/// way `np.round` does (scale, round half to even, scale back).
enum NumpyScalarRounding {
    static func install(_ b: NativeClassBuilder) {
        b.method("__round__") { interp, me, args in
            let t = try me.requirePayload(Tensor.self, me.typeName)
            guard let digits = args.positional.first, !digits.isNone else {
                guard t.dtype.isFloatingPoint else { return .int(Int(try t.scalarInt64())) }
                return try BuiltinFunctions.round(interp, Arguments([.float(try t.scalarDouble())]))
            }
            return try NumpyModule.round(t, decimals: TorchValues.int(digits, "ndigits"))
        }
        b.method("round") { _, me, args in
            let a = try NativeSignature("round", .init("decimals", default: .int(0))).bind(args)
            return try NumpyModule.round(me.requirePayload(Tensor.self, me.typeName), decimals: a.int("decimals"))
        }
    }
}
