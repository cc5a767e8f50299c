import XCTest
@testable import Autograd

/// A one-element storage keeps its element inline; the array properties must
/// still read and write it exactly as they read and write an array.
final class StorageTests: XCTestCase {
    func testSingleElementReadsBackInEveryDtype() {
        let f = Storage(single: Float(-2.5), dtype: .float32)
        XCTAssertEqual(f.f32, [-2.5])
        XCTAssertEqual(f.f64, [], "arrays of another type stay empty")
        XCTAssertEqual(f.count, 1)
        XCTAssertEqual(f.double(0), -2.5)

        let d = Storage(single: Double.pi, dtype: .float64)
        XCTAssertEqual(d.f64, [Double.pi])
        XCTAssertEqual(d.element(0, as: Double.self), Double.pi)

        let i = Storage(single: Int64.min, dtype: .int64)
        XCTAssertEqual(i.i64, [Int64.min], "int64 bit patterns survive")
        XCTAssertEqual(i.int64(0), Int64.min)

        let b = Storage(single: true, dtype: .bool)
        XCTAssertEqual(b.bools, [true])
        XCTAssertEqual(Storage(zeros: 1, dtype: .bool).bools, [false])
        XCTAssertEqual(Storage(zeros: 1, dtype: .float32).f32, [0])
    }

    func testWritesThroughTheArrayPropertiesKeepOrLeaveTheInlineElement() {
        let s = Storage(zeros: 1, dtype: .float32)
        s.f32[0] = 7                       // an in-place element write (the modify accessor)
        XCTAssertEqual(s.f32, [7])
        s.f32.withUnsafeMutableBufferPointer { $0[0] += 1 }
        XCTAssertEqual(s.double(0), 8)
        s.f32 = [1, 2, 3]                  // grows into an array
        XCTAssertEqual(s.count, 3)
        XCTAssertEqual(s.f32, [1, 2, 3])
        XCTAssertEqual(s.double(2), 3)
        s.f32 = [9]                        // and back to one element
        XCTAssertEqual(s.count, 1)
        XCTAssertEqual(s.f32, [9])
        s.f32.append(10)
        XCTAssertEqual(s.f32, [9, 10])
    }

    func testPointerAccessWritesTheInlineElement() {
        let s = Storage(single: Float(1.5), dtype: .float32)
        s.withMutableFloats { $0[0] *= 4 }
        var read: Float = 0
        s.withElements(as: Float.self) { read = $0[0] }
        XCTAssertEqual(read, 6)
        s.setDouble(0, 0.1)
        XCTAssertEqual(s.f32, [Float(0.1)], "setDouble rounds to float32")
    }

    func testScalarTensorsUseInlineStorageEndToEnd() throws {
        let w = Tensor.scalar(3)
        try w.setRequiresGrad(true)
        let y = try w.mul(w).add(Tensor.wrapped(1, dtype: .int64))
        try y.backward()
        XCTAssertEqual(try y.scalarDouble(), 10)
        XCTAssertEqual(try w.grad?.scalarDouble(), 6)
        XCTAssertEqual(w.grad?.floats(), [6])
        XCTAssertEqual(w.grad?.doubles(), [6])
    }
}
