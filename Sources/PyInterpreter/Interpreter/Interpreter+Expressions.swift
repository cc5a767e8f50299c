extension Interpreter {
    /// Runs `body`; a Python error escaping it is stamped with `span` unless a deeper node already was.
    @inline(__always)
    func located<T>(_ span: SourceSpan, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as PyError {
            throw e.located(span)
        }
    }

    func eval(_ e: Expr, _ f: Frame) throws -> Value {
        switch e.kind {
        case .constant(let v):
            return v
        // Bound locals and globals without copying the variable out of the node.
        case .name(.global(let slot, _)):
            if let x = globals.values[slot] ?? globals.builtinValues[slot] { return x }
            return try loadName(e, f)
        case .name(.local(let i, _)):
            if let x = f.locals[i] { return x }
            return try loadName(e, f)
        case .name(let v):
            return try load(v, f, e.span)
        case .binary(let op, let a, let b):
            let l = try eval(a, f)
            let r = try eval(b, f)
            if case .int(let x) = l, case .int(let y) = r {
                switch op {
                case .add:
                    let (s, o) = x.addingReportingOverflow(y)
                    if !o { return .int(s) }
                case .subtract:
                    let (s, o) = x.subtractingReportingOverflow(y)
                    if !o { return .int(s) }
                case .multiply:
                    let (s, o) = x.multipliedReportingOverflow(by: y)
                    if !o { return .int(s) }
                default: break
                }
            }
            return try located(e.span) { try binaryOperation(op, l, r) }
        case .call(let callee, let args):
            return try evalCall(callee, args, e.span, f)
        case .attribute(let target, let name):
            let obj = try eval(target, f)
            return try located(e.span) { try getAttribute(obj, name) }
        case .index(let target, let index):
            let obj = try eval(target, f)
            let i = try eval(index, f)
            return try located(e.span) { try getItem(obj, i) }
        case .compare(let first, let rest):
            var left = try eval(first, f)
            var result: Value = .bool(true)
            for (i, (op, rightExpr)) in rest.enumerated() {
                let right = try eval(rightExpr, f)
                result = try located(e.span) { try compare(op, left, right) }
                if i < rest.count - 1 {
                    if try !isTruthy(result) { return result }
                    left = right
                }
            }
            return result
        case .boolean(let isAnd, let items):
            // The last operand is the result as it is: Python never tests its truth.
            for item in items.dropLast() {
                let v = try eval(item, f)
                let truth = try located(item.span) { try isTruthy(v) }
                if truth != isAnd { return v }
            }
            guard let last = items.last else { return .none }
            return try eval(last, f)
        case .not(let x):
            let v = try eval(x, f)
            return .bool(try !located(e.span) { try isTruthy(v) })
        case .unary(let op, let x):
            let v = try eval(x, f)
            return try located(e.span) { try unaryOperation(op, v) }
        case .ternary(let test, let body, let orElse):
            return try isTruthy(try eval(test, f)) ? try eval(body, f) : try eval(orElse, f)
        case .formatted(let parts):
            return .string(try format(parts, f))
        case .lambda(let def):
            return .object(try makeFunction(def, f))
        case .slice(let lower, let upper, let step):
            return .object(PySlice(start: try lower.map { try eval($0, f) } ?? .none,
                                   stop: try upper.map { try eval($0, f) } ?? .none,
                                   step: try step.map { try eval($0, f) } ?? .none))
        case .tuple(let items):
            return .tuple(try evalSequence(items, f))
        case .list(let items):
            return .list(try evalSequence(items, f))
        case .set(let items):
            let values = try evalSequence(items, f)
            return .object(try located(e.span) { try makeSetDisplay(values, constant: items.count >= 3 && items.allSatisfy(isConstant)) })
        case .dict(let items):
            let d = PyDict()
            for item in items {
                switch item {
                case .pair(let k, let v):
                    let key = try eval(k, f)
                    let value = try eval(v, f)
                    d.set(key, hash: try located(e.span) { try hashKey(key) }, value)
                case .unpack(let m):
                    let mapping = try eval(m, f)
                    try located(m.span) { try mergeMapping(into: d, mapping) }
                }
            }
            try checkSize(d.count)
            return .object(d)
        case .starred:
            throw PyError(.syntaxError, "can't use starred expression here").located(e.span)
        case .comprehension(let c):
            return try evalComprehension(c, e.span, f)
        case .walrus(let v, let value):
            let x = try eval(value, f)
            try store(v, x, f)
            return x
        case .yield(let value, let from):
            let x = try value.map { try eval($0, f) } ?? .none
            guard from else { return try yieldFromGenerator(x) }
            let iterator = try located(e.span) { try makeIterator(x) }
            while let item = try iterator.next(self) { _ = try yieldFromGenerator(item) }
            return .none
        }
    }

    /// `load` for a name node (the error paths of the fast cases in `eval`).
    private func loadName(_ e: Expr, _ f: Frame) throws -> Value {
        guard case .name(let v) = e.kind else { return try eval(e, f) }
        return try load(v, f, e.span)
    }

    private func isConstant(_ e: Expr) -> Bool {
        if case .constant = e.kind { return true }
        return false
    }

    /// A set display. CPython compiles a display of 3+ constants into a frozenset
    /// constant merged into a new set, which can change the iteration order.
    private func makeSetDisplay(_ values: [Value], constant: Bool) throws -> PySet {
        let s = PySet()
        if constant {
            let frozen = PySet(frozen: true)
            for v in values { frozen.add(v, try hashKey(v)) }
            s.merge(frozen)
            return s
        }
        for v in values { s.add(v, try hashKey(v)) }
        return s
    }

    /// Items of a display, expanding `*iterable`.
    private func evalSequence(_ items: [Expr], _ f: Frame) throws -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner) = item.kind {
                let v = try eval(inner, f)
                out.append(contentsOf: try located(inner.span) { try iterate(v) })
                try checkSize(out.count)
            } else {
                out.append(try eval(item, f))
            }
        }
        return out
    }

    // MARK: - Variables

    @inline(__always)
    func load(_ v: Variable, _ f: Frame, _ span: SourceSpan) throws -> Value {
        // The names are read only for errors: binding them on the hot path would copy them.
        switch v {
        case .local(let i, _):
            if let x = f.locals[i] { return x }
            throw PyError(.unboundLocalError, "cannot access local variable '\(v.name)' where it is not associated with a value").located(span)
        case .global(let slot, _):
            if let x = globals.values[slot] ?? globals.builtinValues[slot] { return x }
            throw PyError(.nameError, "name '\(v.name)' is not defined").located(span)
        case .cell(let i, _):
            if let x = f.cells[i].value { return x }
            let name = v.name
            if let fn = f.function, i >= fn.code.scope.cellCount {
                throw PyError(.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope").located(span)
            }
            throw PyError(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value").located(span)
        case .classBody(let sym, let fallback):
            if let ns = f.namespace, let x = ns.table[sym] { return x }
            return try load(fallback, f, span)
        case .unresolved(let name):
            throw PyError(.nameError, "name '\(name)' is not defined").located(span)
        }
    }

    @inline(__always)
    func store(_ v: Variable, _ value: Value, _ f: Frame) throws {
        switch v {
        case .local(let i, _): f.locals[i] = value
        case .global(let slot, _): globals.values[slot] = value
        case .cell(let i, _): f.cells[i].value = value
        case .classBody(let sym, _): f.namespace?.table.set(sym, value)
        case .unresolved(let name): globals[name] = value
        }
    }

    /// `del name` (also used to unbind `except ... as e`).
    func unbind(_ v: Variable, _ f: Frame) throws {
        let wasBound: Bool
        switch v {
        case .local(let i, _):
            wasBound = f.locals[i] != nil
            f.locals[i] = nil
        case .global(let slot, _):
            wasBound = globals.values[slot] != nil
            globals.values[slot] = nil
        case .cell(let i, _):
            wasBound = f.cells[i].value != nil
            f.cells[i].value = nil
        case .classBody(let sym, _):
            wasBound = f.namespace?.table.remove(sym) != nil
        case .unresolved(let name):
            wasBound = globals[name] != nil
            globals[name] = nil
        }
        if !wasBound {
            if case .local = v {
                throw PyError(.unboundLocalError, "cannot access local variable '\(v.name)' where it is not associated with a value")
            }
            throw PyError(.nameError, "name '\(v.name)' is not defined")
        }
    }

    func assign(_ target: Expr, _ value: Value, _ f: Frame) throws {
        switch target.kind {
        case .name(.global(let slot, _)):
            globals.values[slot] = value
        case .name(.local(let i, _)):
            f.locals[i] = value
        case .name(let v):
            try store(v, value, f)
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, f)
            try located(target.span) { try setAttribute(obj, name, value) }
        case .index(let objExpr, let indexExpr):
            let obj = try eval(objExpr, f)
            let index = try eval(indexExpr, f)
            try located(target.span) { try setItem(obj, index, value) }
        case .tuple(let items), .list(let items):
            let values = try located(target.span) { try unpack(value, items) }
            for (t, v) in zip(items, values) {
                if case .starred(let inner) = t.kind { try assign(inner, v, f) } else { try assign(t, v, f) }
            }
        case .starred(let inner):
            try assign(inner, value, f)
        default:
            throw PyError(.syntaxError, "cannot assign to expression").located(target.span)
        }
    }

    /// Splits `value` for a target list, the starred target receiving a list.
    private func unpack(_ value: Value, _ targets: [Expr]) throws -> [Value] {
        let items: [Value]
        if case .object(let o) = value, let t = o as? PyTuple {
            items = t.items
        } else if case .object(let o) = value, let l = o as? PyList {
            items = l.items
        } else {
            guard isIterable(value) else { throw PyError(.typeError, "cannot unpack non-iterable \(value.typeName) object") }
            items = try iterate(value)
        }
        guard let star = targets.firstIndex(where: { if case .starred = $0.kind { return true }; return false }) else {
            if items.count > targets.count { throw PyError(.valueError, "too many values to unpack (expected \(targets.count))") }
            if items.count < targets.count { throw PyError(.valueError, "not enough values to unpack (expected \(targets.count), got \(items.count))") }
            return items
        }
        let after = targets.count - star - 1
        if items.count < targets.count - 1 {
            throw PyError(.valueError, "not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
        }
        var out = Array(items[0..<star])
        out.append(.list(Array(items[star..<(items.count - after)])))
        out.append(contentsOf: items[(items.count - after)...])
        return out
    }

    func delete(_ target: Expr, _ f: Frame) throws {
        switch target.kind {
        case .name(let v):
            try located(target.span) { try unbind(v, f) }
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, f)
            try located(target.span) { try deleteAttribute(obj, name) }
        case .index(let objExpr, let indexExpr):
            let obj = try eval(objExpr, f)
            let index = try eval(indexExpr, f)
            try located(target.span) { try deleteItem(obj, index) }
        case .tuple(let items), .list(let items):
            for item in items { try delete(item, f) }
        default:
            throw PyError(.syntaxError, "cannot delete expression").located(target.span)
        }
    }

    func augmentedAssign(_ target: Expr, _ op: BinaryOp, _ valueExpr: Expr, _ f: Frame) throws {
        switch target.kind {
        case .name:
            // Loading and storing through the node keeps to the fast name paths.
            let old = try eval(target, f)
            let rhs = try eval(valueExpr, f)
            if case .int(let x) = old, case .int(let y) = rhs {
                switch op {
                case .add:
                    let (s, o) = x.addingReportingOverflow(y)
                    if !o { try assign(target, .int(s), f); return }
                case .subtract:
                    let (s, o) = x.subtractingReportingOverflow(y)
                    if !o { try assign(target, .int(s), f); return }
                default: break
                }
            }
            let new = try located(target.span.through(valueExpr.span)) { try inPlaceOperation(op, old, rhs) }
            try assign(target, new, f)
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, f)
            let old = try located(target.span) { try getAttribute(obj, name) }
            let rhs = try eval(valueExpr, f)
            let new = try located(target.span.through(valueExpr.span)) { try inPlaceOperation(op, old, rhs) }
            try located(target.span) { try setAttribute(obj, name, new) }
        case .index(let objExpr, let indexExpr):
            let obj = try eval(objExpr, f)
            let index = try eval(indexExpr, f)
            let old = try located(target.span) { try getItem(obj, index) }
            let rhs = try eval(valueExpr, f)
            let new = try located(target.span.through(valueExpr.span)) { try inPlaceOperation(op, old, rhs) }
            try located(target.span) { try setItem(obj, index, new) }
        default:
            throw PyError(.syntaxError, "illegal expression for augmented assignment").located(target.span)
        }
    }

    // MARK: - Calls

    private func evalCall(_ calleeExpr: Expr, _ argExprs: [CallArgument], _ span: SourceSpan, _ f: Frame) throws -> Value {
        // `obj.method(...)`: look the method up without allocating a bound method.
        if case .attribute(let objExpr, let name) = calleeExpr.kind {
            let obj = try eval(objExpr, f)
            let method = try located(calleeExpr.span) { try lookupMethod(obj, name) }
            let args = try located(span) { try evalArguments(argExprs, f) }
            switch method {
            case .unbound(let function):
                return try located(span) { try callDescriptor(function, obj, args) }
            case .value(let callable):
                return try located(span) { try call(callable, args) }
            }
        }
        let callee = try eval(calleeExpr, f)
        if case .object(let o) = callee, let fn = o as? PyFunction, argExprs.allSatisfy({ if case .positional = $0 { return true }; return false }) {
            var values: [Value] = []
            values.reserveCapacity(argExprs.count)
            for a in argExprs { if case .positional(let e) = a { values.append(try eval(e, f)) } }
            return try located(span) { try callFunction(fn, Arguments(values)) }
        }
        let args = try located(span) { try evalArguments(argExprs, f) }
        return try located(span) { try call(callee, args) }
    }

    func evalArguments(_ argExprs: [CallArgument], _ f: Frame) throws -> Arguments {
        var args = Arguments()
        args.positional.reserveCapacity(argExprs.count)
        for a in argExprs {
            switch a {
            case .positional(let e):
                args.positional.append(try eval(e, f))
            case .starred(let e):
                let v = try eval(e, f)
                if !isIterable(v) {
                    throw PyError(.typeError, "Value after * must be an iterable, not \(v.typeName)")
                }
                args.positional.append(contentsOf: try iterate(v))
            case .keyword(let name, let e):
                let v = try eval(e, f)
                if args.keywords.contains(where: { $0.name === name }) {
                    throw PyError(.syntaxError, "keyword argument repeated: \(name.name)").located(e.span)
                }
                args.keywords.append((name, v))
            case .doubleStarred(let e):
                let v = try eval(e, f)
                guard case .object(let o) = v, let d = o as? PyDict else {
                    throw PyError(.typeError, "argument after ** must be a mapping, not \(v.typeName)")
                }
                for (k, value) in d.items {
                    guard case .str(let s) = k else {
                        throw PyError(.typeError, "keywords must be strings")
                    }
                    let sym = Symbol.intern(s.value)
                    if args.keywords.contains(where: { $0.name === sym }) {
                        throw PyError(.typeError, "got multiple values for keyword argument '\(s.value)'")
                    }
                    args.keywords.append((sym, value))
                }
            }
        }
        return args
    }

    /// A new function object for `def`/`lambda`: defaults evaluated now, closure cells captured.
    func makeFunction(_ def: FunctionDef, _ f: Frame) throws -> PyFunction {
        var defaults: [Value] = []
        var keywordDefaults = [Value?](repeating: nil, count: def.parameters.count)
        for (i, p) in def.parameters.enumerated() {
            guard let d = p.defaultValue else { continue }
            let v = try eval(d, f)
            if p.kind == .keywordOnly { keywordDefaults[i] = v } else { defaults.append(v) }
        }
        let closure = def.scope.freeSources.map { source -> PyCell in
            if case .cell(let i, _) = source { return f.cells[i] }
            return PyCell()
        }
        let fn = PyFunction(code: def, defaults: defaults, keywordDefaults: keywordDefaults, closure: closure)
        if def.unit == nil { def.unit = f.unit }
        return fn
    }

    // MARK: - Comprehensions

    private func evalComprehension(_ c: Comprehension, _ span: SourceSpan, _ f: Frame) throws -> Value {
        let source = try eval(c.clauses[0].iterable, f)
        let first = try located(c.clauses[0].iterable.span) { try makeIterator(source) }
        let cells = (0..<c.scope.cellCount).map { _ in PyCell() } + c.scope.freeSources.map { source -> PyCell in
            if case .cell(let i, _) = source { return f.cells[i] }
            return PyCell()
        }
        let frame = Frame(locals: [Value?](repeating: nil, count: c.scope.localCount), cells: cells, unit: f.unit, name: f.name, function: f.function)
        frame.currentSpan = f.currentSpan
        let cursor = ComprehensionCursor(comprehension: c, frame: frame, first: first)
        switch c.kind {
        case .generator:
            return .object(GeneratorIterator(cursor: cursor))
        case .list:
            var items: [Value] = []
            while let (v, _) = try cursor.next(self) {
                items.append(v)
                if items.count & 0xFFF == 0 { try checkSize(items.count) }
            }
            return .list(items)
        case .set:
            let s = PySet()
            while let (v, _) = try cursor.next(self) { s.add(v, try located(c.element.span) { try hashKey(v) }) }
            return .object(s)
        case .dict:
            let d = PyDict()
            while let (k, v) = try cursor.next(self) {
                d.set(k, hash: try located(c.element.span) { try hashKey(k) }, v ?? .none)
                if d.count & 0xFFF == 0 { try checkSize(d.count) }
            }
            return .object(d)
        }
    }

    // MARK: - f-strings

    func format(_ parts: [FormattedPart], _ f: Frame) throws -> String {
        var out = ""
        for p in parts {
            switch p {
            case .literal(let s):
                out += s
            case .field(let e, let conversion, let specParts, let debugText):
                let v = try eval(e, f)
                if let d = debugText { out += d }
                let spec = try specParts.map { try format($0, f) } ?? ""
                try located(e.span) {
                    var converted = v
                    var conv = conversion
                    if conv == nil && debugText != nil && specParts == nil { conv = "r" }
                    switch conv {
                    case "r"?: converted = .string(try repr(v))
                    case "s"?: converted = .string(try str(v))
                    case "a"?: converted = .string(asciiEscaped(try repr(v)))
                    default: break
                    }
                    out += try formatValue(converted, spec)
                }
                try checkSize(out.utf8.count, "string")
            }
        }
        return out
    }
}

/// Steps through the clauses of a comprehension one element at a time
/// (list/set/dict comprehensions drain it; a generator expression keeps it).
final class ComprehensionCursor {
    let comprehension: Comprehension
    let frame: Frame
    private var iterators: [PyIterator?]
    private var level = 0
    private var done = false

    init(comprehension: Comprehension, frame: Frame, first: PyIterator) {
        self.comprehension = comprehension
        self.frame = frame
        iterators = [PyIterator?](repeating: nil, count: comprehension.clauses.count)
        iterators[0] = first
    }

    /// The next element (and for dict comprehensions its value), or nil when exhausted.
    func next(_ interp: Interpreter) throws -> (Value, Value?)? {
        if done { return nil }
        let clauses = comprehension.clauses
        let previous = interp.frame
        interp.frame = frame
        defer { interp.frame = previous }
        while true {
            try interp.tick()
            if iterators[level] == nil {
                let clause = clauses[level]
                let source = try interp.eval(clause.iterable, frame)
                iterators[level] = try interp.located(clause.iterable.span) { try interp.makeIterator(source) }
            }
            guard let iterator = iterators[level],
                  let item = try interp.located(clauses[level].iterable.span, { try iterator.next(interp) }) else {
                iterators[level] = nil
                if level == 0 { done = true; return nil }
                level -= 1
                continue
            }
            try interp.assign(clauses[level].target, item, frame)
            var passes = true
            for cond in clauses[level].conditions where try !interp.isTruthy(try interp.eval(cond, frame)) {
                passes = false
                break
            }
            if !passes { continue }
            if level == clauses.count - 1 {
                let element = try interp.eval(comprehension.element, frame)
                let value = try comprehension.value.map { try interp.eval($0, frame) }
                return (element, value)
            }
            level += 1
        }
    }
}
