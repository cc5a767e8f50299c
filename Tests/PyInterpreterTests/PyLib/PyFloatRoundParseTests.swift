import BigInt
import PyInterpreter
import XCTest

final class PyFloatRoundParseTests: XCTestCase {
    func testRoundMatchesCPython() throws {
        var checked = 0
        for line in try PyLibFixtures.lines("round.txt") {
            let fields = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard fields.count == 3, let x = PyLibFixtures.double(hex: fields[0]) else {
                XCTFail("bad fixture line \(line)")
                continue
            }
            let actual = PyLibFixtures.outcome {
                if fields[1] == "int" { return String(try PyFloatFormat.roundToInteger(x)) }
                guard let digits = Int(fields[1]) else { return "bad digits" }
                let rounded = try PyFloatFormat.round(x, digits: digits)
                return rounded.isNaN ? "nan" : Self.hex(rounded)
            }
            XCTAssertEqual(actual, fields[2], "round(\(fields[0]), \(fields[1]))")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 2500)
    }

    func testParseMatchesCPython() throws {
        let rows = try PyLibFixtures.rows("float_parse.json")
        for row in rows {
            guard row.count == 2 else { continue }
            let actual: String
            if let x = PyFloatFormat.parse(row[0]) {
                actual = "=" + (x.isNaN ? "nan" : Self.hex(x))
            } else {
                actual = "!ValueError: could not convert string to float: \(PyStrRepr.repr(row[0]))"
            }
            XCTAssertEqual(actual, row[1], "float(\(row[0].debugDescription))")
        }
        XCTAssertGreaterThan(rows.count, 150)
    }

    /// Python's `float.hex()`.
    static func hex(_ x: Double) -> String {
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        if x == 0 { return sign + "0x0.0p+0" }
        let bits = x.bitPattern
        let exponentField = Int((bits >> 52) & 0x7FF)
        let fraction = bits & (1 << 52 - 1)
        let lead = exponentField == 0 ? "0" : "1"
        let exponent = exponentField == 0 ? -1022 : exponentField - 1023
        var digits = String(fraction, radix: 16)
        digits = String(repeating: "0", count: 13 - digits.count) + digits
        return "\(sign)0x\(lead).\(digits)p\(exponent < 0 ? "-" : "+")\(exponent.magnitude)"
    }
}
