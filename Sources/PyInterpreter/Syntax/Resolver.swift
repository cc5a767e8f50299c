/// The session's global variables: one slot per name, so a resolved global
/// load is an array access. A slot that holds nothing falls back to the builtin
/// of the same name.
final class GlobalTable {
    private(set) var slotByName: [String: Int] = [:]
    private(set) var names: [String] = []
    var values: [Value?] = []
    private(set) var builtinValues: [Value?] = []
    private let builtins: [String: Value]

    init(builtins: [String: Value]) { self.builtins = builtins }

    func slot(_ name: String) -> Int {
        if let s = slotByName[name] { return s }
        let s = names.count
        slotByName[name] = s
        names.append(name)
        values.append(nil)
        builtinValues.append(builtins[name])
        return s
    }
    subscript(_ name: String) -> Value? {
        get { slotByName[name].flatMap { values[$0] } }
        set { values[slot(name)] = newValue }
    }
}

/// What one function-like scope binds and uses (first pass, bottom-up).
final class ScopeAnalysis {
    enum Kind { case module, function, classBody, comprehension }
    let kind: Kind
    var bound: [String] = []
    private var boundSet: Set<String> = []
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    var used: Set<String> = []
    /// Names that nested scopes need from outside themselves.
    var childFree: Set<String> = []

    init(kind: Kind) { self.kind = kind }

    func bind(_ name: String) {
        if boundSet.insert(name).inserted { bound.append(name) }
    }
    func isBound(_ name: String) -> Bool { boundSet.contains(name) }

    /// Bound here and not declared global/nonlocal.
    func isLocal(_ name: String) -> Bool {
        kind != .module && boundSet.contains(name) && !globals.contains(name) && !nonlocals.contains(name)
    }

    /// Names this scope (or its children) leave for enclosing scopes to provide.
    var freeOut: Set<String> {
        var out = Set<String>()
        switch kind {
        case .module:
            return []
        case .classBody:
            for n in used where !globals.contains(n) && !isBound(n) { out.insert(n) }
            for n in childFree where !globals.contains(n) { out.insert(n) }
            for n in nonlocals { out.insert(n) }
        case .function, .comprehension:
            for n in used.union(childFree) where !isLocal(n) && !globals.contains(n) { out.insert(n) }
            for n in nonlocals { out.insert(n) }
        }
        return out
    }
}

/// Rewrites names into slots (locals, cells, globals, class bodies) after
/// working out, per scope, which locals inner functions capture.
final class Resolver {
    let globals: GlobalTable
    private(set) var issues: [SyntaxIssue] = []

    init(globals: GlobalTable) { self.globals = globals }

    /// Second-pass scope: where each name of a function-like scope lives.
    final class Scope {
        let analysis: ScopeAnalysis
        let parent: Scope?
        var slots: [String: Variable] = [:]
        var layout = ScopeLayout()
        init(analysis: ScopeAnalysis, parent: Scope?) {
            self.analysis = analysis
            self.parent = parent
        }
        var kind: ScopeAnalysis.Kind { analysis.kind }
    }

    func resolveModule(_ body: [Stmt]) -> [Stmt] {
        let analysis = ScopeAnalysis(kind: .module)
        collect(body, analysis)
        let scope = Scope(analysis: analysis, parent: nil)
        return body.map { resolve($0, scope) }
    }

    // MARK: - Pass 1: what each scope binds and uses

    private func collect(_ body: [Stmt], _ a: ScopeAnalysis) {
        for s in body { collect(s, a) }
    }

    private func collectTarget(_ e: Expr, _ a: ScopeAnalysis) {
        switch e.kind {
        case .name(let v): a.bind(v.name)
        case .tuple(let items), .list(let items): items.forEach { collectTarget($0, a) }
        case .starred(let inner): collectTarget(inner, a)
        default: collect(e, a)
        }
    }

    private func declare(_ names: [String], global: Bool, _ a: ScopeAnalysis, _ span: SourceSpan) {
        for n in names {
            if a.isBound(n) {
                issues.append(SyntaxIssue("name '\(n)' is assigned to before \(global ? "global" : "nonlocal") declaration", at: span.start))
            } else if a.used.contains(n) {
                issues.append(SyntaxIssue("name '\(n)' is used prior to \(global ? "global" : "nonlocal") declaration", at: span.start))
            }
            if global { a.globals.insert(n) } else { a.nonlocals.insert(n) }
        }
    }

    private func collect(_ s: Stmt, _ a: ScopeAnalysis) {
        switch s.kind {
        case .expression(let e): collect(e, a)
        case .assign(let targets, let value):
            collect(value, a)
            targets.forEach { collectTarget($0, a) }
        case .augmentedAssign(let target, _, let value):
            collect(value, a)
            if case .name(let v) = target.kind { a.used.insert(v.name) }
            collectTarget(target, a)
        case .annotated(let target, let value):
            if let v = value { collect(v, a) }
            if value != nil { collectTarget(target, a) } else if case .name(let v) = target.kind { a.bind(v.name) } else { collect(target, a) }
        case .delete(let targets):
            targets.forEach { collectTarget($0, a) }
        case .pass, .break, .continue: break
        case .return(let e): if let e = e { collect(e, a) }
        case .raise(let e, let cause):
            if let e = e { collect(e, a) }
            if let c = cause { collect(c, a) }
        case .global(let names): declare(names, global: true, a, s.span)
        case .nonlocal(let names): declare(names, global: false, a, s.span)
        case .assert(let test, let message):
            collect(test, a)
            if let m = message { collect(m, a) }
        case .import(let names):
            for n in names { a.bind(n.target.name) }
        case .importFrom(_, let names):
            for n in names where n.name != "*" { a.bind(n.target.name) }
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            collect(test, a)
            collect(body, a)
            collect(orElse, a)
        case .for(let target, let iterable, let body, let orElse):
            collect(iterable, a)
            collectTarget(target, a)
            collect(body, a)
            collect(orElse, a)
        case .try(let body, let handlers, let orElse, let finally):
            collect(body, a)
            for h in handlers {
                if let t = h.type { collect(t, a) }
                if let n = h.name { a.bind(n.name) }
                collect(h.body, a)
            }
            collect(orElse, a)
            collect(finally, a)
        case .with(let items, let body):
            for item in items {
                collect(item.context, a)
                if let t = item.target { collectTarget(t, a) }
            }
            collect(body, a)
        case .functionDef(let def, let decorators, let target):
            decorators.forEach { collect($0, a) }
            collectDefaults(def, a)
            a.childFree.formUnion(analyzeFunction(def).freeOut)
            a.bind(target.name)
        case .classDef(let def, let decorators, let target):
            decorators.forEach { collect($0, a) }
            for b in def.bases { collect(Parser.argumentExpr(b), a) }
            let classAnalysis = ScopeAnalysis(kind: .classBody)
            collect(def.body, classAnalysis)
            def.analysis = classAnalysis
            a.childFree.formUnion(classAnalysis.freeOut)
            a.bind(target.name)
        }
    }

    private func collectDefaults(_ def: FunctionDef, _ a: ScopeAnalysis) {
        for p in def.parameters { if let d = p.defaultValue { collect(d, a) } }
    }

    private func analyzeFunction(_ def: FunctionDef) -> ScopeAnalysis {
        let fa = ScopeAnalysis(kind: .function)
        for p in def.parameters { fa.bind(p.name) }
        collect(def.body, fa)
        for p in def.parameters where fa.globals.contains(p.name) {
            issues.append(SyntaxIssue("name '\(p.name)' is parameter and global", at: p.span.start))
        }
        def.analysis = fa
        return fa
    }

    private func collect(_ e: Expr, _ a: ScopeAnalysis) {
        switch e.kind {
        case .constant: break
        case .name(let v): a.used.insert(v.name)
        case .formatted(let parts): collect(parts, a)
        case .unary(_, let x), .not(let x), .starred(let x): collect(x, a)
        case .binary(_, let l, let r):
            collect(l, a)
            collect(r, a)
        case .boolean(_, let items), .tuple(let items), .list(let items), .set(let items):
            items.forEach { collect($0, a) }
        case .compare(let first, let rest):
            collect(first, a)
            rest.forEach { collect($0.1, a) }
        case .ternary(let test, let body, let orElse):
            collect(test, a)
            collect(body, a)
            collect(orElse, a)
        case .lambda(let def):
            collectDefaults(def, a)
            a.childFree.formUnion(analyzeFunction(def).freeOut)
        case .call(let f, let args):
            collect(f, a)
            args.forEach { collect(Parser.argumentExpr($0), a) }
        case .attribute(let x, _): collect(x, a)
        case .index(let x, let i):
            collect(x, a)
            collect(i, a)
        case .slice(let lower, let upper, let step):
            [lower, upper, step].forEach { if let x = $0 { collect(x, a) } }
        case .dict(let items):
            for item in items {
                switch item {
                case .pair(let k, let v):
                    collect(k, a)
                    collect(v, a)
                case .unpack(let m): collect(m, a)
                }
            }
        case .comprehension(let c):
            collect(c.clauses[0].iterable, a)
            let ca = ScopeAnalysis(kind: .comprehension)
            for (i, clause) in c.clauses.enumerated() {
                if i > 0 { collect(clause.iterable, ca) }
                collectTarget(clause.target, ca)
                clause.conditions.forEach { collect($0, ca) }
            }
            collect(c.element, ca)
            if let v = c.value { collect(v, ca) }
            c.analysis = ca
            a.childFree.formUnion(ca.freeOut)
        case .walrus(let v, let value):
            collect(value, a)
            a.bind(v.name)
        case .yield(let value, _):
            if let value { collect(value, a) }
        }
    }

    private func collect(_ parts: [FormattedPart], _ a: ScopeAnalysis) {
        for p in parts {
            if case .field(let e, _, let spec, _) = p {
                collect(e, a)
                if let s = spec { collect(s, a) }
            }
        }
    }

    // MARK: - Pass 2: slots

    /// Lays out a function-like scope: parameters first, then other locals; captured ones become cells.
    private func makeScope(_ analysis: ScopeAnalysis, parameters: [String], parent: Scope) -> Scope {
        let scope = Scope(analysis: analysis, parent: parent)
        var localCount = 0
        var cellCount = 0
        for name in parameters {
            let slot = localCount
            localCount += 1
            if analysis.childFree.contains(name) {
                scope.slots[name] = .cell(cellCount, name)
                scope.layout.capturedParameters.append((local: slot, cell: cellCount))
                cellCount += 1
            } else {
                scope.slots[name] = .local(slot, name)
            }
        }
        for name in analysis.bound where analysis.isLocal(name) && scope.slots[name] == nil {
            if analysis.childFree.contains(name) {
                scope.slots[name] = .cell(cellCount, name)
                cellCount += 1
            } else {
                scope.slots[name] = .local(localCount, name)
                localCount += 1
            }
        }
        for name in analysis.freeOut.sorted() {
            if let source = enclosingBinding(name, from: parent) {
                scope.slots[name] = .cell(cellCount + scope.layout.freeSources.count, name)
                scope.layout.freeSources.append(source)
            } else if analysis.nonlocals.contains(name) {
                issues.append(SyntaxIssue("no binding for nonlocal '\(name)' found", at: SourcePos(line: 1, column: 1)))
            }
        }
        scope.layout.localCount = localCount
        scope.layout.cellCount = cellCount
        return scope
    }

    /// The cell (in `scope`'s frame) through which an enclosing function provides `name`, if any.
    private func enclosingBinding(_ name: String, from scope: Scope?) -> Variable? {
        var s = scope
        while let current = s {
            switch current.kind {
            case .module:
                return nil
            case .classBody:
                // A class body shares its enclosing function's cells.
                s = current.parent
                continue
            case .function, .comprehension:
                if current.analysis.globals.contains(name) { return nil }
                if let v = current.slots[name], case .cell = v { return v }
                return nil
            }
        }
        return nil
    }

    private func lookup(_ name: String, _ scope: Scope) -> Variable {
        switch scope.kind {
        case .module:
            return .global(globals.slot(name), name)
        case .function, .comprehension:
            if let v = scope.slots[name] { return v }
            return .global(globals.slot(name), name)
        case .classBody:
            let outer = outerLookup(name, scope)
            if scope.analysis.globals.contains(name) { return .global(globals.slot(name), name) }
            if scope.analysis.isBound(name) { return .classBody(Symbol.intern(name), fallback: outer) }
            return outer
        }
    }

    /// Resolution of a class-body name outside the class.
    private func outerLookup(_ name: String, _ classScope: Scope) -> Variable {
        if let v = enclosingBinding(name, from: classScope.parent) { return v }
        return .global(globals.slot(name), name)
    }

    private func resolve(_ v: Variable, _ scope: Scope) -> Variable { lookup(v.name, scope) }

    private func resolve(_ body: [Stmt], _ scope: Scope) -> [Stmt] { body.map { resolve($0, scope) } }

    private func resolve(_ s: Stmt, _ scope: Scope) -> Stmt {
        func r(_ e: Expr) -> Expr { resolve(e, scope) }
        func rb(_ b: [Stmt]) -> [Stmt] { resolve(b, scope) }
        let kind: Stmt.Kind
        switch s.kind {
        case .expression(let e): kind = .expression(r(e))
        case .assign(let targets, let value): kind = .assign(targets: targets.map(r), value: r(value))
        case .augmentedAssign(let target, let op, let value): kind = .augmentedAssign(target: r(target), op: op, value: r(value))
        case .annotated(let target, let value): kind = .annotated(target: r(target), value: value.map(r))
        case .delete(let targets): kind = .delete(targets.map(r))
        case .pass, .break, .continue, .global, .nonlocal: kind = s.kind
        case .return(let e): kind = .return(e.map(r))
        case .raise(let e, let cause): kind = .raise(e.map(r), cause: cause.map(r))
        case .assert(let test, let message): kind = .assert(r(test), message: message.map(r))
        case .import(let names):
            kind = .import(names.map { ImportName(module: $0.module, alias: $0.alias, target: resolve($0.target, scope)) })
        case .importFrom(let module, let names):
            kind = .importFrom(module: module, names: names.map {
                ImportFromName(name: $0.name, alias: $0.alias, target: $0.name == "*" ? $0.target : resolve($0.target, scope), span: $0.span)
            })
        case .if(let test, let body, let orElse): kind = .if(r(test), body: rb(body), orElse: rb(orElse))
        case .while(let test, let body, let orElse): kind = .while(r(test), body: rb(body), orElse: rb(orElse))
        case .for(let target, let iterable, let body, let orElse):
            kind = .for(target: r(target), iterable: r(iterable), body: rb(body), orElse: rb(orElse))
        case .try(let body, let handlers, let orElse, let finally):
            kind = .try(body: rb(body), handlers: handlers.map {
                ExceptHandler(type: $0.type.map(r), name: $0.name.map { resolve($0, scope) }, body: rb($0.body), span: $0.span)
            }, orElse: rb(orElse), finally: rb(finally))
        case .with(let items, let body):
            kind = .with(items.map { WithItem(context: r($0.context), target: $0.target.map(r)) }, body: rb(body))
        case .functionDef(let def, let decorators, let target):
            resolveFunction(def, scope)
            kind = .functionDef(def, decorators: decorators.map(r), target: resolve(target, scope))
        case .classDef(let def, let decorators, let target):
            def.bases = def.bases.map { resolve($0, scope) }
            let classScope = Scope(analysis: def.analysis ?? ScopeAnalysis(kind: .classBody), parent: scope)
            def.body = resolve(def.body, classScope)
            def.analysis = nil
            kind = .classDef(def, decorators: decorators.map(r), target: resolve(target, scope))
        }
        return Stmt(kind: kind, span: s.span)
    }

    private func resolveFunction(_ def: FunctionDef, _ scope: Scope) {
        def.parameters = def.parameters.map { p in
            var q = p
            q.defaultValue = p.defaultValue.map { resolve($0, scope) }
            return q
        }
        let analysis = def.analysis ?? ScopeAnalysis(kind: .function)
        let inner = makeScope(analysis, parameters: def.parameters.map { $0.name }, parent: scope)
        def.body = resolve(def.body, inner)
        def.scope = inner.layout
        def.analysis = nil
    }

    private func resolve(_ a: CallArgument, _ scope: Scope) -> CallArgument {
        switch a {
        case .positional(let e): return .positional(resolve(e, scope))
        case .starred(let e): return .starred(resolve(e, scope))
        case .keyword(let k, let e): return .keyword(k, resolve(e, scope))
        case .doubleStarred(let e): return .doubleStarred(resolve(e, scope))
        }
    }

    private func resolve(_ parts: [FormattedPart], _ scope: Scope) -> [FormattedPart] {
        parts.map { p in
            switch p {
            case .literal: return p
            case .field(let e, let conversion, let spec, let debugText):
                return .field(resolve(e, scope), conversion: conversion, spec: spec.map { resolve($0, scope) }, debugText: debugText)
            }
        }
    }

    private func resolve(_ e: Expr, _ scope: Scope) -> Expr {
        func r(_ x: Expr) -> Expr { resolve(x, scope) }
        let kind: Expr.Kind
        switch e.kind {
        case .constant: return e
        case .name(let v): kind = .name(resolve(v, scope))
        case .formatted(let parts): kind = .formatted(resolve(parts, scope))
        case .unary(let op, let x): kind = .unary(op, r(x))
        case .binary(let op, let a, let b): kind = .binary(op, r(a), r(b))
        case .boolean(let isAnd, let items): kind = .boolean(isAnd: isAnd, items.map(r))
        case .not(let x): kind = .not(r(x))
        case .compare(let first, let rest): kind = .compare(r(first), rest.map { ($0.0, r($0.1)) })
        case .ternary(let test, let body, let orElse): kind = .ternary(test: r(test), body: r(body), orElse: r(orElse))
        case .lambda(let def):
            resolveFunction(def, scope)
            kind = .lambda(def)
        case .call(let f, let args): kind = .call(r(f), args.map { resolve($0, scope) })
        case .attribute(let x, let name): kind = .attribute(r(x), name)
        case .index(let x, let i): kind = .index(r(x), r(i))
        case .slice(let lower, let upper, let step): kind = .slice(lower: lower.map(r), upper: upper.map(r), step: step.map(r))
        case .tuple(let items): kind = .tuple(items.map(r))
        case .list(let items): kind = .list(items.map(r))
        case .set(let items): kind = .set(items.map(r))
        case .dict(let items):
            kind = .dict(items.map {
                switch $0 {
                case .pair(let k, let v): return .pair(r(k), r(v))
                case .unpack(let m): return .unpack(r(m))
                }
            })
        case .starred(let x): kind = .starred(r(x))
        case .comprehension(let c):
            c.clauses[0].iterable = r(c.clauses[0].iterable)
            let inner = makeScope(c.analysis ?? ScopeAnalysis(kind: .comprehension), parameters: [], parent: scope)
            for i in c.clauses.indices {
                if i > 0 { c.clauses[i].iterable = resolve(c.clauses[i].iterable, inner) }
                c.clauses[i].target = resolve(c.clauses[i].target, inner)
                c.clauses[i].conditions = c.clauses[i].conditions.map { resolve($0, inner) }
            }
            c.element = resolve(c.element, inner)
            c.value = c.value.map { resolve($0, inner) }
            c.scope = inner.layout
            c.analysis = nil
            kind = .comprehension(c)
        case .walrus(let v, let value): kind = .walrus(resolve(v, scope), r(value))
        case .yield(let value, let from): kind = .yield(value.map(r), from: from)
        }
        return Expr(kind: kind, span: e.span)
    }
}
