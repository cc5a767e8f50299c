/// Expressions, by CPython's precedence (lowest first): lambda / conditional,
/// or, and, not, comparisons, |, ^, &, shifts, + -, * / // % @, unary, **, primary.
extension Parser {
    func enter() throws {
        depth += 1
        if depth > Parser.maxDepth {
            throw fail("maximum recursion depth exceeded during compilation", at: current.span.start, type: "RecursionError")
        }
    }

    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .name, .int, .bigInt, .float, .string: return true
        case .keyword(let k): return [.None, .True, .False, .not, .lambda, .await].contains(k)
        case .punct(let p): return [.lparen, .lbracket, .lbrace, .minus, .plus, .tilde, .ellipsis, .star].contains(p)
        default: return false
        }
    }

    /// `yield`, `yield value`, `yield a, b` or `yield from iterable`; marks the enclosing function a generator.
    func parseYield() throws -> Expr {
        let start = advance().span.start
        guard isInFunction else { throw fail("'yield' outside function", at: start) }
        noteYield()
        if accept(.from) {
            let source = try parseTest()
            return Expr(kind: .yield(source, from: true), span: SourceSpan(start: start, end: lastEnd))
        }
        let value = startsExpression(current) ? try parseStarExpressions() : nil
        return Expr(kind: .yield(value, from: false), span: SourceSpan(start: start, end: lastEnd))
    }

    /// `a, *b, c` (a tuple when there is a comma), as in assignments and `return`.
    func parseStarExpressions() throws -> Expr {
        let first = try parseStarExpression()
        guard current.is(.comma) else { return first }
        var items = [first]
        while accept(.comma) {
            if !startsExpression(current) { break }
            items.append(try parseStarExpression())
        }
        return Expr(kind: .tuple(items), span: SourceSpan(start: first.span.start, end: lastEnd))
    }

    func parseStarExpression() throws -> Expr {
        if current.is(.star) {
            let start = advance().span.start
            let inner = try parseBitOr()
            return Expr(kind: .starred(inner), span: SourceSpan(start: start, end: inner.span.end))
        }
        return try parseNamedExpression()
    }

    /// `name := value` or a plain test.
    func parseNamedExpression() throws -> Expr {
        if case .name(let n) = current.kind, peek(1).is(.walrus) {
            let start = advance().span.start
            advance()
            let value = try parseTest()
            return Expr(kind: .walrus(.unresolved(n), value), span: SourceSpan(start: start, end: value.span.end))
        }
        let e = try parseTest()
        if current.is(.walrus) {
            throw fail("cannot use assignment expressions with \(Parser.describe(e))", at: e.span.start)
        }
        return e
    }

    /// Conditional expression or lambda.
    func parseTest() throws -> Expr {
        try enter()
        defer { depth -= 1 }
        if current.is(.lambda) { return try parseLambda() }
        let body = try parseOr()
        guard current.is(.if) else { return body }
        advance()
        let test = try parseOr()
        guard accept(.else) else {
            throw fail("expected 'else' after 'if' expression", at: body.span.start)
        }
        let orElse = try parseTest()
        return Expr(kind: .ternary(test: test, body: body, orElse: orElse), span: SourceSpan(start: body.span.start, end: orElse.span.end))
    }

    func parseTestNoConditional() throws -> Expr {
        if current.is(.lambda) { return try parseLambda() }
        return try parseOr()
    }

    private func parseLambda() throws -> Expr {
        let start = advance().span.start
        let parameters = try parseParameters(closing: .colon, allowAnnotations: false)
        try expect(.colon)
        let body = try parseTest()
        let returnStmt = Stmt(kind: .return(body), span: body.span)
        let def = FunctionDef(name: "<lambda>", qualifiedName: "<lambda>", parameters: parameters, body: [returnStmt], isLambda: true,
                              span: SourceSpan(start: start, end: body.span.end))
        def.unit = unit
        return Expr(kind: .lambda(def), span: def.span)
    }

    private func parseOr() throws -> Expr {
        let first = try parseAnd()
        guard current.is(.or) else { return first }
        var items = [first]
        while accept(.or) { items.append(try parseAnd()) }
        return Expr(kind: .boolean(isAnd: false, items), span: SourceSpan(start: first.span.start, end: lastEnd))
    }

    private func parseAnd() throws -> Expr {
        let first = try parseNot()
        guard current.is(.and) else { return first }
        var items = [first]
        while accept(.and) { items.append(try parseNot()) }
        return Expr(kind: .boolean(isAnd: true, items), span: SourceSpan(start: first.span.start, end: lastEnd))
    }

    private func parseNot() throws -> Expr {
        if current.is(.not) {
            try enter()
            defer { depth -= 1 }
            let start = advance().span.start
            let operand = try parseNot()
            return Expr(kind: .not(operand), span: SourceSpan(start: start, end: operand.span.end))
        }
        return try parseComparison()
    }

    private func comparisonOperator() -> CompareOp? {
        let t = current
        switch t.kind {
        case .punct(.less): return .less
        case .punct(.lessEqual): return .lessEqual
        case .punct(.greater): return .greater
        case .punct(.greaterEqual): return .greaterEqual
        case .punct(.equalEqual): return .equal
        case .punct(.notEqual): return .notEqual
        case .keyword(.in): return .in
        case .keyword(.is): return peek(1).is(.not) ? .isNot : .is
        case .keyword(.not): return peek(1).is(.in) ? .notIn : nil
        default: return nil
        }
    }

    private func parseComparison() throws -> Expr {
        let first = try parseBitOr()
        guard comparisonOperator() != nil else { return first }
        var rest: [(CompareOp, Expr)] = []
        while let op = comparisonOperator() {
            advance()
            if op == .isNot || op == .notIn { advance() }
            rest.append((op, try parseBitOr()))
        }
        return Expr(kind: .compare(first, rest), span: SourceSpan(start: first.span.start, end: lastEnd))
    }

    /// One left-associative level: `next (op next)*`, counting the tree's depth.
    private func leftAssociative(_ ops: [Punct: BinaryOp], _ next: () throws -> Expr) throws -> Expr {
        var left = try next()
        var chain = 0
        while let p = current.punct, let op = ops[p] {
            advance()
            chain += 1
            if depth + chain > Parser.maxDepth {
                throw fail("maximum recursion depth exceeded during compilation", at: current.span.start, type: "RecursionError")
            }
            let right = try next()
            left = Expr(kind: .binary(op, left, right), span: SourceSpan(start: left.span.start, end: right.span.end))
        }
        return left
    }

    func parseBitOr() throws -> Expr { try leftAssociative([.pipe: .bitOr], parseBitXor) }
    private func parseBitXor() throws -> Expr { try leftAssociative([.caret: .bitXor], parseBitAnd) }
    private func parseBitAnd() throws -> Expr { try leftAssociative([.amper: .bitAnd], parseShift) }
    private func parseShift() throws -> Expr { try leftAssociative([.lshift: .leftShift, .rshift: .rightShift], parseArithmetic) }
    private func parseArithmetic() throws -> Expr { try leftAssociative([.plus: .add, .minus: .subtract], parseTerm) }
    private func parseTerm() throws -> Expr {
        try leftAssociative([.star: .multiply, .slash: .trueDivide, .doubleSlash: .floorDivide, .percent: .modulo, .at: .matmul], parseFactor)
    }

    private func parseFactor() throws -> Expr {
        let op: UnaryOp
        switch current.punct {
        case .minus?: op = .negate
        case .plus?: op = .plus
        case .tilde?: op = .invert
        default: return try parsePower()
        }
        try enter()
        defer { depth -= 1 }
        let start = advance().span.start
        let operand = try parseFactor()
        // Fold `-5` into a constant so large negative literals stay exact.
        if op == .negate, case .constant(let v) = operand.kind, case .int(let i) = v, i != Int.min {
            return Expr(kind: .constant(.int(-i)), span: SourceSpan(start: start, end: operand.span.end))
        }
        return Expr(kind: .unary(op, operand), span: SourceSpan(start: start, end: operand.span.end))
    }

    private func parsePower() throws -> Expr {
        let base = try parsePrimary()
        guard current.is(.doubleStar) else { return base }
        try enter()
        defer { depth -= 1 }
        advance()
        let exponent = try parseFactor()
        return Expr(kind: .binary(.power, base, exponent), span: SourceSpan(start: base.span.start, end: exponent.span.end))
    }

    /// An atom followed by calls, attributes and subscripts.
    private func parsePrimary() throws -> Expr {
        if current.is(.await) { throw fail("'await' is not supported", at: current.span.start) }
        var e = try parseAtom()
        var chain = 0
        while true {
            if current.is(.lparen) {
                advance()
                let args = try parseCallArguments()
                guard accept(.rparen) else { throw missingComma(after: args.last.map(Parser.argumentExpr)) }
                e = Expr(kind: .call(e, args), span: SourceSpan(start: e.span.start, end: lastEnd))
            } else if current.is(.dot) {
                advance()
                guard case .name(let n) = current.kind else { throw failInvalid() }
                advance()
                e = Expr(kind: .attribute(e, Symbol.intern(n)), span: SourceSpan(start: e.span.start, end: lastEnd))
            } else if current.is(.lbracket) {
                advance()
                let index = try parseSubscriptList()
                guard accept(.rbracket) else { throw missingComma(after: index) }
                e = Expr(kind: .index(e, index), span: SourceSpan(start: e.span.start, end: lastEnd))
            } else {
                return e
            }
            chain += 1
            if depth + chain > Parser.maxDepth {
                throw fail("maximum recursion depth exceeded during compilation", at: current.span.start, type: "RecursionError")
            }
        }
    }

    static func argumentExpr(_ a: CallArgument) -> Expr {
        switch a {
        case .positional(let e), .starred(let e), .keyword(_, let e), .doubleStarred(let e): return e
        }
    }

    /// Inside brackets, an expression directly followed by another: CPython's "forgot a comma" hint.
    func missingComma(after previous: Expr?) -> Abandon {
        if let previous = previous, startsExpression(current), !current.is(.star), !current.is(.minus), !current.is(.plus) {
            return fail("invalid syntax. Perhaps you forgot a comma?", at: previous.span.start)
        }
        return failInvalid()
    }

    /// Call arguments up to (not including) `)`.
    func parseCallArguments() throws -> [CallArgument] {
        var args: [CallArgument] = []
        var sawKeyword = false, sawDoubleStar = false
        while !current.is(.rparen) {
            let start = current.span.start
            if accept(.doubleStar) {
                args.append(.doubleStarred(try parseTest()))
                sawDoubleStar = true
            } else if accept(.star) {
                let e = try parseTest()
                if sawDoubleStar { throw fail("iterable argument unpacking follows keyword argument unpacking", at: start) }
                args.append(.starred(e))
            } else if case .name(let n) = current.kind, peek(1).is(.assign) {
                let nameToken = advance()
                advance()
                let sym = Symbol.intern(n)
                if args.contains(where: { if case .keyword(let k, _) = $0 { return k === sym }; return false }) {
                    throw fail("keyword argument repeated: \(n)", at: nameToken.span.start)
                }
                args.append(.keyword(sym, try parseTest()))
                sawKeyword = true
            } else {
                var e = try parseNamedExpression()
                if current.is(.assign) {
                    throw fail("expression cannot contain assignment, perhaps you meant \"==\"?", at: e.span.start)
                }
                if current.is(.for) {
                    let comp = try parseComprehensionTail(kind: .generator, element: e, value: nil, start: start)
                    if !args.isEmpty || current.is(.comma) && !peek(1).is(.rparen) {
                        throw fail("Generator expression must be parenthesized", at: start)
                    }
                    e = comp
                }
                if sawDoubleStar { throw fail("positional argument follows keyword argument unpacking", at: e.span.end) }
                if sawKeyword { throw fail("positional argument follows keyword argument", at: e.span.end) }
                args.append(.positional(e))
            }
            if !accept(.comma) { break }
        }
        return args
    }

    /// The inside of `x[...]`: one item, or a tuple of items, where items may be slices.
    private func parseSubscriptList() throws -> Expr {
        let start = current.span.start
        let first = try parseSliceItem()
        guard current.is(.comma) else { return first }
        var items = [first]
        while accept(.comma) {
            if current.is(.rbracket) { break }
            items.append(try parseSliceItem())
        }
        return Expr(kind: .tuple(items), span: SourceSpan(start: start, end: lastEnd))
    }

    private func parseSliceItem() throws -> Expr {
        let start = current.span.start
        if current.is(.star) { return try parseStarExpression() }
        var lower: Expr? = nil
        if !current.is(.colon) {
            lower = try parseNamedExpression()
            if !current.is(.colon) { return lower! }
        }
        advance()
        var upper: Expr? = nil, step: Expr? = nil
        if !current.is(.colon) && !current.is(.comma) && !current.is(.rbracket) { upper = try parseTest() }
        if accept(.colon) {
            if !current.is(.comma) && !current.is(.rbracket) { step = try parseTest() }
        }
        return Expr(kind: .slice(lower: lower, upper: upper, step: step), span: SourceSpan(start: start, end: lastEnd))
    }

    // MARK: - Atoms

    private func parseAtom() throws -> Expr {
        let t = current
        let span = t.span
        switch t.kind {
        case .name(let n):
            advance()
            return Expr(kind: .name(.unresolved(n)), span: span)
        case .int(let i):
            advance()
            return Expr(kind: .constant(.int(i)), span: span)
        case .bigInt(let b):
            advance()
            return Expr(kind: .constant(.integer(b)), span: span)
        case .float(let d):
            advance()
            return Expr(kind: .constant(.float(d)), span: span)
        case .string:
            return try parseStrings()
        case .keyword(.None):
            advance()
            return Expr(kind: .constant(.none), span: span)
        case .keyword(.True):
            advance()
            return Expr(kind: .constant(.bool(true)), span: span)
        case .keyword(.False):
            advance()
            return Expr(kind: .constant(.bool(false)), span: span)
        case .keyword(.yield):
            throw fail(isInFunction ? "a 'yield' expression must be in parentheses here" : "'yield' outside function", at: span.start)
        case .punct(.ellipsis):
            advance()
            return Expr(kind: .constant(.ellipsis), span: span)
        case .punct(.lparen):
            return try parseParenthesized()
        case .punct(.lbracket):
            return try parseListDisplay()
        case .punct(.lbrace):
            return try parseBraceDisplay()
        case .error:
            throw Abandon()
        default:
            throw failInvalid()
        }
    }

    private func parseParenthesized() throws -> Expr {
        try enter()
        defer { depth -= 1 }
        let start = advance().span.start
        if accept(.rparen) { return Expr(kind: .tuple([]), span: SourceSpan(start: start, end: lastEnd)) }
        if current.is(.yield) {
            let inner = try parseYield()
            guard accept(.rparen) else { throw failInvalid() }
            return Expr(kind: inner.kind, span: SourceSpan(start: start, end: lastEnd))
        }
        let first = try parseStarExpression()
        if current.is(.for) {
            let comp = try parseComprehensionTail(kind: .generator, element: first, value: nil, start: start)
            guard accept(.rparen) else { throw failInvalid() }
            return Expr(kind: comp.kind, span: SourceSpan(start: start, end: lastEnd))
        }
        if accept(.rparen) {
            if case .starred = first.kind { throw fail("cannot use starred expression here", at: first.span.start) }
            // Parentheses only group; keep the inner node but widen nothing (CPython reports the inner span).
            return first
        }
        guard current.is(.comma) else { throw missingComma(after: first) }
        var items = [first]
        while accept(.comma) {
            if current.is(.rparen) { break }
            items.append(try parseStarExpression())
        }
        guard accept(.rparen) else { throw missingComma(after: items.last) }
        return Expr(kind: .tuple(items), span: SourceSpan(start: start, end: lastEnd))
    }

    private func parseListDisplay() throws -> Expr {
        try enter()
        defer { depth -= 1 }
        let start = advance().span.start
        if accept(.rbracket) { return Expr(kind: .list([]), span: SourceSpan(start: start, end: lastEnd)) }
        let first = try parseStarExpression()
        if current.is(.for) {
            let comp = try parseComprehensionTail(kind: .list, element: first, value: nil, start: start)
            guard accept(.rbracket) else { throw failInvalid() }
            return Expr(kind: comp.kind, span: SourceSpan(start: start, end: lastEnd))
        }
        var items = [first]
        while accept(.comma) {
            if current.is(.rbracket) { break }
            items.append(try parseStarExpression())
        }
        guard accept(.rbracket) else { throw missingComma(after: items.last) }
        return Expr(kind: .list(items), span: SourceSpan(start: start, end: lastEnd))
    }

    private func parseBraceDisplay() throws -> Expr {
        try enter()
        defer { depth -= 1 }
        let start = advance().span.start
        if accept(.rbrace) { return Expr(kind: .dict([]), span: SourceSpan(start: start, end: lastEnd)) }
        // Dict: first item is `k: v` or `**m`.
        if current.is(.doubleStar) || !current.is(.star) {
            var firstItem: DictItem
            if accept(.doubleStar) {
                firstItem = .unpack(try parseBitOr())
            } else {
                let key = try parseNamedExpression()
                if !current.is(.colon) {
                    return try parseSetRest(first: key, start: start)
                }
                advance()
                let value = try parseTest()
                if current.is(.for) {
                    let comp = try parseComprehensionTail(kind: .dict, element: key, value: value, start: start)
                    guard accept(.rbrace) else { throw failInvalid() }
                    return Expr(kind: comp.kind, span: SourceSpan(start: start, end: lastEnd))
                }
                firstItem = .pair(key, value)
            }
            var items = [firstItem]
            while accept(.comma) {
                if current.is(.rbrace) { break }
                if accept(.doubleStar) {
                    items.append(.unpack(try parseBitOr()))
                    continue
                }
                let key = try parseTest()
                guard accept(.colon) else {
                    if current.is(.comma) || current.is(.rbrace) {
                        throw fail("':' expected after dictionary key", at: key.span.start)
                    }
                    throw failInvalid()
                }
                items.append(.pair(key, try parseTest()))
            }
            guard accept(.rbrace) else { throw failInvalid() }
            return Expr(kind: .dict(items), span: SourceSpan(start: start, end: lastEnd))
        }
        let first = try parseStarExpression()
        return try parseSetRest(first: first, start: start)
    }

    private func parseSetRest(first: Expr, start: SourcePos) throws -> Expr {
        if current.is(.for) {
            let comp = try parseComprehensionTail(kind: .set, element: first, value: nil, start: start)
            guard accept(.rbrace) else { throw failInvalid() }
            return Expr(kind: comp.kind, span: SourceSpan(start: start, end: lastEnd))
        }
        var items = [first]
        while accept(.comma) {
            if current.is(.rbrace) { break }
            items.append(try parseStarExpression())
        }
        guard accept(.rbrace) else { throw missingComma(after: items.last) }
        return Expr(kind: .set(items), span: SourceSpan(start: start, end: lastEnd))
    }

    /// `for target in iterable [if cond]* ...` after the element of a comprehension.
    func parseComprehensionTail(kind: Comprehension.Kind, element: Expr, value: Expr?, start: SourcePos) throws -> Expr {
        if case .starred = element.kind {
            throw fail(kind == .dict ? "dict unpacking cannot be used in dict comprehension" : "iterable unpacking cannot be used in comprehension", at: element.span.start)
        }
        var clauses: [Comprehension.Clause] = []
        while accept(.for) {
            let target = try parseTargetList()
            try checkTarget(target, context: .comprehension)
            guard accept(.in) else { throw failInvalid() }
            let iterable = try parseOr()
            var conditions: [Expr] = []
            while accept(.if) { conditions.append(try parseOr()) }
            clauses.append(Comprehension.Clause(target: target, iterable: iterable, conditions: conditions))
        }
        let comp = Comprehension(kind: kind, element: element, value: value, clauses: clauses)
        return Expr(kind: .comprehension(comp), span: SourceSpan(start: start, end: lastEnd))
    }

    // MARK: - Strings

    /// Adjacent string literals, concatenated; any f-string makes the whole a formatted string.
    private func parseStrings() throws -> Expr {
        let start = current.span.start
        var parts: [FormattedPart] = []
        var anyFormatted = false
        var text = ""
        while case .string(let piece) = current.kind {
            let token = advance()
            if piece.isFormatted {
                anyFormatted = true
                if !text.isEmpty { parts.append(.literal(text)); text = "" }
                parts.append(contentsOf: try parseFormattedBody(piece, tokenEnd: token.span.end))
            } else {
                text += piece.value
            }
        }
        let span = SourceSpan(start: start, end: lastEnd)
        if !anyFormatted { return Expr(kind: .constant(.string(text)), span: span) }
        if !text.isEmpty { parts.append(.literal(text)) }
        return Expr(kind: .formatted(FormattedStringParser.merge(parts)), span: span)
    }

    private func parseFormattedBody(_ piece: StringPiece, tokenEnd: SourcePos) throws -> [FormattedPart] {
        var fp = FormattedStringParser(body: Array(piece.value.unicodeScalars), isRaw: piece.isRaw, bodyStart: piece.bodyStart, tokenEnd: tokenEnd, parser: self)
        return try fp.parse()
    }
}

/// Splits an f-string body into literal text and `{expr!c:spec}` fields; each
/// field's expression is parsed by a sub-parser positioned at its real location.
struct FormattedStringParser {
    let body: [Unicode.Scalar]
    let isRaw: Bool
    let bodyStart: SourcePos
    /// CPython 3.11 reports f-string structure errors just after the literal.
    let tokenEnd: SourcePos
    unowned let parser: Parser
    var index = 0

    init(body: [Unicode.Scalar], isRaw: Bool, bodyStart: SourcePos, tokenEnd: SourcePos, parser: Parser) {
        self.body = body
        self.isRaw = isRaw
        self.bodyStart = bodyStart
        self.tokenEnd = tokenEnd
        self.parser = parser
    }

    static func merge(_ parts: [FormattedPart]) -> [FormattedPart] {
        var out: [FormattedPart] = []
        for p in parts {
            if case .literal(let s) = p, let last = out.last, case .literal(let t) = last {
                out[out.count - 1] = .literal(t + s)
            } else if case .literal(let s) = p, s.isEmpty {
                continue
            } else {
                out.append(p)
            }
        }
        return out
    }

    /// Source position of body offset `i`.
    func position(_ i: Int) -> SourcePos {
        var line = Int(bodyStart.line), column = Int(bodyStart.column)
        var k = 0
        while k < i && k < body.count {
            if body[k] == "\n" { line += 1; column = 1 } else { column += 1 }
            k += 1
        }
        return SourcePos(line: line, column: column)
    }

    func fail(_ message: String, at i: Int) -> Parser.Abandon {
        parser.fail("f-string: " + message, at: tokenEnd)
    }

    mutating func parse(nested: Int = 0) throws -> [FormattedPart] {
        var parts: [FormattedPart] = []
        var literal: [Unicode.Scalar] = []
        func flush() throws {
            guard !literal.isEmpty else { return }
            if isRaw {
                parts.append(.literal(String(scalars: literal)))
            } else {
                switch decodeEscapes(literal) {
                case .success(let s): parts.append(.literal(s))
                case .failure(let issue): throw parser.fail(issue.message, at: position(index))
                }
            }
            literal.removeAll()
        }
        while index < body.count {
            let c = body[index]
            if nested > 0 && c == "}" { break }
            if c == "{" {
                if nested == 0 && index + 1 < body.count && body[index + 1] == "{" {
                    literal.append("{")
                    index += 2
                    continue
                }
                try flush()
                parts.append(try parseField(nested: nested))
                continue
            }
            if c == "}" {
                if index + 1 < body.count && body[index + 1] == "}" {
                    literal.append("}")
                    index += 2
                    continue
                }
                throw fail("single '}' is not allowed", at: index)
            }
            if c == "\\" && !isRaw && index + 1 < body.count {
                literal.append(c)
                literal.append(body[index + 1])
                index += 2
                continue
            }
            literal.append(c)
            index += 1
        }
        try flush()
        return parts
    }

    /// At `{`: parses the field through its closing `}`.
    private mutating func parseField(nested: Int) throws -> FormattedPart {
        if nested >= 2 { throw fail("expressions nested too deeply", at: index) }
        let open = index
        index += 1
        let exprStart = index
        var depth = 0
        var quote: Unicode.Scalar? = nil
        var exprEnd = -1
        var debugEnd = -1
        while index < body.count {
            let c = body[index]
            if let q = quote {
                if c == q { quote = nil }
                index += 1
                continue
            }
            if c == "'" || c == "\"" { quote = c; index += 1; continue }
            if c == "\\" { throw fail("backslash expression part cannot include a backslash", at: index) }
            if "([{".unicodeScalars.contains(c) { depth += 1 }
            else if ")]}".unicodeScalars.contains(c) {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0 {
                let next: Unicode.Scalar? = index + 1 < body.count ? body[index + 1] : nil
                if c == "!" && next != "=" { break }
                if c == ":" { break }
                if c == "=" && next != "=" {
                    let prev: Unicode.Scalar? = index > exprStart ? body[index - 1] : nil
                    if prev.map({ "=!<>".unicodeScalars.contains($0) }) != true {
                        exprEnd = index
                        index += 1
                        while index < body.count && body[index] == " " { index += 1 }
                        debugEnd = index
                        break
                    }
                }
                if c == "=" && next == "=" { index += 2; continue }
            }
            index += 1
        }
        if exprEnd < 0 { exprEnd = index }
        let exprScalars = body[exprStart..<exprEnd]
        if exprScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            if index >= body.count { throw fail("expecting '}'", at: open) }
            throw fail("empty expression not allowed", at: exprStart)
        }
        if index >= body.count { throw fail("expecting '}'", at: open) }
        let sub = Lexer(scalars: body, range: exprStart..<exprEnd, start: position(exprStart))
        let fieldParser = Parser(fieldLexer: sub, unit: parser.unit, depth: parser.depth, inFunction: parser.isInFunction)
        let expr: Expr
        do {
            expr = try fieldParser.parseStarExpressions()
            if !fieldParser.current.isEnd { throw fieldParser.failInvalid() }
        } catch {
            for issue in fieldParser.issues + sub.issues.map({ $0.issue }) {
                var i = issue
                if !i.message.hasPrefix("f-string") { i.message = "f-string: " + i.message }
                parser.recordIssue(i)
            }
            throw Parser.Abandon()
        }
        let debugText: String? = debugEnd >= 0 ? String(scalars: body[exprStart..<debugEnd]) : nil
        var conversion: Character? = nil
        if index < body.count && body[index] == "!" {
            index += 1
            guard index < body.count, "rsa".unicodeScalars.contains(body[index]) else {
                throw fail("invalid conversion character: expected 's', 'r', or 'a'", at: index)
            }
            conversion = Character(body[index])
            index += 1
        }
        var spec: [FormattedPart]? = nil
        if index < body.count && body[index] == ":" {
            index += 1
            spec = try parse(nested: nested + 1)
        }
        guard index < body.count, body[index] == "}" else { throw fail("expecting '}'", at: open) }
        index += 1
        return .field(expr, conversion: conversion, spec: spec, debugText: debugText)
    }
}

