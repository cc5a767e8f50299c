import Foundation
import PyInterpreter

/// Reads the fixtures that Fixtures/*.py recorded from CPython 3.11.
enum PyLibFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Non-comment lines of a text fixture.
    static func lines(_ name: String) throws -> [String] {
        try text(name).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    /// A JSON array of string arrays.
    static func rows(_ name: String) throws -> [[String]] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    /// `float.hex()` text, including `inf`, `-inf` and `nan`.
    static func double(hex: String) -> Double? {
        switch hex {
        case "inf": return .infinity
        case "-inf": return -.infinity
        case "nan": return .nan
        default: return Double(hex)
        }
    }

    /// How the fixtures write an outcome: `=text` or `!Type: message`.
    static func outcome(_ body: () throws -> String) -> String {
        do {
            return "=" + (try body())
        } catch let error as PyFormatError {
            return "!" + error.description
        } catch {
            return "!unexpected \(error)"
        }
    }
}
