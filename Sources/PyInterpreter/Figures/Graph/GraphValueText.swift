import Autograd
import Foundation

/// The short texts a graph figure shows for values and derivatives.
enum GraphValueText {
    /// Tensors with at most this many elements (and at most one dimension)
    /// show their elements; larger ones show their shape.
    static let maxShownElements = 4

    /// PyTorch's printing of the elements (`2.`, `[1., 2.]`, `-4.8000e+03`),
    /// or `shape (3, 4)` for a tensor too large to read inside a node.
    static func describe(_ tensor: Tensor) -> String {
        let count = tensor.count
        guard count > 0, count <= maxShownElements, tensor.dim <= 1 else {
            return "shape " + tupleText(tensor.shape)
        }
        // Formatting with the tensor's own dtype as the default leaves only
        // the body: `tensor(` + body + `)`.
        let repr = TensorFormatter.format(shape: tensor.shape, elements: tensor.printableElements,
                                          dtype: tensor.dtype, defaultFloat: tensor.dtype)
        guard repr.hasPrefix("tensor("), repr.hasSuffix(")") else { return repr }
        return String(repr.dropFirst("tensor(".count).dropLast())
    }

    /// A derivative for an edge label: integers exactly (`2`, `-4800`), other
    /// values with four significant digits (`0.1966`, `1.5e-05`).
    static func number(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), Swift.abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(format: "%.4g", value)
    }

    /// Python's tuple text for a shape: `()`, `(5,)`, `(2, 3)`.
    static func tupleText(_ shape: [Int]) -> String {
        if shape.count == 1 { return "(\(shape[0]),)" }
        return "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
