import Yams

/// Finds and reads the front matter: a first line `---`, YAML, and a closing
/// `---` (or `...`) line. Errors point at notebook lines.
enum FrontMatterParser {
    /// The block's extent and its YAML text, or nil when the notebook has none.
    struct Block {
        var lineCount: Int
        var byteRange: Range<Int>
        var yaml: String
    }

    static func locate(in bytes: [UInt8], lines: LineTable, file: String) throws -> Block? {
        guard lines.count >= 1, isDelimiter(bytes, lines, 1, allowDots: false) else { return nil }
        var line = 2
        while line <= lines.count {
            if isDelimiter(bytes, lines, line, allowDots: true) {
                let yamlBytes = line > 2 ? bytes[lines.start(ofLine: 2)..<lines.start(ofLine: line)] : []
                return Block(lineCount: line,
                             byteRange: lines.start(ofLine: 1)..<lines.end(ofLine: line),
                             yaml: String(decoding: yamlBytes, as: UTF8.self))
            }
            line += 1
        }
        throw NotebookInputError([Diagnostic(file: file, line: 1, column: 1,
            message: "front matter opened by '---' is never closed; end it with a '---' line (or start the file with something other than '---')")])
    }

    static func parse(_ block: Block, file: String) throws -> FrontMatter {
        var frontMatter = FrontMatter()
        frontMatter.lineCount = block.lineCount
        frontMatter.byteRange = block.byteRange
        let root: Node?
        do {
            root = try Yams.compose(yaml: block.yaml)
        } catch let error as YamlError {
            throw NotebookInputError([diagnostic(for: error, file: file)])
        }
        guard let root else { return frontMatter }
        guard case .mapping(let mapping) = root else {
            throw NotebookInputError([error("must be a YAML mapping such as 'title: …'", at: root, file: file)])
        }
        var errors: [Diagnostic] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            do {
                switch key {
                case "title": frontMatter.title = try string(value, key, file)
                case "summary": frontMatter.summary = try string(value, key, file)
                case "timeout": frontMatter.timeout = try seconds(value, key, file)
                case "tolerance": frontMatter.tolerance = try tolerance(value, file)
                case "limits": frontMatter.limits = try limits(value, file)
                default: break // other keys (author, date, tags…) belong to the author or the renderer
                }
            } catch let error as Diagnostic {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw NotebookInputError(errors) }
        return frontMatter
    }

    private static func isDelimiter(_ bytes: [UInt8], _ lines: LineTable, _ line: Int, allowDots: Bool) -> Bool {
        var text = bytes[lines.start(ofLine: line)..<lines.contentEnd(ofLine: line)]
        while let last = text.last, last == 0x20 || last == 0x09 { text = text.dropLast() }
        return text.elementsEqual("---".utf8) || (allowDots && text.elementsEqual("...".utf8))
    }

    // MARK: values

    private static func string(_ node: Node, _ key: String, _ file: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error("\(key): expected text", at: node, file: file) }
        return scalar.string
    }

    private static func seconds(_ node: Node, _ key: String, _ file: String) throws -> Double {
        guard case .scalar(let scalar) = node, let value = CellInfoParser.parseSeconds(scalar.string) else {
            throw error("\(key): expected a positive number of seconds", at: node, file: file)
        }
        return value
    }

    private static func tolerance(_ node: Node, _ file: String) throws -> Tolerance {
        guard case .mapping(let mapping) = node else {
            throw error("tolerance: expected a mapping such as '{rtol: 1e-4, atol: 1e-6}'", at: node, file: file)
        }
        var tolerance = Tolerance()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard key == "rtol" || key == "atol" else {
                throw error("tolerance: unknown key '\(key)' (known: rtol, atol)", at: keyNode, file: file)
            }
            guard case .scalar(let scalar) = value, let number = Double(scalar.string), number.isFinite, number >= 0 else {
                throw error("tolerance.\(key): expected a non-negative number", at: value, file: file)
            }
            if key == "rtol" { tolerance.rtol = number } else { tolerance.atol = number }
        }
        return tolerance
    }

    static let limitKeys = ["max_tensor_elements", "max_tensor_bytes", "max_memory_bytes", "max_recursion_depth", "max_container_size"]

    private static func limits(_ node: Node, _ file: String) throws -> LimitOverrides {
        guard case .mapping(let mapping) = node else {
            throw error("limits: expected a mapping such as '{max_tensor_elements: 1000000}'", at: node, file: file)
        }
        var limits = LimitOverrides()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard limitKeys.contains(key) else {
                throw error("limits: unknown key '\(key)' (known: \(limitKeys.joined(separator: ", ")); the time limit is the top-level 'timeout')",
                            at: keyNode, file: file)
            }
            guard let number = value.int, number > 0 else {
                throw error("limits.\(key): expected a positive whole number", at: value, file: file)
            }
            limits.set(key, number)
        }
        return limits
    }

    // MARK: positions

    /// YAML line 1 is notebook line 2 (line 1 is the opening `---`).
    private static func error(_ message: String, at node: Node, file: String) -> Diagnostic {
        let mark = node.mark
        return Diagnostic(file: file, line: mark.map { $0.line + 1 } ?? 1, column: mark?.column,
                          message: "front matter: \(message)")
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return Diagnostic(file: file, line: mark.line + 1, column: mark.column, message: "front matter is not valid YAML: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(file: file, line: context.mark.line + 1, column: context.mark.column,
                              message: "front matter: duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(file: file, line: 1, message: "front matter is not valid YAML: \(error)")
        }
    }
}
