import BigInt
import Foundation
import PyInterpreter
import XCTest

final class PyPercentFormatTests: XCTestCase {
    struct Case: Decodable {
        var template: String
        var mode: String
        var args: [String]
        var keys: [String: String]?
        var dictRepr: String?
        var expected: String
    }

    /// Decodes the generator's typed argument strings (see
    /// Fixtures/generate_percent_fixtures.py) into what an interpreter passes.
    static func argument(_ code: String) -> PyPercentArg? {
        let tag = code.prefix(2)
        let body = String(code.dropFirst(2))
        switch tag {
        case "i:": return BigInt(body).map { .int($0) }
        case "b:": return .bool(body == "1")
        case "f:": return PyLibFixtures.double(hex: body).map { .float($0) }
        case "s:": return .str(body)
        case "n:":
            guard let n = BigInt(body) else { return nil }
            return .object(PyPercentObject(
                typeName: "Num", str: { "Num(\(n))" }, repr: { "Num(\(n))" },
                toInt: { n }, toIndex: { n }, toFloat: { Double(n) }))
        case "g:":
            guard let x = PyLibFixtures.double(hex: body) else { return nil }
            let repr = "OnlyFloat(\(PyFloatFormat.repr(x)))"
            return .object(PyPercentObject(typeName: "OnlyFloat", str: { repr }, repr: { repr }, toFloat: { x }))
        case "o:":
            let parts = body.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { return nil }
            return .object(.text(typeName: parts[0], str: parts[1], repr: parts[2]))
        default: return nil
        }
    }

    struct KeyError: Error { var key: String }

    func testPercentFormatMatchesCPython() throws {
        let data = try Data(contentsOf: PyLibFixtures.directory.appendingPathComponent("percent_format.json"))
        let cases = try JSONDecoder().decode([Case].self, from: data)
        var failures = 0
        for c in cases {
            let args = c.args.compactMap(Self.argument)
            XCTAssertEqual(args.count, c.args.count, "undecodable args \(c.args)")
            let operand: PyPercentOperand
            switch c.mode {
            case "single": operand = .single(args[0])
            case "dict":
                let keys = c.keys ?? [:]
                let repr = c.dictRepr ?? "{}"
                operand = .mapping(.object(.text(typeName: "dict", str: repr, repr: repr))) { key in
                    guard let code = keys[key], let value = Self.argument(code) else { throw KeyError(key: key) }
                    return value
                }
            default: operand = .tuple(args)
            }
            var actual: String
            do {
                actual = "=" + (try PyPercentFormat.format(c.template, operand: operand))
            } catch let error as PyFormatError {
                actual = "!" + error.description
            } catch let error as KeyError {
                actual = "!KeyError: '\(error.key)'"
            }
            if actual != c.expected {
                failures += 1
                if failures <= 40 {
                    XCTFail("\(c.template.debugDescription) % \(c.mode) \(c.args) \(c.keys ?? [:]): \(actual.debugDescription) != \(c.expected.debugDescription)")
                }
            }
        }
        XCTAssertEqual(failures, 0, "of \(cases.count) cases")
        XCTAssertGreaterThan(cases.count, 1500)
    }

    func testBriefExamples() throws {
        XCTAssertEqual(try PyPercentFormat.format("%d items at %.2f: %s", [.int(3), .float(1.5), .str("ok")]), "3 items at 1.50: ok")
        XCTAssertThrowsError(try PyPercentFormat.format("%d", [.str("x")])) { error in
            XCTAssertEqual((error as? PyFormatError)?.description, "TypeError: %d format: a real number is required, not str")
        }
    }
}
