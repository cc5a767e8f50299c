import XCTest
@testable import Autograd

/// User mistakes raise PyTorch's exception type and message (texts from real PyTorch 2.x).
final class ErrorTextTests: XCTestCase {
    func expect(_ type: String, _ message: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Any) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? TorchError, TorchError(type: type, message: message), file: file, line: line)
        }
    }

    let ones3 = try! Tensor.ones([3])
    func long(_ v: [Int64], _ shape: [Int]? = nil) -> Tensor { Tensor(storage: Storage(v, dtype: .int64), shape: shape ?? [v.count]) }

    func testIndexing() throws {
        expect("IndexError", "index 5 is out of bounds for dimension 0 with size 3") { try self.ones3.index([.int(5)], isTuple: false) }
        expect("IndexError", "index -4 is out of bounds for dimension 0 with size 3") { try self.ones3.index([.int(-4)], isTuple: false) }
        expect("IndexError", "index 5 is out of bounds for dimension 0 with size 3") { try self.ones3.index([.tensor(self.long([5]))], isTuple: false) }
        expect("IndexError", "tensors used as indices must be long, int, byte or bool tensors") {
            try self.ones3.index([.tensor(Tensor.ones([1]))], isTuple: false)
        }
        expect("IndexError", "too many indices for tensor of dimension 1") { try self.ones3.index([.int(1), .int(2)]) }
        expect("IndexError", "The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3] at index 0") {
            try self.ones3.index([.tensor(Tensor(storage: Storage([true, false]), shape: [2]))], isTuple: false)
        }
        expect("IndexError", "The shape of the mask [3, 3] at index 1 does not match the shape of the indexed tensor [3, 2] at index 1") {
            try Tensor.ones([3, 2]).index([.tensor(Tensor.ones([3, 3], dtype: .bool))], isTuple: false)
        }
        expect("ValueError", "step must be greater than zero") { try self.ones3.index([.slice(start: nil, stop: nil, step: -1)], isTuple: false) }
        expect("ValueError", "slice step cannot be zero") { try self.ones3.index([.slice(start: nil, stop: nil, step: 0)], isTuple: false) }
        expect("IndexError", "shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]") {
            try Tensor.ones([2, 3]).index([.tensor(self.long([0, 1])), .tensor(self.long([0, 1, 2]))])
        }
        expect("RuntimeError", "shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [2]") {
            try Tensor.zeros([3]).indexPut([.tensor(self.long([0, 1]))], Tensor.ones([3]))
        }
        expect("RuntimeError", "The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension 0.  Target sizes: [2].  Tensor sizes: [3]") {
            try Tensor.zeros([3]).indexPut([.slice(start: 0, stop: 2, step: nil)], Tensor.ones([3]))
        }
        expect("RuntimeError", "gather(): Expected dtype int32/int64 for index") { try Tensor.ones([2, 2]).gather(1, Tensor.ones([2, 1])) }
        expect("RuntimeError", "Index tensor must have the same number of dimensions as input tensor") { try Tensor.ones([2, 2]).gather(1, self.long([0, 1])) }
        expect("RuntimeError", "index 5 is out of bounds for dimension 1 with size 2") { try Tensor.ones([2, 2]).gather(1, self.long([0, 5], [1, 2])) }
        expect("IndexError", "index_select(): Index is supposed to be a vector") { try Tensor.ones([2, 2]).indexSelect(0, self.long([0], [1, 1])) }
        expect("IndexError", "index out of range in self") { try Tensor.ones([2, 2]).indexSelect(0, self.long([3])) }
        expect("RuntimeError", "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension(s).") {
            try Tensor.ones([2]).maskedFill(Tensor.ones([2], dtype: .bool), Tensor.ones([2]))
        }
        expect("RuntimeError", "masked_fill_ only supports boolean masks, but got mask with dtype float") {
            try Tensor.ones([2]).maskedFill(Tensor.ones([2]), Tensor.wrapped(1, dtype: .float64))
        }
        expect("IndexError", "Dimension out of range (expected to be in range of [-1, 0], but got 1)") { try self.ones3.sum(dims: [1]) }
    }

    func testGradOutputsMustMatchTheOutputs() throws {
        let x = Tensor.scalar(2)
        try x.setRequiresGrad(true)
        let y = try x.mul(Tensor.wrapped(3, dtype: .int64)), z = try x.mul(Tensor.wrapped(4, dtype: .int64))
        expect("RuntimeError", "got 2 tensors and 1 gradients") {
            try Backward.grad(outputs: [y, z], inputs: [x], gradOutputs: [Tensor.scalar(1)])
        }
    }

    func testJoining() throws {
        let m = try Tensor.ones([2, 2])
        expect("RuntimeError", "Tensors must have same number of dimensions: got 2 and 1") { try Tensor.cat([m, self.ones3]) }
        expect("ValueError", "torch.cat(): expected a non-empty list of Tensors") { try Tensor.cat([]) }
        expect("RuntimeError", "Sizes of tensors must match except in dimension 0. Expected size 2 but got size 3 for tensor number 1 in the list.") {
            try Tensor.cat([m, Tensor.ones([2, 3])])
        }
        expect("IndexError", "Dimension out of range (expected to be in range of [-2, 1], but got 2)") { try Tensor.cat([m, m], dim: 2) }
        expect("RuntimeError", "stack expects a non-empty TensorList") { try Tensor.stack([]) }
        expect("IndexError", "Dimension out of range (expected to be in range of [-3, 2], but got 3)") { try Tensor.stack([m, m], dim: 3) }
        expect("RuntimeError", "stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1") {
            try Tensor.stack([Tensor.ones([2]), self.ones3])
        }
        expect("RuntimeError", "zero-dimensional tensor (at position 1) cannot be concatenated") { try Tensor.cat([m, Tensor.scalar(1)]) }
        let mixed = try Tensor.cat([long([1, 2]), Tensor.from([1.5], shape: [1], dtype: .float32)])
        XCTAssertEqual(mixed.dtype, .float32)
        XCTAssertEqual(mixed.doubles(), [1, 2, 1.5])
        XCTAssertEqual(try Tensor.cat([m, Tensor.zeros([0])]).shape, [2, 2])
    }

    func testBroadcastNamesTheInnermostMismatch() throws {
        expect("RuntimeError", "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1") {
            try Shape.broadcast([2, 3], [3, 2])
        }
        expect("RuntimeError", "The size of tensor a (4) must match the size of tensor b (5) at non-singleton dimension 2") {
            try Shape.broadcast([2, 3, 4], [5, 3, 5])
        }
    }

    func testConvolutionAndPooling() throws {
        let w = try Tensor.ones([6, 3, 5, 5])
        expect("RuntimeError", "Given groups=1, weight of size [6, 3, 5, 5], expected input[1, 1, 32, 32] to have 3 channels, but got 1 channels instead") {
            try Tensor.conv2d(Tensor.ones([1, 1, 32, 32]), w)
        }
        expect("RuntimeError", "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 3]") { try Tensor.conv2d(Tensor.ones([2, 3]), w) }
        expect("RuntimeError", "Calculated padded input size per channel: (3 x 3). Kernel size: (5 x 5). Kernel size can't be greater than actual input size") {
            try Tensor.conv2d(Tensor.ones([1, 3, 3, 3]), w)
        }
        expect("RuntimeError", "expected scalar type Double but found Float") { try Tensor.conv2d(Tensor.ones([1, 3, 8, 8], dtype: .float64), w) }
        expect("RuntimeError", "Input type (float) and bias type (double) should be the same") {
            try Tensor.conv2d(Tensor.ones([1, 3, 8, 8]), w, bias: Tensor.ones([6], dtype: .float64))
        }
        expect("RuntimeError", "Given weight of size [6, 3, 5, 5], expected bias to be 1-dimensional with 6 elements, but got bias of size [5] instead") {
            try Tensor.conv2d(Tensor.ones([1, 3, 8, 8]), w, bias: Tensor.ones([5]))
        }
        expect("RuntimeError", "padding='same' is not supported for strided convolutions") {
            try Tensor.conv2d(Tensor.ones([1, 3, 8, 8]), w, stride: [2, 2], padding: .same)
        }
        expect("RuntimeError", "non-positive stride is not supported") { try Tensor.conv2d(Tensor.ones([1, 3, 8, 8]), w, stride: [0, 0]) }
        expect("RuntimeError", "negative padding is not supported") { try Tensor.conv2d(Tensor.ones([1, 3, 8, 8]), w, padding: .explicit(-1, -1)) }
        expect("RuntimeError", "Given input size: (1x1x1). Calculated output size: (1x0x0). Output size is too small") {
            try Tensor.ones([1, 1, 1, 1]).maxPool2d(kernel: [2])
        }
        expect("RuntimeError", "non-empty 3D or 4D (batch mode) tensor expected for input") { try Tensor.ones([4, 4]).maxPool2d(kernel: [2]) }
        expect("RuntimeError", "pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1") {
            try Tensor.ones([1, 1, 5, 5]).avgPool2d(kernel: [2], padding: [2])
        }
        XCTAssertEqual(try Tensor.conv2d(Tensor.ones([3, 8, 8]), w).shape, [6, 4, 4])
        XCTAssertEqual(try Tensor.conv2d(Tensor.ones([3, 8, 8]), w, padding: .same).shape, [6, 8, 8])
    }

    func testReductionsAndElementwise() throws {
        expect("RuntimeError", "torch.clamp: At least one of 'min' or 'max' must not be None") { try self.ones3.clamp(min: nil as Double?, max: nil) }
        expect("RuntimeError", "\"softmax_lastdim_kernel_impl\" not implemented for 'Long'") { try self.long([1, 2]).softmax(dim: 0) }
        expect("RuntimeError", "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.") {
            try Tensor.zeros([0]).max()
        }
        XCTAssertEqual(try long([1, 2, 3]).clamp(min: 0.5, max: nil).dtype, .float32)
        XCTAssertEqual(try long([3, -1, 2]).argmax().int64s(), [0])
        let named = try Tensor.from([1, 5, 2, 6, 0, 3], shape: [2, 3], dtype: .float32).max(dim: 1)
        XCTAssertEqual(named.values.doubles(), [5, 6])
        XCTAssertEqual(named.indices.int64s(), [1, 0])
        XCTAssertEqual(named.indices.dtype, .int64)
    }
}
