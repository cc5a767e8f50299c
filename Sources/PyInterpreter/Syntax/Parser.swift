/// Recursive-descent parser for the cell language (statements here, expressions
/// in Parser+Expressions.swift). Errors use CPython 3.11's messages; after an
/// error the parser skips to the next statement so one run reports them all.
/// Nesting is bounded before recursing, so no input can overflow the stack.
final class Parser {
    /// CPython's compiler gives up on expressions nested ~3000 deep.
    static let maxDepth = 2900

    /// Thrown to abandon the current statement; the issue is already recorded.
    struct Abandon: Error {}

    let lexer: Lexer
    let unit: SourceUnit
    private var buffer: [Token] = []
    private var head = 0
    private(set) var issues: [SyntaxIssue] = []
    var depth = 0
    private var loopDepth = 0
    private var functionDepth = 0
    /// Whether the function being parsed contains `yield` (it is a generator).
    private var sawYield = false
    private var scopeNames: [String] = []
    /// In f-string sub-parsers: prefix for error messages.
    private let messagePrefix: String
    private var previousEnd = SourcePos(line: 1, column: 1)
    /// Where the last NEWLINE was (end of the last complete line).
    private var lastNewline = SourcePos(line: 1, column: 1)

    init(source: String, unit: SourceUnit) {
        lexer = Lexer(source)
        self.unit = unit
        messagePrefix = ""
    }

    /// A parser for one f-string replacement field.
    init(fieldLexer: Lexer, unit: SourceUnit, depth: Int, inFunction: Bool) {
        lexer = fieldLexer
        self.unit = unit
        messagePrefix = "f-string: "
        self.depth = depth
        self.functionDepth = inFunction ? 1 : 0
    }

    // MARK: - Tokens

    func peek(_ offset: Int = 0) -> Token {
        while head + offset >= buffer.count {
            buffer.append(lexer.next())
        }
        return buffer[head + offset]
    }
    var current: Token { peek() }

    @discardableResult
    func advance() -> Token {
        let t = peek()
        previousEnd = t.span.end
        if t.isNewline { lastNewline = t.span.start }
        head += 1
        if head > 256 {
            buffer.removeFirst(head)
            head = 0
        }
        return t
    }
    /// End of the last consumed token.
    var lastEnd: SourcePos { previousEnd }

    func accept(_ p: Punct) -> Bool {
        if current.is(p) { advance(); return true }
        return false
    }
    func accept(_ k: Keyword) -> Bool {
        if current.is(k) { advance(); return true }
        return false
    }

    // MARK: - Errors

    func fail(_ message: String, at position: SourcePos, type: String = "SyntaxError") -> Abandon {
        if current.isError { return Abandon() }
        recordIssue(SyntaxIssue(type, messagePrefix + message, at: position))
        return Abandon()
    }
    func recordIssue(_ issue: SyntaxIssue) {
        issues.append(issue)
    }
    func failInvalid(_ token: Token? = nil) -> Abandon {
        let t = token ?? current
        if t.isError { return Abandon() }
        if t.isIndent { return fail("unexpected indent", at: Parser.indentPosition(t), type: "IndentationError") }
        return fail("invalid syntax", at: t.span.start)
    }
    func expect(_ p: Punct) throws {
        if accept(p) { return }
        if p == .colon { throw fail("expected ':'", at: current.isNewline ? lastEnd : current.span.start) }
        throw failInvalid()
    }
    func expectName() throws -> String {
        if case .name(let n) = current.kind {
            advance()
            return n
        }
        throw failInvalid()
    }

    /// CPython reports an unexpected indent at the last character of the indentation.
    static func indentPosition(_ t: Token) -> SourcePos {
        SourcePos(line: Int(t.span.start.line), column: max(1, Int(t.span.start.column) - 1))
    }

    // MARK: - Module

    /// Parses a whole cell.
    func parseModule() -> [Stmt] {
        var body: [Stmt] = []
        while !current.isEnd {
            if current.isNewline { advance(); continue }
            if current.isIndent {
                _ = fail("unexpected indent", at: Parser.indentPosition(current), type: "IndentationError")
                advance()
                _ = parseBlockStatements()
                continue
            }
            if current.isDedent { advance(); continue }
            body.append(contentsOf: parseStatementRecovering())
        }
        return body
    }

    /// Statements until the DEDENT closing the current block (consumed).
    private func parseBlockStatements() -> [Stmt] {
        var body: [Stmt] = []
        while !current.isEnd {
            if current.isDedent { advance(); break }
            if current.isNewline { advance(); continue }
            if current.isIndent {
                _ = fail("unexpected indent", at: Parser.indentPosition(current), type: "IndentationError")
                advance()
                _ = parseBlockStatements()
                continue
            }
            body.append(contentsOf: parseStatementRecovering())
        }
        return body
    }

    private func parseStatementRecovering() -> [Stmt] {
        do {
            return try parseStatement()
        } catch {
            recover()
            return []
        }
    }

    /// Skips the rest of the logical line; a block that follows is parsed (for its own errors) and dropped.
    private func recover() {
        while !current.isNewline && !current.isEnd {
            if current.isIndent || current.isDedent { break }
            advance()
        }
        if current.isNewline { advance() }
        if current.isIndent {
            advance()
            _ = parseBlockStatements()
        }
    }

    // MARK: - Statements

    func parseStatement() throws -> [Stmt] {
        let t = current
        switch t.kind {
        case .keyword(let k):
            switch k {
            case .if: return [try parseIf()]
            case .while: return [try parseWhile()]
            case .for: return [try parseFor()]
            case .try: return [try parseTry()]
            case .with: return [try parseWith()]
            case .def: return [try parseFunctionDef(decorators: [], start: t.span.start)]
            case .class: return [try parseClassDef(decorators: [], start: t.span.start)]
            case .async: throw fail("async functions are not supported", at: t.span.start)
            default: break
            }
        case .punct(.at):
            return [try parseDecorated()]
        case .error:
            throw Abandon()
        default:
            break
        }
        return try parseSimpleStatements()
    }

    private func parseSimpleStatements() throws -> [Stmt] {
        var statements = [try parseSmallStatement()]
        while accept(.semicolon) {
            if current.isNewline || current.isEnd { break }
            statements.append(try parseSmallStatement())
        }
        if current.isNewline { advance() }
        else if !current.isEnd { throw unexpectedAfterStatement() }
        return statements
    }

    private func unexpectedAfterStatement() -> Abandon {
        if current.is(.assign) { return failInvalid() }
        return failInvalid()
    }

    private func parseSmallStatement() throws -> Stmt {
        let t = current
        let start = t.span.start
        func stmt(_ kind: Stmt.Kind) -> Stmt { Stmt(kind: kind, span: SourceSpan(start: start, end: lastEnd)) }
        switch t.kind {
        case .keyword(.pass): advance(); return stmt(.pass)
        case .keyword(.break):
            advance()
            if loopDepth == 0 { throw fail("'break' outside loop", at: start) }
            return stmt(.break)
        case .keyword(.continue):
            advance()
            if loopDepth == 0 { throw fail("'continue' not properly in loop", at: start) }
            return stmt(.continue)
        case .keyword(.return):
            advance()
            if functionDepth == 0 { throw fail("'return' outside function", at: start) }
            let value = startsExpression(current) ? try parseStarExpressions() : nil
            return stmt(.return(value))
        case .keyword(.raise):
            advance()
            guard startsExpression(current) else { return stmt(.raise(nil, cause: nil)) }
            let exc = try parseTest()
            let cause = accept(.from) ? try parseTest() : nil
            return stmt(.raise(exc, cause: cause))
        case .keyword(.global), .keyword(.nonlocal):
            advance()
            var names = [try expectName()]
            while accept(.comma) { names.append(try expectName()) }
            if t.is(.nonlocal) && functionDepth == 0 {
                throw fail("nonlocal declaration not allowed at module level", at: start)
            }
            return stmt(t.is(.global) ? .global(names) : .nonlocal(names))
        case .keyword(.del):
            advance()
            var targets = [try parseBitOr()]
            while accept(.comma) {
                if !startsExpression(current) { break }
                targets.append(try parseBitOr())
            }
            for target in targets { try checkTarget(target, context: .delete) }
            return stmt(.delete(targets))
        case .keyword(.assert):
            advance()
            let test = try parseTest()
            let message = accept(.comma) ? try parseTest() : nil
            return stmt(.assert(test, message: message))
        case .keyword(.import):
            return try parseImport()
        case .keyword(.from):
            return try parseFromImport()
        case .keyword(.yield):
            return Stmt(kind: .expression(try parseYield()), span: SourceSpan(start: start, end: lastEnd))
        case .name("print"):
            if case .string = peek(1).kind {
                throw fail("Missing parentheses in call to 'print'. Did you mean print(...)?", at: start)
            }
        default:
            break
        }
        return try parseExpressionStatement()
    }

    private func parseExpressionStatement() throws -> Stmt {
        let start = current.span.start
        let first = try parseStarExpressions()
        if current.is(.assign) {
            var targets = [first]
            var value = first
            while accept(.assign) {
                value = current.is(.yield) ? try parseYield() : try parseStarExpressions()
                targets.append(value)
            }
            targets.removeLast()
            for target in targets { try checkTarget(target, context: .assign) }
            return Stmt(kind: .assign(targets: targets, value: value), span: SourceSpan(start: start, end: lastEnd))
        }
        if let op = augmentedOperator(current) {
            switch first.kind {
            case .name, .attribute, .index: break
            default:
                throw fail("'\(Parser.describe(first))' is an illegal expression for augmented assignment", at: first.span.start)
            }
            advance()
            let value = try parseStarExpressions()
            return Stmt(kind: .augmentedAssign(target: first, op: op, value: value), span: SourceSpan(start: start, end: lastEnd))
        }
        if current.is(.colon) {
            switch first.kind {
            case .name, .attribute, .index: break
            case .tuple: throw fail("only single target (not tuple) can be annotated", at: first.span.start)
            default: throw fail("illegal target for annotation", at: first.span.start)
            }
            advance()
            _ = try parseTest()
            let value = accept(.assign) ? try parseStarExpressions() : nil
            return Stmt(kind: .annotated(target: first, value: value), span: SourceSpan(start: start, end: lastEnd))
        }
        if case .starred = first.kind {
            throw fail("can't use starred expression here", at: first.span.start)
        }
        return Stmt(kind: .expression(first), span: SourceSpan(start: start, end: lastEnd))
    }

    private func augmentedOperator(_ t: Token) -> BinaryOp? {
        guard let p = t.punct else { return nil }
        switch p {
        case .plusAssign: return .add
        case .minusAssign: return .subtract
        case .starAssign: return .multiply
        case .slashAssign: return .trueDivide
        case .doubleSlashAssign: return .floorDivide
        case .percentAssign: return .modulo
        case .doubleStarAssign: return .power
        case .atAssign: return .matmul
        case .amperAssign: return .bitAnd
        case .pipeAssign: return .bitOr
        case .caretAssign: return .bitXor
        case .lshiftAssign: return .leftShift
        case .rshiftAssign: return .rightShift
        default: return nil
        }
    }

    // MARK: - Targets

    enum TargetContext { case assign, forLoop, delete, with, comprehension }

    /// Checks that `e` can be assigned to (or deleted), with CPython's message otherwise.
    func checkTarget(_ e: Expr, context: TargetContext, inSequence: Bool = false) throws {
        switch e.kind {
        case .name(let v):
            if ["__debug__"].contains(v.name) {
                throw fail("cannot \(context == .delete ? "delete" : "assign to") \(v.name)", at: e.span.start)
            }
        case .attribute, .index:
            break
        case .tuple(let items), .list(let items):
            if context == .delete {
                for item in items { try checkTarget(item, context: context, inSequence: true) }
                return
            }
            var starred = 0
            for item in items {
                if case .starred = item.kind { starred += 1 }
            }
            if starred > 1 { throw fail("multiple starred expressions in assignment", at: e.span.start) }
            for item in items { try checkTarget(item, context: context, inSequence: true) }
        case .starred(let inner):
            if context == .delete { throw fail("cannot delete starred", at: e.span.start) }
            if !inSequence { throw fail("starred assignment target must be in a list or tuple", at: e.span.start) }
            try checkTarget(inner, context: context, inSequence: false)
        case .constant(.none), .constant(.bool):
            throw fail("cannot \(context == .delete ? "delete" : "assign to") \(Parser.describe(e))", at: e.span.start)
        default:
            let what = Parser.describe(e)
            switch context {
            case .delete: throw fail("cannot delete \(what)", at: e.span.start)
            case .assign where !inSequence:
                throw fail("cannot assign to \(what) here. Maybe you meant '==' instead of '='?", at: e.span.start)
            default: throw fail("cannot assign to \(what)", at: e.span.start)
            }
        }
    }

    /// CPython's name for an expression kind in error messages.
    static func describe(_ e: Expr) -> String {
        switch e.kind {
        case .call: return "function call"
        case .constant(let v):
            switch v {
            case .none: return "None"
            case .bool(let b): return b ? "True" : "False"
            default: return "literal"
            }
        case .formatted: return "f-string expression"
        case .compare: return "comparison"
        case .ternary: return "conditional expression"
        case .lambda: return "lambda"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .tuple: return "tuple"
        case .list: return "list"
        case .comprehension(let c):
            switch c.kind {
            case .list: return "list comprehension"
            case .set: return "set comprehension"
            case .dict: return "dict comprehension"
            case .generator: return "generator expression"
            }
        case .walrus: return "named expression"
        case .yield: return "yield expression"
        case .constant, .boolean, .not, .unary, .binary: return "expression"
        case .starred: return "starred"
        case .name: return "name"
        case .attribute: return "attribute"
        case .index: return "subscript"
        case .slice: return "slice"
        }
    }

    // MARK: - Imports

    private func dottedName() throws -> String {
        var name = try expectName()
        while accept(.dot) { name += "." + (try expectName()) }
        return name
    }

    private func parseImport() throws -> Stmt {
        let start = advance().span.start
        var names: [ImportName] = []
        repeat {
            let module = try dottedName()
            var alias: String? = nil
            if accept(.as) { alias = try expectName() }
            let bound = alias ?? String(module.split(separator: ".").first ?? Substring(module))
            names.append(ImportName(module: module, alias: alias, target: .unresolved(bound)))
        } while accept(.comma)
        return Stmt(kind: .import(names), span: SourceSpan(start: start, end: lastEnd))
    }

    private func parseFromImport() throws -> Stmt {
        let start = advance().span.start
        var module = ""
        while current.is(.dot) || current.is(.ellipsis) {
            module += current.is(.dot) ? "." : "..."
            advance()
        }
        if case .name = current.kind { module += try dottedName() }
        if module.isEmpty { throw failInvalid() }
        guard accept(.import) else { throw failInvalid() }
        var names: [ImportFromName] = []
        if current.is(.star) {
            let t = advance()
            if functionDepth > 0 { throw fail("import * only allowed at module level", at: t.span.start) }
            names.append(ImportFromName(name: "*", alias: nil, target: .unresolved("*"), span: t.span))
            return Stmt(kind: .importFrom(module: module, names: names), span: SourceSpan(start: start, end: lastEnd))
        }
        let parenthesized = accept(.lparen)
        repeat {
            if parenthesized && current.is(.rparen) { break }
            let nameStart = current.span.start
            let name = try expectName()
            var alias: String? = nil
            if accept(.as) { alias = try expectName() }
            names.append(ImportFromName(name: name, alias: alias, target: .unresolved(alias ?? name), span: SourceSpan(start: nameStart, end: lastEnd)))
        } while accept(.comma)
        if parenthesized { try expect(.rparen) }
        if names.isEmpty { throw failInvalid() }
        return Stmt(kind: .importFrom(module: module, names: names), span: SourceSpan(start: start, end: lastEnd))
    }

    // MARK: - Blocks

    /// The body after a `:`; `owner` names the statement for IndentationError messages.
    private func parseBlock(owner: String) throws -> [Stmt] {
        try expect(.colon)
        if !current.isNewline {
            if current.isEnd { throw failInvalid() }
            return try parseSimpleStatements()
        }
        let newline = advance()
        guard current.isIndent else {
            if current.isError { throw Abandon() }
            let at = current.isEnd ? newline.span.start : current.span.start
            throw fail("expected an indented block after \(owner)", at: at, type: "IndentationError")
        }
        advance()
        let body = parseBlockStatements()
        return body
    }

    private func parseIf() throws -> Stmt {
        let keyword = advance()
        let test = try parseNamedExpression()
        let body = try parseBlock(owner: "'\(keyword.is(.elif) ? "elif" : "if")' statement on line \(keyword.span.start.line)")
        var orElse: [Stmt] = []
        if current.is(.elif) {
            orElse = [try parseIf()]
        } else if current.is(.else) {
            let e = advance()
            orElse = try parseBlock(owner: "'else' statement on line \(e.span.start.line)")
        }
        return Stmt(kind: .if(test, body: body, orElse: orElse), span: SourceSpan(start: keyword.span.start, end: test.span.end))
    }

    private func parseWhile() throws -> Stmt {
        let keyword = advance()
        let test = try parseNamedExpression()
        loopDepth += 1
        let body: [Stmt]
        do { body = try parseBlock(owner: "'while' statement on line \(keyword.span.start.line)") } catch { loopDepth -= 1; throw error }
        loopDepth -= 1
        var orElse: [Stmt] = []
        if current.is(.else) {
            let e = advance()
            orElse = try parseBlock(owner: "'else' statement on line \(e.span.start.line)")
        }
        return Stmt(kind: .while(test, body: body, orElse: orElse), span: SourceSpan(start: keyword.span.start, end: test.span.end))
    }

    private func parseFor() throws -> Stmt {
        let keyword = advance()
        let target = try parseTargetList()
        try checkTarget(target, context: .forLoop)
        guard accept(.in) else { throw failInvalid() }
        let iterable = try parseStarExpressions()
        loopDepth += 1
        let body: [Stmt]
        do { body = try parseBlock(owner: "'for' statement on line \(keyword.span.start.line)") } catch { loopDepth -= 1; throw error }
        loopDepth -= 1
        var orElse: [Stmt] = []
        if current.is(.else) {
            let e = advance()
            orElse = try parseBlock(owner: "'else' statement on line \(e.span.start.line)")
        }
        return Stmt(kind: .for(target: target, iterable: iterable, body: body, orElse: orElse), span: SourceSpan(start: keyword.span.start, end: iterable.span.end))
    }

    /// `a, (b, *c)` as used after `for` and in comprehensions (stops before `in`).
    func parseTargetList() throws -> Expr {
        let start = current.span.start
        var items: [Expr] = []
        var trailingComma = false
        repeat {
            if !items.isEmpty && !startsExpression(current) { trailingComma = true; break }
            if current.is(.star) {
                let s = advance().span.start
                let inner = try parseBitOr()
                items.append(Expr(kind: .starred(inner), span: SourceSpan(start: s, end: inner.span.end)))
            } else {
                items.append(try parseBitOr())
            }
        } while accept(.comma)
        if items.count == 1 && !trailingComma && lastTokenWasNotComma(items[0]) { return items[0] }
        return Expr(kind: .tuple(items), span: SourceSpan(start: start, end: lastEnd))
    }
    private func lastTokenWasNotComma(_ e: Expr) -> Bool { e.span.end == lastEnd }

    private func parseTry() throws -> Stmt {
        let keyword = advance()
        let body = try parseBlock(owner: "'try' statement on line \(keyword.span.start.line)")
        let previousWasDedent = !current.is(.except) && !current.is(.finally)
        var handlers: [ExceptHandler] = []
        while current.is(.except) {
            let e = advance()
            var type: Expr? = nil
            var name: Variable? = nil
            if !current.is(.colon) {
                type = try parseTest()
                if current.is(.comma) {
                    throw fail("multiple exception types must be parenthesized", at: type!.span.start)
                }
                if accept(.as) { name = .unresolved(try expectName()) }
            }
            let handlerBody = try parseBlock(owner: "'except' statement on line \(e.span.start.line)")
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, span: SourceSpan(start: e.span.start, end: e.span.end)))
        }
        var orElse: [Stmt] = []
        var finally: [Stmt] = []
        if current.is(.else) {
            let e = advance()
            if handlers.isEmpty { throw fail("expected 'except' or 'finally' block", at: e.span.start) }
            orElse = try parseBlock(owner: "'else' statement on line \(e.span.start.line)")
        }
        if current.is(.finally) {
            let f = advance()
            finally = try parseBlock(owner: "'finally' statement on line \(f.span.start.line)")
        }
        if handlers.isEmpty && finally.isEmpty {
            throw fail("expected 'except' or 'finally' block", at: current.isEnd || current.isDedent || previousWasDedent ? lastNewline : current.span.start)
        }
        return Stmt(kind: .try(body: body, handlers: handlers, orElse: orElse, finally: finally), span: keyword.span)
    }

    private func parseWith() throws -> Stmt {
        let keyword = advance()
        var items: [WithItem] = []
        repeat {
            let context = try parseTest()
            var target: Expr? = nil
            if accept(.as) {
                let t = try parseTargetAtom()
                try checkTarget(t, context: .with)
                target = t
            }
            items.append(WithItem(context: context, target: target))
        } while accept(.comma)
        let body = try parseBlock(owner: "'with' statement on line \(keyword.span.start.line)")
        return Stmt(kind: .with(items, body: body), span: SourceSpan(start: keyword.span.start, end: items.last?.context.span.end ?? keyword.span.end))
    }

    /// A single `as` target: a name, attribute, subscript or parenthesized tuple.
    private func parseTargetAtom() throws -> Expr {
        try parseBitOr()
    }

    private func parseDecorated() throws -> Stmt {
        let start = current.span.start
        var decorators: [Expr] = []
        while accept(.at) {
            decorators.append(try parseNamedExpression())
            guard current.isNewline else { throw failInvalid() }
            advance()
        }
        if current.is(.def) { return try parseFunctionDef(decorators: decorators, start: start) }
        if current.is(.class) { return try parseClassDef(decorators: decorators, start: start) }
        throw failInvalid()
    }

    private func qualified(_ name: String) -> String {
        scopeNames.isEmpty ? name : scopeNames.joined(separator: ".") + "." + name
    }

    private func parseFunctionDef(decorators: [Expr], start: SourcePos) throws -> Stmt {
        let keyword = advance()
        let nameToken = current
        let name = try expectName()
        try expect(.lparen)
        let parameters = try parseParameters(closing: .rparen, allowAnnotations: true)
        try expect(.rparen)
        if accept(.arrow) { _ = try parseTest() }
        let qualifiedName = qualified(name)
        scopeNames.append(name)
        scopeNames.append("<locals>")
        let savedLoops = loopDepth
        loopDepth = 0
        functionDepth += 1
        let savedYield = sawYield
        sawYield = false
        defer {
            scopeNames.removeLast(2)
            loopDepth = savedLoops
            functionDepth -= 1
            sawYield = savedYield
        }
        let body = try parseBlock(owner: "function definition on line \(keyword.span.start.line)")
        let def = FunctionDef(name: name, qualifiedName: qualifiedName, parameters: parameters, body: body, isLambda: false,
                              span: SourceSpan(start: keyword.span.start, end: nameToken.span.end))
        def.isGenerator = sawYield
        def.unit = unit
        return Stmt(kind: .functionDef(def, decorators: decorators, target: .unresolved(name)), span: SourceSpan(start: start, end: nameToken.span.end))
    }

    /// Parameters of `def` (closing `)`) or `lambda` (closing `:`).
    func parseParameters(closing: Punct, allowAnnotations: Bool) throws -> [Parameter] {
        var parameters: [Parameter] = []
        var seenDefault = false
        var keywordOnly = false
        var seen = Set<String>()
        func add(_ p: Parameter) throws {
            if seen.contains(p.name) {
                throw fail("duplicate argument '\(p.name)' in function definition", at: p.span.start)
            }
            seen.insert(p.name)
            parameters.append(p)
        }
        while !current.is(closing) {
            let start = current.span.start
            if accept(.doubleStar) {
                let name = try expectName()
                if allowAnnotations && accept(.colon) { _ = try parseTest() }
                try add(Parameter(name: name, kind: .varKeyword, defaultValue: nil, span: SourceSpan(start: start, end: lastEnd)))
                _ = accept(.comma)
                if !current.is(closing) { throw failInvalid() }
                break
            }
            if accept(.star) {
                if keywordOnly { throw fail("* argument may appear only once", at: start) }
                keywordOnly = true
                if case .name = current.kind {
                    let name = try expectName()
                    if allowAnnotations && accept(.colon) { _ = try parseTest() }
                    try add(Parameter(name: name, kind: .varPositional, defaultValue: nil, span: SourceSpan(start: start, end: lastEnd)))
                } else if current.is(closing) || (current.is(.comma) && peek(1).is(closing)) {
                    throw fail("named arguments must follow bare *", at: start)
                }
                if !accept(.comma) { break }
                continue
            }
            if accept(.slash) {
                if parameters.isEmpty { throw fail("at least one argument must precede /", at: start) }
                if !accept(.comma) { break }
                continue
            }
            let name = try expectName()
            if allowAnnotations && accept(.colon) { _ = try parseTest() }
            var defaultValue: Expr? = nil
            if accept(.assign) {
                defaultValue = try parseTest()
                if !keywordOnly { seenDefault = true }
            } else if seenDefault && !keywordOnly {
                throw fail("non-default argument follows default argument", at: start)
            }
            try add(Parameter(name: name, kind: keywordOnly ? .keywordOnly : .positional, defaultValue: defaultValue, span: SourceSpan(start: start, end: lastEnd)))
            if !accept(.comma) { break }
        }
        return parameters
    }

    private func parseClassDef(decorators: [Expr], start: SourcePos) throws -> Stmt {
        let keyword = advance()
        let nameToken = current
        let name = try expectName()
        var bases: [CallArgument] = []
        if accept(.lparen) {
            bases = try parseCallArguments()
            try expect(.rparen)
        }
        let qualifiedName = qualified(name)
        scopeNames.append(name)
        let savedLoops = loopDepth
        loopDepth = 0
        let savedFunctions = functionDepth
        functionDepth = 0
        defer {
            scopeNames.removeLast()
            loopDepth = savedLoops
            functionDepth = savedFunctions
        }
        let body = try parseBlock(owner: "class definition on line \(keyword.span.start.line)")
        let def = ClassDef(name: name, qualifiedName: qualifiedName, bases: bases, body: body, span: SourceSpan(start: keyword.span.start, end: nameToken.span.end))
        return Stmt(kind: .classDef(def, decorators: decorators, target: .unresolved(name)), span: SourceSpan(start: start, end: nameToken.span.end))
    }

    var isInFunction: Bool { functionDepth > 0 }
    func noteYield() { sawYield = true }
}
