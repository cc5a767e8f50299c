/// The arguments of one call: positional values and `name=value` keywords in call order.
public struct Arguments {
    public var positional: [Value]
    public var keywords: [(name: Symbol, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: Symbol, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }
    /// Convenience for Swift callers: keyword names as strings.
    public init(_ positional: [Value], _ keywords: KeyValuePairs<String, Value>) {
        self.positional = positional
        self.keywords = keywords.map { (Symbol.intern($0.key), $0.value) }
    }
    public static let empty = Arguments()

    public var count: Int { positional.count + keywords.count }
    public var isEmpty: Bool { positional.isEmpty && keywords.isEmpty }

    /// The value passed as keyword `name`, if any.
    public func keyword(_ name: String) -> Value? {
        keywords.first { $0.name.name == name }?.value
    }

    /// The same arguments with `first` prepended (binding `self`).
    public func prepending(_ first: Value) -> Arguments {
        var copy = self
        copy.positional.insert(first, at: 0)
        return copy
    }
}

/// A parameter list for native functions, checked with CPython's messages:
/// `NativeSignature("sum", "input", .init("dim", default: .none), .keywordOnly("keepdim", default: false))`.
public struct NativeSignature {
    public enum Kind { case positionalOrKeyword, keywordOnly, varPositional, varKeyword }

    public struct Parameter: ExpressibleByStringLiteral {
        public let name: Symbol
        public let defaultValue: Value?
        public let kind: Kind
        /// A required positional-or-keyword parameter.
        public init(_ name: String) {
            self.init(name: name, defaultValue: nil, kind: .positionalOrKeyword)
        }
        /// An optional positional-or-keyword parameter (`default: .none` is Python's None).
        public init(_ name: String, default defaultValue: Value) {
            self.init(name: name, defaultValue: defaultValue, kind: .positionalOrKeyword)
        }
        public init(stringLiteral name: String) { self.init(name) }
        init(name: String, defaultValue: Value?, kind: Kind) {
            self.name = Symbol.intern(name)
            self.defaultValue = defaultValue
            self.kind = kind
        }
        /// A required keyword-only parameter (after `*` in Python).
        public static func keywordOnly(_ name: String) -> Parameter {
            Parameter(name: name, defaultValue: nil, kind: .keywordOnly)
        }
        /// An optional keyword-only parameter.
        public static func keywordOnly(_ name: String, default defaultValue: Value) -> Parameter {
            Parameter(name: name, defaultValue: defaultValue, kind: .keywordOnly)
        }
        /// `*name`: collects extra positional arguments.
        public static func varPositional(_ name: String) -> Parameter { Parameter(name: name, defaultValue: nil, kind: .varPositional) }
        /// `**name`: collects extra keyword arguments.
        public static func varKeyword(_ name: String) -> Parameter { Parameter(name: name, defaultValue: nil, kind: .varKeyword) }
    }

    public let functionName: String
    public let parameters: [Parameter]
    /// Only positional-or-keyword parameters (the fast path of `bind`).
    private let isPositionalOnly: Bool
    /// Every parameter from this index on has a default.
    private let firstOptional: Int

    public init(_ functionName: String, _ parameters: Parameter...) {
        self.init(functionName, parameters: parameters)
    }
    public init(_ functionName: String, parameters: [Parameter]) {
        self.functionName = functionName
        self.parameters = parameters
        self.isPositionalOnly = parameters.allSatisfy { $0.kind == .positionalOrKeyword }
        self.firstOptional = (parameters.lastIndex { $0.defaultValue == nil } ?? -1) + 1
    }

    /// Matches `args` to the parameters, raising CPython-style TypeErrors.
    public func bind(_ args: Arguments) throws -> BoundArguments {
        if isPositionalOnly && args.keywords.isEmpty && args.positional.count <= parameters.count
            && args.positional.count >= firstOptional {
            // The arguments as given, then defaults: nothing to rearrange or allocate.
            return BoundArguments(signature: self, positional: args.positional)
        }
        var values = [Value?](repeating: nil, count: parameters.count)
        var extraPositional: [Value] = []
        var extraKeywords: [(name: Symbol, value: Value)] = []
        let positionalParams = parameters.indices.filter { parameters[$0].kind == .positionalOrKeyword }
        let varPositional = parameters.firstIndex { $0.kind == .varPositional }
        let varKeyword = parameters.firstIndex { $0.kind == .varKeyword }

        if args.positional.count > positionalParams.count && varPositional == nil {
            let required = positionalParams.filter { parameters[$0].defaultValue == nil }.count
            throw PyError(.typeError, ArgumentErrors.tooManyPositional(functionName, required: required, max: positionalParams.count, given: args.positional.count, keywordOnlyGiven: 0))
        }
        for (i, v) in args.positional.enumerated() {
            if i < positionalParams.count { values[positionalParams[i]] = v } else { extraPositional.append(v) }
        }
        for kw in args.keywords {
            if let i = parameters.firstIndex(where: { $0.name === kw.name && ($0.kind == .positionalOrKeyword || $0.kind == .keywordOnly) }) {
                if values[i] != nil {
                    throw PyError(.typeError, "\(functionName)() got multiple values for argument '\(kw.name.name)'")
                }
                values[i] = kw.value
            } else if varKeyword != nil {
                extraKeywords.append(kw)
            } else {
                throw PyError(.typeError, "\(functionName)() got an unexpected keyword argument '\(kw.name.name)'")
            }
        }
        var missingPositional: [String] = []
        var missingKeyword: [String] = []
        for (i, p) in parameters.enumerated() where values[i] == nil {
            switch p.kind {
            case .positionalOrKeyword, .keywordOnly:
                if let d = p.defaultValue { values[i] = d }
                else if p.kind == .keywordOnly { missingKeyword.append(p.name.name) }
                else { missingPositional.append(p.name.name) }
            case .varPositional: values[i] = .tuple(extraPositional)
            case .varKeyword: break
            }
        }
        if !missingPositional.isEmpty {
            throw PyError(.typeError, ArgumentErrors.missing(functionName, missingPositional, kind: "positional"))
        }
        if !missingKeyword.isEmpty {
            throw PyError(.typeError, ArgumentErrors.missing(functionName, missingKeyword, kind: "keyword-only"))
        }
        return BoundArguments(signature: self, values: values, extraPositional: extraPositional, extraKeywords: extraKeywords)
    }
}

/// The result of `NativeSignature.bind`: one value per parameter.
public struct BoundArguments {
    public let signature: NativeSignature
    /// Per parameter, when binding had to rearrange; nil when the call passed the
    /// first parameters positionally (`positional`) and the rest take their defaults.
    private let rearranged: [Value?]?
    private let positional: [Value]
    public let extraPositional: [Value]
    public let extraKeywords: [(name: Symbol, value: Value)]

    init(signature: NativeSignature, values: [Value?], extraPositional: [Value], extraKeywords: [(name: Symbol, value: Value)]) {
        self.signature = signature
        self.rearranged = values
        self.positional = []
        self.extraPositional = extraPositional
        self.extraKeywords = extraKeywords
    }

    init(signature: NativeSignature, positional: [Value]) {
        self.signature = signature
        self.rearranged = nil
        self.positional = positional
        self.extraPositional = []
        self.extraKeywords = []
    }

    /// Per parameter, in declaration order (`*args` as a tuple; `**kwargs` slot unused).
    public var values: [Value?] { signature.parameters.indices.map { value(at: $0) } }

    @inline(__always)
    private func value(at position: Int) -> Value? {
        if let rearranged { return rearranged[position] }
        return position < positional.count ? positional[position] : signature.parameters[position].defaultValue
    }

    private func index(_ name: String) -> Int? {
        let i = signature.parameters.firstIndex { $0.name.name == name }
        assert(i != nil, "\(signature.functionName)(): no parameter named \(name)")
        return i
    }
    /// The value bound to parameter `name` (its default when not passed; None for an unknown name).
    public subscript(_ name: String) -> Value { index(name).flatMap { value(at: $0) } ?? .none }
    public subscript(_ position: Int) -> Value { value(at: position) ?? .none }
    /// The value of `name`, or nil when it is None.
    public func optional(_ name: String) -> Value? {
        let v = self[name]
        return v.isNone ? nil : v
    }

    public func int(_ name: String) throws -> Int {
        let v = self[name]
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw PyError(.typeError, "\(signature.functionName)(): argument '\(name)' must be int, not \(v.typeName)")
        }
    }
    public func double(_ name: String) throws -> Double {
        let v = self[name]
        switch v {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        default: throw PyError(.typeError, "\(signature.functionName)(): argument '\(name)' must be float, not \(v.typeName)")
        }
    }
    public func bool(_ name: String) throws -> Bool {
        let v = self[name]
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        default: throw PyError(.typeError, "\(signature.functionName)(): argument '\(name)' must be bool, not \(v.typeName)")
        }
    }
    public func string(_ name: String) throws -> String {
        let v = self[name]
        guard case .str(let s) = v else {
            throw PyError(.typeError, "\(signature.functionName)(): argument '\(name)' must be str, not \(v.typeName)")
        }
        return s.value
    }
}

/// CPython's wording for argument-count errors, shared by Python and native functions.
enum ArgumentErrors {
    static func missing(_ function: String, _ names: [String], kind: String) -> String {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
        }
        let noun = names.count == 1 ? "argument" : "arguments"
        return "\(function)() missing \(names.count) required \(kind) \(noun): \(list)"
    }

    static func tooManyPositional(_ function: String, required: Int, max: Int, given: Int, keywordOnlyGiven: Int) -> String {
        let takes: String
        if required < max {
            takes = "from \(required) to \(max) positional arguments"
        } else {
            takes = "\(max) positional argument\(max == 1 ? "" : "s")"
        }
        var givenText = "\(given)"
        if keywordOnlyGiven > 0 {
            givenText += " positional argument\(given == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only argument\(keywordOnlyGiven == 1 ? "" : "s"))"
            return "\(function)() takes \(takes) but \(givenText) were given"
        }
        return "\(function)() takes \(takes) but \(givenText) \(given == 1 ? "was" : "were") given"
    }
}
