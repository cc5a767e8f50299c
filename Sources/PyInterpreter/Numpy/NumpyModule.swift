#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Autograd

/// `import numpy as np`: array creation, ufuncs, reductions and joining on
/// the engine's tensors, with NumPy 2's dtypes (float64 by default) and
/// printing. `numpy.random` lives in `NumpyRandomModule`.
enum NumpyModule {
    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "numpy")
        m["pi"] = .float(Double.pi)
        m["e"] = .float(M_E)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)
        m["newaxis"] = Value.none
        m["float32"] = .object(NumpyFloat32.type)
        m["float64"] = .object(NumpyFloat64.type)
        m["int64"] = .object(NumpyInt64.type)
        m["bool_"] = .object(NumpyBool.type)
        m["bool"] = .object(NumpyBool.type)
        m["ndarray"] = .object(NumpyArray.ndarray)
        m["random"] = .object(try interp.importModule("numpy.random"))
        creation(m)
        elementwise(m)
        for kind in [NumpyReductions.Kind.sum, .mean, .max, .min, .argmax, .argmin, .std, .var] {
            let body = NumpyReductions.body(kind, receiver: false)
            m.addFunction(kind.rawValue) { interp, args in try body(interp, .none, args) }
        }
        joining(m)
        NumpyShapeAndLogic.install(m)
        NumpyPrintOptions.install(m)
        m["linalg"] = .object(try interp.importModule("numpy.linalg"))
        return m
    }
}
