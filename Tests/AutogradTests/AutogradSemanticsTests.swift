import XCTest
@testable import Autograd

/// In-place and view semantics, compared with what real PyTorch does.
final class AutogradSemanticsTests: XCTestCase {
    func floats(_ v: [Float], _ shape: [Int]? = nil, grad: Bool = false) -> Tensor {
        Tensor(shape: shape ?? [v.count], floats: v, requiresGrad: grad)
    }
    func long(_ v: [Int64]) -> Tensor { Tensor(storage: Storage(v, dtype: .int64), shape: [v.count]) }
    let one = Tensor.wrapped(1, dtype: .int64)

    func testAssigningIntoANonLeafRoutesGradients() throws {
        let x = try Tensor.zeros([3]); try x.setRequiresGrad(true)
        let z = Tensor.scalar(2); try z.setRequiresGrad(true)
        let y = try x.mul(one)
        try y.indexPut([.int(1)], z)
        XCTAssertEqual(y.gradFn?.name, "CopySlices")
        XCTAssertEqual(y.doubles(), [0, 2, 0])
        try y.sum().backward()
        XCTAssertEqual(x.grad?.doubles(), [1, 0, 1])
        XCTAssertEqual(x.grad?.dtype, .float32)
        XCTAssertEqual(try z.grad?.scalarDouble(), 1)
    }

    func testColumnAndIndexPutAssignments() throws {
        let weights = try Tensor.arange(0, 6, dtype: .float32).view([2, 3])
        let x = try Tensor.zeros([2, 3]); try x.setRequiresGrad(true)
        let v = try Tensor.ones([2]); try v.setRequiresGrad(true)
        let y = try x.mul(one)
        try y.indexPut([.slice(start: nil, stop: nil, step: nil), .int(0)], v)
        try y.mul(weights).sum().backward()
        XCTAssertEqual(x.grad?.doubles(), [0, 1, 2, 0, 4, 5])
        XCTAssertEqual(v.grad?.doubles(), [0, 3])

        x.grad = nil; v.grad = nil
        let y2 = try x.mul(one)
        try y2.indexPut([.tensor(long([0, 1])), .tensor(long([1, 2]))], v)
        XCTAssertEqual(y2.gradFn?.name, "IndexPutBackward0")
        try y2.mul(weights).sum().backward()
        XCTAssertEqual(x.grad?.doubles(), [0, 0, 2, 3, 4, 0])
        XCTAssertEqual(v.grad?.doubles(), [1, 5])
    }

    func testSetitemDispatchNames() throws {
        let x = try Tensor.zeros([2, 3]); try x.setRequiresGrad(true)
        let five = Tensor.wrapped(5, dtype: .float64)
        let cases: [([IndexItem], Tensor, String)] = [
            ([.tensor(long([0, 1]))], five, "IndexFillBackward0"),
            ([.tensor(try x.ge(Tensor.wrapped(0, dtype: .int64)))], five, "MaskedFillBackward0"),
            ([.tensor(long([0, 1]))], Tensor.scalar(5), "IndexPutBackward0"),
            ([.slice(start: nil, stop: nil, step: nil), .tensor(long([0, 1]))], five, "IndexFillBackward0"),
            ([.int(0)], five, "CopySlices"),
            ([.ellipsis], five, "FillBackward2"),
            ([.slice(start: nil, stop: nil, step: nil)], try Tensor.ones([3]), "CopyBackwards"),
            ([.tensor(long([0, 1])), .slice(start: 1, stop: nil, step: nil)], five, "CopySlices"),
        ]
        for (items, value, name) in cases {
            let y = try x.mul(one)
            try y.indexPut(items, value)
            XCTAssertEqual(y.gradFn?.name, name, "\(items)")
        }
        let y = try x.mul(one)
        try y.indexPut([.bool(false)], five)
        XCTAssertEqual(y.gradFn?.name, "MulBackward0")
    }

    func testLeafErrorsAndPlainTensors() throws {
        let x = try Tensor.zeros([3]); try x.setRequiresGrad(true)
        let five = Tensor.wrapped(5, dtype: .float64)
        XCTAssertThrowsError(try x.indexPut([.int(0)], five)) {
            XCTAssertEqual(($0 as? TorchError)?.message, "a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
        for items: [IndexItem] in [[.tensor(long([0]))], [.slice(start: nil, stop: nil, step: nil)]] {
            XCTAssertThrowsError(try x.indexPut(items, five)) {
                XCTAssertEqual(($0 as? TorchError)?.message, "a leaf Variable that requires grad is being used in an in-place operation.")
            }
        }
        try x.detach().zeroInPlace()
        try GradMode.with(enabled: false) { try x.indexPut([.int(0)], Tensor.wrapped(3, dtype: .int64)) }
        XCTAssertEqual(x.doubles(), [3, 0, 0])
        XCTAssertTrue(x.isLeaf)

        let w = try Tensor.zeros([3])
        try w.indexPut([.tensor(long([0, 0]))], floats([1, 2]))
        XCTAssertEqual(w.doubles(), [2, 0, 0])
        let t = try Tensor.arange(0, 5, dtype: .int64)
        try t.indexPut([.tensor(try t.gt(Tensor.wrapped(2, dtype: .int64)))], Tensor.wrapped(0.7, dtype: .float64))
        XCTAssertEqual(t.int64s(), [0, 1, 2, 0, 0])
        let m = try Tensor.zeros([2, 3])
        try m.indexPut([.int(0)], floats([1, 2, 3]))
        try m.indexPut([.slice(start: nil, stop: nil, step: nil), .int(1)], Tensor.wrapped(7, dtype: .int64))
        try m.indexPut([.tensor(try m.gt(Tensor.wrapped(6, dtype: .int64)))], Tensor.wrapped(-1, dtype: .int64))
        XCTAssertEqual(m.doubles(), [1, -1, 3, 0, -1, 0])
    }

    func testInPlaceOpNamesAndSavedTensorErrors() throws {
        let x = floats([1, -2, 3], grad: true)
        let ops: [(String, (Tensor) throws -> Void)] = [
            ("FillBackward2", { try $0.fillInPlace(1) }), ("ZeroBackward0", { try $0.zeroInPlace() }),
            ("CopyBackwards", { try $0.copyInPlace(Tensor.ones([3])) }), ("ReluBackward0", { try $0.reluInPlace() }),
            ("AddBackward0", { try $0.addInPlace(Tensor.wrapped(1, dtype: .int64)) }),
            ("ClampBackward1", { try $0.clampInPlace(min: 0, max: 1) }), ("SigmoidBackward0", { try $0.sigmoidInPlace() }),
        ]
        for (name, op) in ops {
            let y = try x.mul(one)
            try op(y)
            XCTAssertEqual(y.gradFn?.name, name)
        }
        let b = try x.sigmoid()
        try b.mulInPlace(Tensor.wrapped(2, dtype: .int64))
        XCTAssertEqual(b.gradFn?.name, "MulBackward0")
        XCTAssertThrowsError(try b.sum().backward()) {
            XCTAssertTrue(($0 as? TorchError)?.message.contains("[torch.FloatTensor [3]], which is output 0 of Sigmoid, is at version 1; expected version 0 instead.") ?? false)
        }
        // `y.mul_(y)` saves the y it overwrites: PyTorch's error, word for word.
        let y = try x.mul(one)
        try y.mulInPlace(y)
        XCTAssertThrowsError(try y.sum().backward()) {
            XCTAssertTrue(($0 as? TorchError)?.message.contains("[torch.FloatTensor [3]], which is output 0 of Mul, is at version 1;") ?? false)
        }
        // A saved value that is not overwritten is fine.
        let z = try x.mul(one)
        try z.mulInPlace(Tensor.wrapped(2, dtype: .int64))
        try z.sum().backward()
        XCTAssertEqual(x.grad?.doubles(), [2, 2, 2])
    }

    func testGradFnNamesOfViewsAndSurprises() throws {
        let a = try Tensor.arange(0, 12, dtype: .float32).view([3, 4])
        try a.setRequiresGrad(true)
        let full = IndexItem.slice(start: nil, stop: nil, step: nil)
        XCTAssertEqual(try a.index([full], isTuple: false).gradFn?.name, "SliceBackward0")
        XCTAssertEqual(try a.index([full, full]).gradFn?.name, "AliasBackward0")
        XCTAssertEqual(try a.index([.ellipsis], isTuple: false).gradFn?.name, "AliasBackward0")
        XCTAssertEqual(try a.index([.tensor(Tensor.scalar(1, dtype: .int64))], isTuple: false).gradFn?.name, "SelectBackward0")
        XCTAssertEqual(try a.index([.none], isTuple: false).gradFn?.name, "UnsqueezeBackward0")
        XCTAssertEqual(try a.index([.bool(true)], isTuple: false).shape, [1, 3, 4])
        XCTAssertEqual(try a.index([.tensor(long([0, 1])), .int(0)]).gradFn?.name, "IndexBackward0")
        XCTAssertEqual(try a.index([.slice(start: 0, stop: 3, step: nil), .int(0)]).gradFn?.name, "SelectBackward0")
        XCTAssertEqual(try a.t().gradFn?.name, "TBackward0")
        XCTAssertEqual(try a.reversedDims().gradFn?.name, "PermuteBackward0")
        XCTAssertEqual(try a.matrixTranspose().gradFn?.name, "TransposeBackward0")
        XCTAssertEqual(try a.squeeze(0).gradFn?.name, "SqueezeBackward1")
        XCTAssertEqual(try a.argmax().gradFn?.name, nil)
        XCTAssertEqual(try a.reshape([-1]).gradFn?.name, "ViewBackward0")
        XCTAssertEqual(try a.t().reshape([-1]).gradFn?.name, "UnsafeViewBackward0")
        let b = try Tensor.arange(0, 24, dtype: .float32).view([2, 3, 4])
        XCTAssertEqual(try b.index([.tensor(long([0, 1])), full, .tensor(long([1, 2]))]).shape, [2, 3])
        XCTAssertEqual(try b.index([full, .tensor(long([0, 1])), .tensor(long([1, 2]))]).shape, [2, 2])
        XCTAssertEqual(try b.index([.tensor(long([0, 1])), .int(0), .tensor(long([1, 2]))]).shape, [2])
        XCTAssertEqual(try b.index([full, .tensor(long([0, 1])), .int(0)]).shape, [2, 2])
    }

    /// A leaf keeps a gradient computed for it alone (as AccumulateGrad steals it),
    /// but never one that something else still holds: the user's seed, or a
    /// gradient shared by both inputs of an add.
    func testLeafGradientsNeverAliasAnotherTensor() throws {
        let a = Tensor(shape: [2], floats: [1, 2], requiresGrad: true)
        let b = Tensor(shape: [2], floats: [3, 4], requiresGrad: true)
        try a.add(b).sum().backward()
        let ga = try XCTUnwrap(a.grad), gb = try XCTUnwrap(b.grad)
        XCTAssertFalse(ga === gb || ga.storage === gb.storage)
        try ga.addInPlace(Tensor.scalar(5))
        XCTAssertEqual(gb.floats(), [1, 1])

        let x = Tensor(shape: [2], floats: [1, 2], requiresGrad: true)
        let seed = Tensor(shape: [2], floats: [7, 8])
        try x.backward(seed)
        XCTAssertFalse(x.grad === seed || x.grad?.storage === seed.storage)
        try seed.addInPlace(Tensor.scalar(1))
        XCTAssertEqual(x.grad?.floats(), [7, 8])

        let w = Tensor(shape: [2], floats: [1, 2], requiresGrad: true)
        try w.mul(Tensor.scalar(3)).sum().backward()
        XCTAssertEqual(w.grad?.floats(), [3, 3])
        try w.mul(Tensor.scalar(3)).sum().backward()
        XCTAssertEqual(w.grad?.floats(), [6, 6], "the kept gradient accumulates in place")
    }
}
