import Autograd
import Foundation
import XCTest

/// Replays the operations recorded from real PyTorch (Fixtures/) on a fresh
/// generator and compares every output bit for bit.
final class TorchRandomFixtureTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    func fixtureLines(_ name: String) throws -> [String] {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    /// Each line: `op args -> hex words`.
    func testScenariosMatchPyTorch() throws {
        var interpreter = TorchRandomOpInterpreter(generator: TorchGenerator())
        var checked = 0
        for line in try fixtureLines("torch_random_scenarios.txt") {
            let parts = line.components(separatedBy: " ->")
            XCTAssertEqual(parts.count, 2, line)
            let expected = parts[1].split(separator: " ").compactMap { UInt64($0, radix: 16) }
            let actual = try interpreter.run(parts[0])
            XCTAssertEqual(actual.map { String($0, radix: 16) }, expected.map { String($0, radix: 16) }, parts[0])
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// Each line: `op kind | seed | size=digest ...`, every size twice in a
    /// row after one seeding, so continuation and the normal cache count.
    func testChainsMatchPyTorch() throws {
        var checked = 0
        for line in try fixtureLines("torch_random_chains.txt") {
            let fields = line.components(separatedBy: " | ")
            XCTAssertEqual(fields.count, 3, line)
            guard fields.count == 3, let seed = UInt64(fields[1]) else { continue }
            let generator = TorchGenerator(seed: seed)
            var interpreter = TorchRandomOpInterpreter(generator: generator)
            for cell in fields[2].split(separator: " ") {
                let pair = cell.split(separator: "=")
                guard pair.count == 2, let size = Int(pair[0]), let digest = UInt32(pair[1], radix: 16) else {
                    XCTFail("bad cell \(cell) in \(line)")
                    continue
                }
                let kind = fields[0]
                let op = kind.contains("{}")
                    ? kind.replacingOccurrences(of: "{}", with: String(size))
                    : "\(kind) \(size)"
                let words = try interpreter.run(op)
                if fnv1a32(words) != digest {
                    XCTFail("\(op) after seed \(seed): digest mismatch, got \(words.prefix(8).map { String($0, radix: 16) })")
                    break
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 10_000)
    }
}
