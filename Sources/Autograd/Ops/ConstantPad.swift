// constant_pad_nd(a, pad, value): pad = (before, after) pairs from the last
// dimension backwards; negative amounts crop. The kept elements are copied.
//   ∂a = constant_pad_nd(g, −pad)   (ConstantPadNdBackward0 again under create_graph)

extension Tensor {
    /// `F.pad(a, pad, mode="constant", value)` (ConstantPadNdBackward0).
    public func constantPad(_ pad: [Int], value: Double = 0) throws -> Tensor {
        guard pad.count % 2 == 0 else { throw TorchError.runtime("Padding length must be divisible by 2") }
        guard pad.count / 2 <= dim else {
            throw TorchError.runtime("Padding length should be less than or equal to two times the input dimension but got padding length \(pad.count) and input of dimension \(dim)")
        }
        var outShape = shape
        for k in 0..<pad.count / 2 {
            let d = dim - 1 - k
            outShape[d] = shape[d] + pad[2 * k] + pad[2 * k + 1]
            guard outShape[d] >= 0 else {
                throw TorchError.runtime("The input size \(shape[d]), plus negative padding \(pad[2 * k]) and \(pad[2 * k + 1]) resulted in a negative output size, which is invalid. Check dimension \(d) of your input.")
            }
        }
        let a = self
        let out = try Tensor.full(outShape, value, dtype: dtype)
        try untracked {
            // The region both tensors share: narrow the source where the padding crops,
            // the destination where it pads.
            var source = a, destination = out
            for k in 0..<pad.count / 2 {
                let d = dim - 1 - k
                let before = pad[2 * k], after = pad[2 * k + 1]
                let length = shape[d] - Swift.max(0, -before) - Swift.max(0, -after)
                guard length > 0 else { return }
                source = try source.narrow(d, start: Swift.max(0, -before), length: length)
                destination = try destination.narrow(d, start: Swift.max(0, before), length: length)
            }
            try destination.assign(source)
        }
        guard Tensor.recordingNeeded(a) else { return out }
        let inverse = pad.map { -$0 }
        return try out.recorded("ConstantPadNdBackward0", symbol: "pad", inputs: [a],
                                tangent: { t in try t[0]?.constantPad(pad) }) { g in
            [try g.constantPad(inverse)]
        }
    }
}
