import BigInt
import PyInterpreter
import XCTest

final class PyFloatFormatTests: XCTestCase {
    func testReprMatchesCPython() throws {
        var checked = 0
        for line in try PyLibFixtures.lines("float_repr.txt") {
            let fields = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard fields.count == 2, let x = PyLibFixtures.double(hex: fields[0]) else {
                XCTFail("bad fixture line \(line)")
                continue
            }
            XCTAssertEqual(PyFloatFormat.repr(x), fields[1], "repr of \(fields[0])")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testReprExamples() {
        XCTAssertEqual(PyFloatFormat.repr(3), "3.0")
        XCTAssertEqual(PyFloatFormat.repr(-4800), "-4800.0")
        XCTAssertEqual(PyFloatFormat.repr(0.0001), "0.0001")
        XCTAssertEqual(PyFloatFormat.repr(1e15), "1000000000000000.0")
        XCTAssertEqual(PyFloatFormat.repr(1e-5), "1e-05")
        XCTAssertEqual(PyFloatFormat.repr(1e16), "1e+16")
        XCTAssertEqual(PyFloatFormat.repr(-0.0), "-0.0")
        XCTAssertEqual(PyFloatFormat.repr(.nan), "nan")
        XCTAssertEqual(PyFloatFormat.repr(-.infinity), "-inf")
    }

    func testFormatSpecMatchesCPython() throws {
        var failures = 0
        let rows = try PyLibFixtures.rows("format_spec.json")
        for row in rows {
            guard row.count == 4 else {
                XCTFail("bad fixture row \(row)")
                continue
            }
            let (kind, value, spec, expected) = (row[0], row[1], row[2], row[3])
            let actual = PyLibFixtures.outcome {
                switch kind {
                case "float":
                    guard let x = PyLibFixtures.double(hex: value) else { return "bad value" }
                    return try PyFormatSpec.format(x, spec: spec)
                case "int":
                    guard let n = BigInt(value) else { return "bad value" }
                    return try PyFormatSpec.format(n, spec: spec)
                default:
                    return try PyFormatSpec.format(value, spec: spec)
                }
            }
            if actual != expected {
                failures += 1
                if failures <= 40 { XCTFail("format(\(kind) \(value), \(spec.debugDescription)): \(actual) != \(expected)") }
            }
        }
        XCTAssertEqual(failures, 0, "of \(rows.count) cases")
        XCTAssertGreaterThan(rows.count, 5000)
    }
}
