/// The syntax tree. The parser builds it with names `.unresolved`; the resolver
/// rewrites every name into a slot (`.local`, `.cell`, `.global`, `.classBody`).
/// Every node carries its span.

/// Where a variable lives at run time.
enum Variable {
    case unresolved(String)
    /// `frame.locals[i]` of a function.
    case local(Int, String)
    /// `frame.cells[i]`: a captured local or a free variable of a closure.
    case cell(Int, String)
    /// The session's global slot `i` (falls back to builtins on load).
    case global(Int, String)
    /// A class body's namespace, then `fallback` when loading.
    indirect case classBody(Symbol, fallback: Variable)

    var name: String {
        switch self {
        case .unresolved(let n), .local(_, let n), .cell(_, let n), .global(_, let n): return n
        case .classBody(let s, _): return s.name
        }
    }
}

struct Expr {
    var kind: Kind
    var span: SourceSpan

    indirect enum Kind {
        case constant(Value)
        case name(Variable)
        /// f-string: literal text and formatted fields, concatenated.
        case formatted([FormattedPart])
        case unary(UnaryOp, Expr)
        case binary(BinaryOp, Expr, Expr)
        /// `a and b and c` (isAnd) / `a or b or c`: short circuit, returns an operand.
        case boolean(isAnd: Bool, [Expr])
        case not(Expr)
        /// `a < b <= c`: chained, each operand evaluated once.
        case compare(Expr, [(CompareOp, Expr)])
        case ternary(test: Expr, body: Expr, orElse: Expr)
        case lambda(FunctionDef)
        case call(Expr, [CallArgument])
        case attribute(Expr, Symbol)
        case index(Expr, Expr)
        case slice(lower: Expr?, upper: Expr?, step: Expr?)
        case tuple([Expr])
        case list([Expr])
        case set([Expr])
        case dict([DictItem])
        case starred(Expr)
        case comprehension(Comprehension)
        case walrus(Variable, Expr)
        /// `yield value` / `yield from iterable` inside a generator function.
        case yield(Expr?, from: Bool)
    }
}

public enum UnaryOp: String { case negate = "-", plus = "+", invert = "~" }

public enum BinaryOp: String, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", trueDivide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matmul = "@", leftShift = "<<", rightShift = ">>"
    case bitAnd = "&", bitOr = "|", bitXor = "^"

    /// The special-method stem: `add` for `__add__`/`__radd__`/`__iadd__`.
    public var dunder: String {
        switch self {
        case .add: return "add"
        case .subtract: return "sub"
        case .multiply: return "mul"
        case .trueDivide: return "truediv"
        case .floorDivide: return "floordiv"
        case .modulo: return "mod"
        case .power: return "pow"
        case .matmul: return "matmul"
        case .leftShift: return "lshift"
        case .rightShift: return "rshift"
        case .bitAnd: return "and"
        case .bitOr: return "or"
        case .bitXor: return "xor"
        }
    }
}

/// A binary operator's special-method names, interned once (an operator on
/// instances looks them up on every evaluation), indexed by `BinaryOp.ordinal`.
enum BinaryOpSymbols {
    static let forward: [Symbol] = BinaryOp.allCases.map { Symbol.intern("__\($0.dunder)__") }
    static let reflected: [Symbol] = BinaryOp.allCases.map { Symbol.intern("__r\($0.dunder)__") }
    static let inPlace: [Symbol] = BinaryOp.allCases.map { Symbol.intern("__i\($0.dunder)__") }
}

extension BinaryOp {
    /// `__add__`
    var forwardSymbol: Symbol { BinaryOpSymbols.forward[ordinal] }
    /// `__radd__`
    var reflectedSymbol: Symbol { BinaryOpSymbols.reflected[ordinal] }
    /// `__iadd__`
    var inPlaceSymbol: Symbol { BinaryOpSymbols.inPlace[ordinal] }

    /// The position in `allCases`.
    private var ordinal: Int {
        switch self {
        case .add: return 0
        case .subtract: return 1
        case .multiply: return 2
        case .trueDivide: return 3
        case .floorDivide: return 4
        case .modulo: return 5
        case .power: return 6
        case .matmul: return 7
        case .leftShift: return 8
        case .rightShift: return 9
        case .bitAnd: return 10
        case .bitOr: return 11
        case .bitXor: return 12
        }
    }
}

public enum CompareOp: String {
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

enum FormattedPart {
    case literal(String)
    /// `{expr!conversion:spec}`; `spec` may itself contain fields. `debugText` is the `expr=` prefix.
    case field(Expr, conversion: Character?, spec: [FormattedPart]?, debugText: String?)
}

enum CallArgument {
    case positional(Expr)
    case starred(Expr)
    case keyword(Symbol, Expr)
    case doubleStarred(Expr)
}

enum DictItem {
    case pair(Expr, Expr)
    case unpack(Expr)
}

/// A list/set/dict comprehension or generator expression: its own scope, like a function.
final class Comprehension {
    enum Kind { case list, set, dict, generator }
    struct Clause {
        var target: Expr
        var iterable: Expr
        var conditions: [Expr]
    }
    let kind: Kind
    /// The element (for dict: the key).
    var element: Expr
    var value: Expr?
    var clauses: [Clause]
    var scope = ScopeLayout()
    var analysis: ScopeAnalysis?

    init(kind: Kind, element: Expr, value: Expr?, clauses: [Clause]) {
        self.kind = kind
        self.element = element
        self.value = value
        self.clauses = clauses
    }
}

/// Slot counts and closure wiring the resolver computes for a function-like scope.
struct ScopeLayout {
    var localCount = 0
    /// Cells created fresh on each call (locals captured by inner functions).
    var cellCount = 0
    /// For each free variable: where the defining scope keeps it (its `.cell` index there).
    var freeSources: [Variable] = []
    /// Parameters that are captured: (local slot the argument lands in, cell index to copy it to).
    var capturedParameters: [(local: Int, cell: Int)] = []
}

struct Parameter {
    enum Kind { case positional, varPositional, keywordOnly, varKeyword }
    var name: String
    var kind: Kind
    var defaultValue: Expr?
    var span: SourceSpan
}

/// A `def` or `lambda`: shared by every function object created from it.
final class FunctionDef {
    let name: String
    var qualifiedName: String
    var parameters: [Parameter]
    var body: [Stmt]
    let isLambda: Bool
    let span: SourceSpan
    /// Its body contains `yield`: calling it makes a generator instead of running it.
    var isGenerator = false
    var scope = ScopeLayout()
    /// Symbols of parameters, in order (keyword binding).
    var parameterSymbols: [Symbol] = []
    /// The cell this function was written in (tracebacks).
    var unit: SourceUnit?
    var analysis: ScopeAnalysis?

    init(name: String, qualifiedName: String, parameters: [Parameter], body: [Stmt], isLambda: Bool, span: SourceSpan) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.parameters = parameters
        self.body = body
        self.isLambda = isLambda
        self.span = span
        self.parameterSymbols = parameters.map { Symbol.intern($0.name) }
    }

    /// Parameter shape, fixed at parse time (binding reads these on every call).
    var positionalCount: Int { shape.positionalCount }
    var varPositionalIndex: Int? { shape.varPositional }
    var varKeywordIndex: Int? { shape.varKeyword }
    var keywordOnlyIndices: [Int] { shape.keywordOnly }
    /// Only positional parameters: a call with exactly that many positional arguments binds directly.
    var isSimple: Bool { shape.isSimple }
    private(set) lazy var shape = ParameterShape(parameters)
}

typealias FunctionCode = FunctionDef

struct ParameterShape {
    let positionalCount: Int
    let varPositional: Int?
    let varKeyword: Int?
    let keywordOnly: [Int]
    let isSimple: Bool
    init(_ parameters: [Parameter]) {
        positionalCount = parameters.filter { $0.kind == .positional }.count
        varPositional = parameters.firstIndex { $0.kind == .varPositional }
        varKeyword = parameters.firstIndex { $0.kind == .varKeyword }
        keywordOnly = parameters.indices.filter { parameters[$0].kind == .keywordOnly }
        isSimple = positionalCount == parameters.count
    }
}

final class ClassDef {
    let name: String
    var qualifiedName: String
    var bases: [CallArgument]
    var body: [Stmt]
    let span: SourceSpan
    var analysis: ScopeAnalysis?

    init(name: String, qualifiedName: String, bases: [CallArgument], body: [Stmt], span: SourceSpan) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.bases = bases
        self.body = body
        self.span = span
    }
}

struct ExceptHandler {
    var type: Expr?
    var name: Variable?
    var body: [Stmt]
    var span: SourceSpan
}

struct WithItem {
    var context: Expr
    var target: Expr?
}

struct ImportName {
    /// Dotted module path (`torch.nn`).
    var module: String
    var alias: String?
    /// The variable bound: the alias, or the first component of the path.
    var target: Variable
}

struct ImportFromName {
    var name: String
    var alias: String?
    var target: Variable
    var span: SourceSpan
}

struct Stmt {
    var kind: Kind
    var span: SourceSpan

    indirect enum Kind {
        case expression(Expr)
        /// `a = b = value`: targets left to right.
        case assign(targets: [Expr], value: Expr)
        case augmentedAssign(target: Expr, op: BinaryOp, value: Expr)
        /// `x: T = v` (the annotation is not evaluated).
        case annotated(target: Expr, value: Expr?)
        case delete([Expr])
        case pass
        case `break`
        case `continue`
        case `return`(Expr?)
        case raise(Expr?, cause: Expr?)
        case global([String])
        case nonlocal([String])
        case assert(Expr, message: Expr?)
        case `import`([ImportName])
        case importFrom(module: String, names: [ImportFromName])
        case `if`(Expr, body: [Stmt], orElse: [Stmt])
        case `while`(Expr, body: [Stmt], orElse: [Stmt])
        case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
        case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
        case with([WithItem], body: [Stmt])
        case functionDef(FunctionDef, decorators: [Expr], target: Variable)
        case classDef(ClassDef, decorators: [Expr], target: Variable)
    }
}
