/// `repr(tensor)` exactly as PyTorch prints it (`torch/_tensor_str.py`):
/// `tensor(` + body + suffixes + `)`, with one formatter for all shown elements,
/// wrapping by `linewidth`, summarisation beyond `threshold` elements, and the
/// suffix rules for dtype, size, grad_fn and requires_grad.
public enum TensorFormatter {
    /// Length of `tensor(`, the indent of continuation lines.
    static let prefixIndent = 7

    /// The full repr of a CPU tensor.
    /// - Parameters:
    ///   - shape: the sizes; `[]` for a 0-d tensor.
    ///   - elements: all elements, row-major; their count must be the product of `shape`.
    ///   - defaultFloat: the dtype of `torch.get_default_dtype()`, which prints without suffix
    ///     (by default the current context's).
    ///   - gradFn: the grad_fn class name (`MulBackward0`), printed instead of requires_grad.
    ///   - isParameter: prefixes `Parameter containing:\n` as `nn.Parameter.__repr__` does.
    ///   - tangent: the repr of a dual tensor's tangent, shown last as `tangent=…`.
    public static func format(
        shape: [Int], elements: PrintableElements, dtype: DType,
        defaultFloat: DType = EngineContext.current.defaultFloat,
        gradFn: String? = nil, requiresGrad: Bool = false, isParameter: Bool = false,
        tangent: String? = nil, options: PrintOptions = .current
    ) -> String {
        let elementCount = shape.contains(0) ? 0 : shape.reduce(1, &*)
        precondition(
            elements.count == elementCount,
            "TensorFormatter: \(elements.count) elements for shape \(shape)")
        var suffixes: [String] = []
        let body: String
        if elementCount == 0 {
            body = "[]"
            if shape.count != 1 { suffixes.append("size=" + tupleRepr(shape)) }
            // No element shows the dtype, so everything but the default float says it.
            if dtype != defaultFloat { suffixes.append("dtype=" + dtype.torchName) }
        } else {
            if options.edgeitems <= 0 { suffixes.append("size=" + tupleRepr(shape)) }
            if ![defaultFloat, .int64, .bool].contains(dtype) {
                suffixes.append("dtype=" + dtype.torchName)
            }
            body = TensorBodyLayout(shape: shape, elements: elements, options: options).render()
        }
        if let gradFn {
            suffixes.append("grad_fn=<\(gradFn)>")
        } else if requiresGrad {
            suffixes.append("requires_grad=True")
        }
        if let tangent { suffixes.append("tangent=" + tangent) }
        let repr = appendingSuffixes(suffixes, to: "tensor(" + body, linewidth: options.linewidth)
        return isParameter ? "Parameter containing:\n" + repr : repr
    }

    /// Adds `, suffix` pieces and the closing parenthesis, wrapping a suffix onto its
    /// own line when it would pass `linewidth`. The measure of the first line is two
    /// more than its length, a quirk of PyTorch's formula that decides real wraps.
    static func appendingSuffixes(_ suffixes: [String], to text: String, linewidth: Int) -> String {
        var result = text
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        var lineLength = lastLine.count + 2
        for suffix in suffixes {
            if lineLength + suffix.count + 2 > linewidth {
                result += ",\n" + String(repeating: " ", count: prefixIndent) + suffix
                lineLength = prefixIndent + suffix.count
            } else {
                result += ", " + suffix
                lineLength += suffix.count + 2
            }
        }
        return result + ")"
    }

    /// Python's tuple repr of a shape: `()`, `(5,)`, `(2, 3)`.
    static func tupleRepr(_ shape: [Int]) -> String {
        if shape.count == 1 { return "(\(shape[0]),)" }
        return "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
