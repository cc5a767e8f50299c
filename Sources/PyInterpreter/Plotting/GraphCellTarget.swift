import Autograd
import NN

/// Why a `graph` cell has nothing to draw; the message names the attribute
/// (`graph=foo: 'foo' is not a tensor`).
public struct GraphTargetError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Finds the tensor a `graph` cell draws, and the names its nodes get.
enum GraphCellTarget {
    /// `graph=NAME`: the variable (or `a.b` attribute path) must hold a tensor.
    /// Bare `graph`: the cell's result, looking at its top-level statements
    /// from the last: `name = …` gives name, an expression `e` gives e,
    /// `e.backward(…)` gives e; the first that is a tensor wins. Only names
    /// and attribute paths are looked at, so nothing in the cell runs twice.
    static func tensor(named name: String?, cellCode: String, in interp: Interpreter) throws -> (tensor: Tensor, name: String) {
        if let name {
            let value: Value
            do {
                value = try lookUp(name.split(separator: ".").map(String.init), in: interp)
            } catch let error as PyError {
                throw GraphTargetError("graph=\(name): \(pythonMessage(error, interp))")
            }
            guard let tensor = TorchValues.tensor(value) else {
                throw GraphTargetError("graph=\(name): '\(name)' is not a tensor (it is \(PlotData.withArticle(value.typeName)))")
            }
            return (tensor, name)
        }
        let unit = SourceUnit(fileName: interp.fileName, code: cellCode, firstLine: 1, indent: 0)
        let statements = Parser(source: cellCode, unit: unit).parseModule()
        for path in candidatePaths(statements.reversed()) {
            if let value = try? lookUp(path, in: interp), let tensor = TorchValues.tensor(value) {
                return (tensor, path.joined(separator: "."))
            }
        }
        throw GraphTargetError("graph: the cell has no tensor result to draw; name one with graph=NAME")
    }

    /// Attribute paths the statements leave a result in, most recent first.
    private static func candidatePaths<S: Sequence>(_ statements: S) -> [[String]] where S.Element == Stmt {
        var paths: [[String]] = []
        for statement in statements {
            switch statement.kind {
            case .assign(let targets, _):
                for target in targets.reversed() { paths += assignedPaths(target) }
            case .augmentedAssign(let target, _, _), .annotated(let target, _):
                paths += assignedPaths(target)
            case .expression(let e):
                if case .call(let callee, _) = e.kind, case .attribute(let receiver, let method) = callee.kind, method.name == "backward" {
                    if let path = attributePath(receiver) { paths.append(path) }
                } else if let path = attributePath(e) {
                    paths.append(path)
                }
            default:
                break
            }
        }
        return paths
    }

    /// `a`, `a.b` or, for `a, b = …`, the elements from the last.
    private static func assignedPaths(_ target: Expr) -> [[String]] {
        switch target.kind {
        case .tuple(let items), .list(let items): return items.reversed().flatMap(assignedPaths)
        default: return attributePath(target).map { [$0] } ?? []
        }
    }

    /// `a.b.c` → ["a", "b", "c"]; nil for anything that is not a name or attribute path.
    private static func attributePath(_ e: Expr) -> [String]? {
        switch e.kind {
        case .name(let variable): return [variable.name]
        case .attribute(let base, let symbol): return attributePath(base).map { $0 + [symbol.name] }
        default: return nil
        }
    }

    private static func lookUp(_ path: [String], in interp: Interpreter) throws -> Value {
        guard let first = path.first else { throw PyError(.nameError, "name '' is not defined") }
        guard var value = interp.globals[first] else { throw PyError(.nameError, "name '\(first)' is not defined") }
        for attribute in path.dropFirst() {
            value = try interp.getAttribute(value, Symbol.intern(attribute))
        }
        return value
    }

    private static func pythonMessage(_ error: PyError, _ interp: Interpreter) -> String {
        (try? interp.exceptionMessage(error.exception)) ?? error.typeName
    }

    /// Node names: every global variable bound to a tensor, then the
    /// parameters of global modules (`model.fc1.weight`) not named already.
    /// Globals are taken in the order they were first bound, so the first name wins.
    static func names(in interp: Interpreter) -> [ObjectIdentifier: String] {
        var names: [ObjectIdentifier: String] = [:]
        let globals = interp.globals
        var modules: [(String, NN.Module)] = []
        for (slot, name) in globals.names.enumerated() {
            guard let value = globals.values[slot] else { continue }
            if let tensor = TorchValues.tensor(value) {
                if names[ObjectIdentifier(tensor)] == nil { names[ObjectIdentifier(tensor)] = name }
            } else if let module = value.payload(NN.Module.self) {
                modules.append((name, module))
            }
        }
        for (name, module) in modules {
            for (path, parameter) in module.namedParameters() where names[ObjectIdentifier(parameter)] == nil {
                names[ObjectIdentifier(parameter)] = "\(name).\(path)"
            }
        }
        return names
    }
}
