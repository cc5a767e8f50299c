import Autograd
import Foundation

/// Python data as pyplot sees it after `numpy.asarray`: a shape and its
/// numbers row by row, or a 1-D list of strings (categorical data).
struct PlotArray {
    var shape: [Int]
    var numbers: [Double]
    var strings: [String]?

    var count: Int { strings?.count ?? numbers.count }

    /// The numbers or categories of 1-D (or 0-d) data.
    var values: PlotValues {
        if let strings { return .categories(strings) }
        return .numbers(numbers)
    }

    /// Columns of 2-D data (`plot` draws one line per column), rows of 1-D data as one column.
    var columns: [[Double]] {
        guard shape.count == 2 else { return [numbers] }
        let (rows, cols) = (shape[0], shape[1])
        return (0..<cols).map { c in (0..<rows).map { r in numbers[r * cols + c] } }
    }
}

/// Reads data arguments (lists, tuples, ranges, tensors, numbers) as numpy
/// would convert them, with numpy's and PyTorch's messages.
enum PlotData {
    static let requiresGradMessage = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."

    /// Any array-like: numbers (a 0-d array), nested sequences of equal
    /// length, tensors (which must not require grad, as `Tensor.numpy()`),
    /// or a flat sequence of strings.
    static func array(_ interp: Interpreter, _ v: Value) throws -> PlotArray {
        if case .str = v { throw PyError(.typeError, "expected numeric data, got a string") }
        if case .none = v { throw PyError(.valueError, "x, y, and format string must not be None") }
        var numbers: [Double] = []
        var strings: [String] = []

        /// Appends the leaves of `v` and returns its shape; `outer` holds the
        /// lengths of the sequences around it (for numpy's message).
        func visit(_ v: Value, outer: [Int]) throws -> [Int] {
            try interp.tick()
            if let t = TorchValues.tensor(v) {
                if t.requiresGrad { throw PyError(.runtimeError, requiresGradMessage) }
                numbers += t.doubles()
                return t.shape
            }
            switch v {
            case .int, .bool, .float:
                numbers.append(try interp.toDouble(v))
                return []
            case .str(let s):
                strings.append(s.value)
                return []
            case .object(let o) where o is PyBigInt:
                numbers.append(try interp.toDouble(v))
                return []
            case .object(let o) where o is PyList || o is PyTuple || o is PyRange:
                let items = try interp.iterate(v)
                let here = outer + [items.count]
                var inner: [Int]? = nil
                for item in items {
                    let shape = try visit(item, outer: here)
                    if inner == nil { inner = shape } else if inner != shape { throw inhomogeneous(here) }
                }
                return [items.count] + (inner ?? [])
            case .none:
                throw PyError(.typeError, "float() argument must be a string or a real number, not 'NoneType'")
            default:
                throw PyError(.typeError, "cannot plot values of type '\(v.typeName)'")
            }
        }

        func inhomogeneous(_ detected: [Int]) -> PyError {
            PyError(.valueError, "setting an array element with a sequence. The requested array has an inhomogeneous shape after \(detected.count) dimensions. The detected shape was \(shapeText(detected)) + inhomogeneous part.")
        }

        let shape = try visit(v, outer: [])
        if !strings.isEmpty {
            guard numbers.isEmpty else { throw PyError(.typeError, "cannot mix strings and numbers in one data sequence") }
            guard shape.count == 1 else { throw PyError(.valueError, "string data must be a flat sequence") }
            return PlotArray(shape: shape, numbers: [], strings: strings)
        }
        return PlotArray(shape: shape, numbers: numbers, strings: nil)
    }

    /// 1-D data (a number counts as one value), numbers or categories.
    static func values(_ interp: Interpreter, _ v: Value, _ what: String) throws -> PlotValues {
        let a = try array(interp, v)
        guard a.shape.count <= 1 else {
            throw PyError(.valueError, "\(what) must be 1-dimensional, not of shape \(shapeText(a.shape))")
        }
        return a.values
    }

    /// Numbers of any shape, flattened (as `scatter` and `hist` ravel them).
    static func numbers(_ interp: Interpreter, _ v: Value, _ what: String) throws -> [Double] {
        let a = try array(interp, v)
        guard a.strings == nil else { throw PyError(.typeError, "\(what) must be numbers, not strings") }
        return a.numbers
    }

    /// One number (`xlim(0, 1)`, `linewidth=2`): ints, floats, 0-d tensors.
    static func number(_ interp: Interpreter, _ v: Value, _ what: String) throws -> Double {
        if let t = TorchValues.tensor(v) {
            guard t.count == 1 else { throw PyError(.typeError, "\(what) must be a number, not a tensor of \(t.count) elements") }
            return try t.scalarDouble()
        }
        switch v {
        case .int, .bool, .float: return try interp.toDouble(v)
        case .str(let s):
            guard let d = Double(s.value.trimmingCharacters(in: .whitespaces)) else {
                throw PyError(.valueError, "could not convert string to float: \(Interpreter.quoted(s.value))")
            }
            return d
        default:
            do { return try interp.toDouble(v) } catch {
                throw PyError(.typeError, "\(what) must be a number, not \(v.typeName)")
            }
        }
    }

    static func optionalNumber(_ interp: Interpreter, _ v: Value?, _ what: String) throws -> Double? {
        guard let v, !v.isNone else { return nil }
        return try number(interp, v, what)
    }

    /// An int argument (`bins=20`, `nrows=2`).
    static func int(_ v: Value, _ what: String) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default:
            if let t = TorchValues.tensor(v), t.count == 1, !t.dtype.isFloatingPoint { return Int(try t.scalarInt64()) }
            throw PyError(.typeError, "\(what) must be an integer, not \(v.typeName)")
        }
    }

    /// A text argument; matplotlib converts labels and titles with `str()`.
    static func text(_ interp: Interpreter, _ v: Value) throws -> String {
        if case .str(let s) = v { return s.value }
        return try interp.str(v)
    }

    /// `a list`, `an int`: type names in messages.
    static func withArticle(_ word: String) -> String {
        ("aeiou".contains(word.first ?? "x") ? "an " : "a ") + word
    }

    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(\(shape.map(String.init).joined(separator: ", ")))"
    }
}
