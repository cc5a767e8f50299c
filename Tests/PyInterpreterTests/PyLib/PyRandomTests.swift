import BigInt
import PyInterpreter
import XCTest

final class PyRandomTests: XCTestCase {
    /// Runs one op line of random_streams.txt (see
    /// Fixtures/generate_random_fixtures.py) and renders the result alike.
    static func run(_ line: String, on r: PyRandom) throws -> String {
        let w = line.split(separator: " ").map(String.init)
        guard let op = w.first else { return "empty op" }
        let a = Array(w.dropFirst())
        func int(_ i: Int) -> BigInt { BigInt(a[i]) ?? 0 }
        func double(_ i: Int) -> Double { Double(a[i]) ?? .nan }
        func list(_ items: [Int]) -> String { items.map(String.init).joined(separator: ",") }
        let hex = PyFloatRoundParseTests.hex
        switch op {
        case "seed":
            if let n = BigInt(a[0]) { r.seed(n) } else { r.seed(string: a[0]) }
            return ""
        case "random": return hex(r.random())
        case "getrandbits": return String(try r.getrandbits(Int(int(0))))
        case "randbelow": return String(r.randbelow(int(0)))
        case "randrange":
            return String(try r.randrange(int(0), a.count > 1 ? int(1) : nil, step: a.count > 2 ? int(2) : nil))
        case "randint": return String(try r.randint(int(0), int(1)))
        case "choice": return String(try r.choice(count: Int(int(0))))
        case "shuffle":
            var items = Array(0..<Int(int(0)))
            r.shuffle(&items)
            return list(items)
        case "sample": return list(try r.sample(count: Int(int(0)), k: Int(int(1))))
        case "choices": return list(try r.choices(count: Int(int(0)), k: Int(int(1))))
        case "wchoices":
            let weights = a[0].split(separator: ",").compactMap { Double($0) }
            return list(try r.choices(cumulativeWeights: weights, k: Int(int(1))))
        case "uniform": return hex(r.uniform(double(0), double(1)))
        case "triangular": return hex(r.triangular(low: double(0), high: double(1), mode: a[2] == "None" ? nil : double(2)))
        case "gauss": return hex(r.gauss(double(0), double(1)))
        case "normalvariate": return hex(r.normalvariate(double(0), double(1)))
        case "lognormvariate": return hex(r.lognormvariate(double(0), double(1)))
        case "expovariate": return hex(try r.expovariate(double(0)))
        default: return "unknown op"
        }
    }

    func testStreamsMatchCPython() throws {
        let r = PyRandom()
        var checked = 0
        for line in try PyLibFixtures.lines("random_streams.txt") {
            let parts = line.components(separatedBy: " -> ")
            guard parts.count == 2 else {
                XCTFail("bad fixture line \(line)")
                continue
            }
            let actual: String
            do {
                actual = try Self.run(parts[0], on: r)
            } catch let error as PyFormatError {
                actual = "!" + error.description
            }
            XCTAssertEqual(actual, parts[1], parts[0])
            checked += 1
        }
        XCTAssertGreaterThan(checked, 600)
    }

    func testUnseededGeneratorIsSeedZero() {
        let seeded = PyRandom()
        seeded.seed(0)
        XCTAssertEqual(PyRandom().random(), seeded.random())
        // CPython: random.seed(0); random.random()
        XCTAssertEqual(PyRandom(seed: 0).random(), 0.8444218515250481)
    }

    func testShuffleKeepsElements() {
        var words = ["a", "b", "c", "d", "e"]
        PyRandom(seed: 7).shuffle(&words)
        XCTAssertEqual(words.sorted(), ["a", "b", "c", "d", "e"])
    }
}
