import Foundation
import Autograd

/// NumPy's own exception classes and messages, where they differ from the
/// engine's torch-worded ones.
enum NumpyErrors {
    /// `numpy.exceptions.AxisError` is both a ValueError and an IndexError.
    static let axisError = PyType(name: "AxisError", module: "numpy.exceptions", bases: [.valueError, .indexError],
                                  immutable: true, factory: .instance)
    /// Raised when an in-place ufunc cannot cast its result back (`int_array += 1.5`).
    static let ufuncTypeError = PyType(name: "UFuncTypeError", module: "numpy._core._exceptions", bases: [.typeError],
                                       immutable: true, factory: .instance)

    static func axis(_ axis: Int, dim: Int) -> PyError {
        PyError(axisError, "axis \(axis) is out of bounds for array of dimension \(dim)")
    }

    /// Runs an indexing operation, saying "axis" where the engine says "dimension".
    static func indexing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as TorchError where e.message.contains(" out of bounds for dimension ") {
            throw PyError(type: e.type, message: e.message.replacingOccurrences(of: " for dimension ", with: " for axis "))
        }
    }

    /// The broadcast shape of operands, with NumPy's message when there is none.
    static func broadcast(_ shapes: [Int]...) throws -> [Int] {
        do {
            return try shapes.dropFirst().reduce(shapes[0]) { try Shape.broadcast($0, $1) }
        } catch {
            let listed = shapes.map { NumpyArray.shapeText($0) }.joined(separator: " ")
            throw PyError(.valueError, "operands could not be broadcast together with shapes \(listed) ")
        }
    }

    /// `reshape` with NumPy's message for a size mismatch (`-1` shows as `newaxis`).
    static func reshape(_ t: Tensor, _ shape: [Int]) throws -> Tensor {
        if shape.contains(where: { $0 < -1 }) { throw PyError(.valueError, "negative dimensions not allowed") }
        let known = try NumpyModule.elementCount(shape.filter { $0 != -1 }, dtype: t.dtype)
        let unknowns = shape.filter { $0 == -1 }.count
        let fits = unknowns == 0 ? known == t.count : unknowns == 1 && known != 0 && t.count % known == 0
        guard fits else {
            let text = "(" + shape.map { $0 == -1 ? "newaxis" : String($0) }.joined(separator: ",") + (shape.count == 1 ? ",)" : ")")
            throw PyError(.valueError, "cannot reshape array of size \(t.count) into shape \(text)")
        }
        return try t.reshape(shape)
    }
}
