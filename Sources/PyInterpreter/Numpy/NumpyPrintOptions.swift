/// `np.set_printoptions(precision=…, suppress=…)`: the two options
/// tutorials change, kept per session on the numpy module. Scalars ignore
/// them, as in NumPy 2.
struct NumpyPrintOptions {
    var precision = 8
    var suppress = false

    final class Box { var options = NumpyPrintOptions() }

    static func current(_ interp: Interpreter) -> NumpyPrintOptions {
        (interp.loadedModules["numpy"]?.nativeState as? Box)?.options ?? NumpyPrintOptions()
    }

    static func install(_ m: PyModule) {
        let box = Box()
        m.nativeState = box
        m.addFunction("set_printoptions") { interp, args in
            let a = try NativeSignature("set_printoptions", .init("precision", default: .none), .init("threshold", default: .none),
                                        .init("edgeitems", default: .none), .init("linewidth", default: .none),
                                        .init("suppress", default: .none)).bind(args)
            for name in ["threshold", "edgeitems", "linewidth"] where !a[name].isNone {
                throw PyError(.notImplementedError, "Litgrad's set_printoptions supports precision and suppress only")
            }
            if !a["precision"].isNone {
                let p = try a.int("precision")
                guard p >= 0 else { throw PyError(.valueError, "precision must be >= 0") }
                box.options.precision = p
            }
            if !a["suppress"].isNone { box.options.suppress = try interp.isTruthy(a["suppress"]) }
            return .none
        }
    }
}
