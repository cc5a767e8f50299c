/// How a statement ended.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Value)
}

extension Interpreter {
    func exec(_ body: [Stmt], _ f: Frame) throws -> Flow {
        for s in body {
            let flow = try exec(s, f)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func exec(_ s: Stmt, _ f: Frame) throws -> Flow {
        f.currentSpan = s.span
        switch s.kind {
        case .expression(let e):
            _ = try eval(e, f)
        case .assign(let targets, let value):
            let v = try eval(value, f)
            for t in targets { try assign(t, v, f) }
        case .augmentedAssign(let target, let op, let value):
            try augmentedAssign(target, op, value, f)
        case .annotated(let target, let value):
            if let value = value { try assign(target, try eval(value, f), f) }
        case .delete(let targets):
            for t in targets { try delete(t, f) }
        case .pass, .global, .nonlocal:
            break
        case .break:
            return .breakLoop
        case .continue:
            return .continueLoop
        case .return(let e):
            return .returned(try e.map { try eval($0, f) } ?? .none)
        case .raise(let e, let cause):
            try raise(e, cause: cause, s.span, f)
        case .assert(let test, let message):
            if try !isTruthy(try eval(test, f)) {
                let args = try message.map { [try eval($0, f)] } ?? []
                // CPython points at the test, or at the statement when the test is a constant.
                var where_ = test.span
                if case .constant = test.kind { where_ = s.span }
                throw PyError(exception: PyType.makeException(.assertionError, args: args)).located(where_)
            }
        case .import(let names):
            for n in names { try importName(n, f, s.span) }
        case .importFrom(let module, let names):
            try importFrom(module, names, f, s.span)
        case .if(let test, let body, let orElse):
            if try isTruthy(try eval(test, f)) { return try exec(body, f) }
            return try exec(orElse, f)
        case .while(let test, let body, let orElse):
            while try isTruthy(try eval(test, f)) {
                try tick()
                switch try exec(body, f) {
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                case .normal, .continueLoop: break
                }
                f.currentSpan = s.span
            }
            return try exec(orElse, f)
        case .for(let target, let iterable, let body, let orElse):
            let flow = try execFor(target, iterable, body, orElse, s.span, f)
            // A generator left by `break` is closed now, as CPython's refcounting does.
            if !abandonedGenerators.isEmpty { closeAbandonedGenerators() }
            return flow
        case .try(let body, let handlers, let orElse, let finally):
            return try execTry(body, handlers, orElse, finally, f)
        case .with(let items, let body):
            return try execWith(items[...], body, s.span, f)
        case .functionDef(let def, let decorators, let target):
            var fn: Value = .object(try makeFunction(def, f))
            for d in decorators.reversed() {
                let decorator = try eval(d, f)
                fn = try located(d.span) { try call(decorator, Arguments([fn])) }
            }
            try store(target, fn, f)
        case .classDef(let def, let decorators, let target):
            var cls: Value = .object(try makeClass(def, f))
            for d in decorators.reversed() {
                let decorator = try eval(d, f)
                cls = try located(d.span) { try call(decorator, Arguments([cls])) }
            }
            try store(target, cls, f)
        }
        return .normal
    }

    private func execFor(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt], _ span: SourceSpan, _ f: Frame) throws -> Flow {
        let source = try eval(iterable, f)
        // Fast paths: ranges and lists assigned to a plain name.
        if case .name(let v) = target.kind, case .object(let o) = source {
            if let r = o as? PyRange {
                var i = r.start
                let n = r.count
                var k = 0
                while k < n {
                    try tick()
                    try store(v, .int(i), f)
                    switch try exec(body, f) {
                    case .breakLoop: return .normal
                    case .returned(let x): return .returned(x)
                    case .normal, .continueLoop: break
                    }
                    i &+= r.step
                    k += 1
                }
                f.currentSpan = span
                return try exec(orElse, f)
            }
        }
        let iterator = try located(span) { try makeIterator(source) }
        while true {
            try tick()
            guard let item = try located(span, { try iterator.next(self) }) else { break }
            try assign(target, item, f)
            switch try exec(body, f) {
            case .breakLoop: return .normal
            case .returned(let x): return .returned(x)
            case .normal, .continueLoop: break
            }
        }
        f.currentSpan = span
        return try exec(orElse, f)
    }

    private func raise(_ e: Expr?, cause: Expr?, _ span: SourceSpan, _ f: Frame) throws -> Never {
        guard let e = e else {
            guard let current = handledExceptions.last else {
                throw PyError(.runtimeError, "No active exception to reraise").located(span)
            }
            throw current
        }
        let value = try eval(e, f)
        var error = try located(span) { try exceptionToRaise(value) }
        let state = error.state
        state.traceback = []
        state.pendingSpan = nil
        error = error.located(span)
        if let cause = cause {
            let c = try eval(cause, f)
            if !c.isNone {
                state.cause = .object(try exceptionToRaise(c).exception)
            }
        }
        if let context = handledExceptions.last, context.exception !== error.exception {
            state.context = .object(context.exception)
        }
        throw error
    }

    /// `raise X`: an exception instance, or a class to instantiate.
    func exceptionToRaise(_ value: Value) throws -> PyError {
        if case .object(let o) = value {
            if let inst = o as? PyInstance, inst.cls.isExceptionType { return PyError(exception: inst) }
            if let t = o as? PyType, t.isExceptionType {
                let made = try callType(t, .empty)
                if let inst = made.instance, inst.cls.isExceptionType { return PyError(exception: inst) }
                throw PyError(.typeError, "calling \(t.name) should have returned an instance of BaseException, not \(made.typeName)")
            }
        }
        throw PyError(.typeError, "exceptions must derive from BaseException")
    }

    private func execTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt], _ f: Frame) throws -> Flow {
        var flow: Flow
        do {
            do {
                flow = try exec(body, f)
            } catch let error as PyError where !handlers.isEmpty && !error.state.isUncatchable {
                guard let handler = try matchingHandler(error, handlers, f) else { throw error }
                if let name = handler.name { try store(name, .object(error.exception), f) }
                handledExceptions.append(error)
                defer {
                    handledExceptions.removeLast()
                }
                flow = try exec(handler.body, f)
                if let name = handler.name { try? unbind(name, f) }
                return try runFinally(finally, after: flow, f)
            }
            if case .normal = flow, !orElse.isEmpty { flow = try exec(orElse, f) }
        } catch {
            if !finally.isEmpty {
                let finallyFlow = try exec(finally, f)
                if case .normal = finallyFlow {} else { return finallyFlow }
            }
            throw error
        }
        return try runFinally(finally, after: flow, f)
    }

    private func runFinally(_ finally: [Stmt], after flow: Flow, _ f: Frame) throws -> Flow {
        guard !finally.isEmpty else { return flow }
        let finallyFlow = try exec(finally, f)
        if case .normal = finallyFlow { return flow }
        return finallyFlow
    }

    private func matchingHandler(_ error: PyError, _ handlers: [ExceptHandler], _ f: Frame) throws -> ExceptHandler? {
        for h in handlers {
            guard let typeExpr = h.type else { return h }
            let t = try eval(typeExpr, f)
            if try exceptionMatches(error.exception.cls, t, h.span) { return h }
        }
        return nil
    }

    private func exceptionMatches(_ cls: PyType, _ spec: Value, _ span: SourceSpan) throws -> Bool {
        if case .object(let o) = spec {
            if let t = o as? PyType, t.isExceptionType { return cls.isSubtype(of: t) }
            if let tuple = o as? PyTuple {
                for item in tuple.items where try exceptionMatches(cls, item, span) { return true }
                return false
            }
        }
        throw PyError(.typeError, "catching classes that do not inherit from BaseException is not allowed").located(span)
    }

    private func execWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], _ span: SourceSpan, _ f: Frame) throws -> Flow {
        guard let item = items.first else { return try exec(body, f) }
        let manager = try eval(item.context, f)
        let type = manager.pyType
        guard let enter = type.lookup(.dunderEnter), let exit = type.lookup(.dunderExit) else {
            throw PyError(.typeError, "'\(type.name)' object does not support the context manager protocol").located(span)
        }
        let entered = try located(item.context.span) { try callDescriptor(enter, manager, .empty) }
        if let target = item.target { try assign(target, entered, f) }
        let flow: Flow
        do {
            flow = try execWith(items.dropFirst(), body, span, f)
        } catch let error as PyError where !error.state.isUncatchable {
            let suppress = try located(item.context.span) { try callDescriptor(exit, manager, Arguments([.object(error.exception.cls), .object(error.exception), .none])) }
            if try isTruthy(suppress) { return .normal }
            throw error
        }
        _ = try located(item.context.span) { try callDescriptor(exit, manager, Arguments([.none, .none, .none])) }
        return flow
    }

    // MARK: - Imports

    private func importName(_ n: ImportName, _ f: Frame, _ span: SourceSpan) throws {
        let parts = n.module.split(separator: ".").map(String.init)
        var module: PyModule? = nil
        var path = ""
        var top: PyModule? = nil
        for part in parts {
            path = path.isEmpty ? part : path + "." + part
            let m = try located(span) { try importModule(path) }
            if let parent = module, parent.attributes[Symbol.intern(part)] == nil {
                parent.attributes.set(Symbol.intern(part), .object(m))
            }
            module = m
            if top == nil { top = m }
        }
        guard let last = module, let first = top else { return }
        try store(n.target, .object(n.alias != nil ? last : first), f)
    }

    private func importFrom(_ moduleName: String, _ names: [ImportFromName], _ f: Frame, _ span: SourceSpan) throws {
        if moduleName.hasPrefix(".") {
            throw PyError(.importError, "attempted relative import with no known parent package").located(span)
        }
        var path = ""
        var module: PyModule? = nil
        for part in moduleName.split(separator: ".") {
            path = path.isEmpty ? String(part) : path + "." + part
            let m = try located(span) { try importModule(path) }
            if let parent = module, parent.attributes[Symbol.intern(String(part))] == nil {
                parent.attributes.set(Symbol.intern(String(part)), .object(m))
            }
            module = m
        }
        guard let m = module else { return }
        for n in names {
            if n.name == "*" {
                for (k, v) in m.attributes.entries where !k.name.hasPrefix("_") {
                    globals[k.name] = v
                }
                continue
            }
            let sym = Symbol.intern(n.name)
            var value = m.attributes[sym]
            if value == nil, modules.canImport(moduleName + "." + n.name) {
                let sub = try located(n.span) { try importModule(moduleName + "." + n.name) }
                m.attributes.set(sym, .object(sub))
                value = .object(sub)
            }
            guard let v = value else {
                throw PyError(.importError, "cannot import name '\(n.name)' from '\(m.name)' (unknown location)").located(span)
            }
            try store(n.target, v, f)
        }
    }

    /// The module `name`, loading it from the registry on first use.
    public func importModule(_ name: String) throws -> PyModule {
        let canonical = modules.canonicalName(name)
        if let m = loadedModules[canonical] { return m }
        guard let provider = modules.provider(canonical) else {
            if let dot = name.lastIndex(of: "."), loadedModules[modules.canonicalName(String(name[..<dot]))] != nil,
               !modules.isPackage(String(name[..<dot])) {
                throw PyError(.moduleNotFoundError, "No module named '\(name)'; '\(name[..<dot])' is not a package")
            }
            throw PyError(.moduleNotFoundError, "No module named '\(name)'")
        }
        let m = try provider(self)
        loadedModules[canonical] = m
        return m
    }
}
