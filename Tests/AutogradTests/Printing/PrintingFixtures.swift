import Foundation
@testable import Autograd

/// The cases of `Fixtures/printing_cases.json`, produced by real PyTorch with
/// `Fixtures/generate_printing_fixtures.py`.
struct PrintingFixtures: Decodable {
    struct OptionCall: Decodable {
        let precision: Int?
        let threshold: Double?
        let edgeitems: Int?
        let linewidth: Int?
        let profile: String?
        let sciMode: Bool?

        enum CodingKeys: String, CodingKey {
            case precision, threshold, edgeitems, linewidth, profile
            case sciMode = "sci_mode"
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            precision = try container.decodeIfPresent(Int.self, forKey: .precision)
            edgeitems = try container.decodeIfPresent(Int.self, forKey: .edgeitems)
            linewidth = try container.decodeIfPresent(Int.self, forKey: .linewidth)
            profile = try container.decodeIfPresent(String.self, forKey: .profile)
            sciMode = try container.decodeIfPresent(Bool.self, forKey: .sciMode)
            if (try? container.decodeIfPresent(String.self, forKey: .threshold)) == "inf" {
                threshold = .infinity
            } else {
                threshold = try container.decodeIfPresent(Double.self, forKey: .threshold)
            }
        }
    }

    struct Case: Decodable {
        let name: String
        let shape: [Int]
        let dtype: String
        let defaultFloat: String
        /// float32/float64 as big-endian hex bits, integers in decimal, bools as 1/0.
        let elements: [String]
        let gradFn: String?
        let requiresGrad: Bool
        let isParameter: Bool
        let optionCalls: [OptionCall]
        let expected: String
    }

    struct SizeCase: Decodable {
        let shape: [Int]
        let expected: String
    }

    struct ReturnTypeCase: Decodable {
        struct Field: Decodable {
            let name: String
            let repr: String
        }
        let name: String
        let fields: [Field]
        let expected: String
    }

    let cases: [Case]
    let sizes: [SizeCase]
    let returnTypes: [ReturnTypeCase]

    static func load() throws -> PrintingFixtures {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/printing_cases.json")
        return try JSONDecoder().decode(PrintingFixtures.self, from: Data(contentsOf: url))
    }
}

struct FixtureDecodingError: Error, CustomStringConvertible {
    let description: String
}

extension PrintingFixtures.Case {
    func printableElements() throws -> PrintableElements {
        switch dtype {
        case "float32":
            return .floating(try elements.map { text in
                guard let bits = UInt32(text, radix: 16) else { throw bad(text) }
                return Double(Float(bitPattern: bits))
            })
        case "float64":
            return .floating(try elements.map { text in
                guard let bits = UInt64(text, radix: 16) else { throw bad(text) }
                return Double(bitPattern: bits)
            })
        case "bool":
            return .boolean(elements.map { $0 == "1" })
        default:
            return .integer(try elements.map { text in
                guard let value = Int64(text) else { throw bad(text) }
                return value
            })
        }
    }

    func options() throws -> PrintOptions {
        var options = PrintOptions()
        for call in optionCalls {
            var profile: PrintOptions.Profile?
            if let name = call.profile {
                guard let known = PrintOptions.Profile(rawValue: name) else { throw bad(name) }
                profile = known
            }
            options.apply(
                precision: call.precision, threshold: call.threshold, edgeitems: call.edgeitems,
                linewidth: call.linewidth, profile: profile, sciMode: call.sciMode)
        }
        return options
    }

    func dtypeValue(_ name: String) throws -> DType {
        guard let dtype = DType(rawValue: name) else { throw bad(name) }
        return dtype
    }

    private func bad(_ text: String) -> FixtureDecodingError {
        FixtureDecodingError(description: "case \(name): cannot decode \(text)")
    }
}
