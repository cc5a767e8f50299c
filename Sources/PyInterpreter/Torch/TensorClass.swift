import Autograd

/// `torch.Tensor`: Python's operators, protocols and properties on top of
/// the engine; named operations come from `TensorFunctions`.
enum TensorClass {
    static func make() -> PyType {
        let b = NativeClassBuilder("Tensor", module: "torch")
        b.initializer { interp, this, args in
            let t = try LegacyTensorConstructor.make(interp, "Tensor", dtype: EngineContext.current.defaultFloat, args)
            this.instance?.becomeBox(of: t)
            return .none
        }
        operators(b)
        protocols(b)
        properties(b)
        methods(b)
        TensorHookBinding.install(b)
        for f in TensorFunctions.all where f.form != .functionOnly {
            b.method(f.name, f.methodBody)
        }
        return b.build()
    }

    static func this(_ v: Value) throws -> Tensor {
        guard let t = TorchValues.tensor(v) else { throw PyError(.typeError, "expected a Tensor, got \(v.typeName)") }
        return t
    }

    /// A binary operator: Python numbers become wrapped operands; anything
    /// else returns NotImplemented so Python can try the other side.
    static func binary(_ op: @escaping (Tensor, Tensor) throws -> Tensor, reflected: Bool = false) -> NativeBinaryBody {
        return { _, me, other in
            let a = try this(me)
            guard let b = try TorchValues.operand(other) else { return .notImplemented }
            return TorchValues.box(try reflected ? op(b, a) : op(a, b))
        }
    }

    static func operators(_ b: NativeClassBuilder) {
        // One definition for the special methods and the interpreter's fast path (TensorArithmetic).
        for op in [BinaryOp.add, .subtract, .multiply, .trueDivide] {
            b.binaryMethod("__\(op.dunder)__") { _, me, other in
                let a = try this(me)
                guard let s = try TorchValues.operand(other) else { return .notImplemented }
                return TorchValues.box(try TensorArithmetic.forward(op, a, s))
            }
            b.binaryMethod("__r\(op.dunder)__") { _, me, other in
                let a = try this(me)
                guard let s = try TorchValues.operand(other) else { return .notImplemented }
                return TorchValues.box(try TensorArithmetic.reflected(op, a, s))
            }
        }
        b.binaryMethod("__floordiv__", binary { try $0.floorDivide($1) })
        b.binaryMethod("__rfloordiv__", binary({ try $0.floorDivide($1) }, reflected: true))
        b.binaryMethod("__mod__", binary { try $0.remainder($1) })
        b.binaryMethod("__rmod__", binary({ try $0.remainder($1) }, reflected: true))
        b.binaryMethod("__pow__") { _, me, other in TorchValues.box(try TensorFunctions.power(this(me), other)) }
        b.binaryMethod("__rpow__") { _, me, other in
            let a = try this(me)
            guard let s = try TorchValues.operand(other) else { return .notImplemented }
            return TorchValues.box(try s.pow(a))
        }
        b.binaryMethod("__matmul__") { _, me, other in
            guard let o = TorchValues.tensor(other) else { return .notImplemented }
            return TorchValues.box(try this(me).matmul(o))
        }
        b.binaryMethod("__rmatmul__") { _, me, other in
            guard let o = TorchValues.tensor(other) else { return .notImplemented }
            return TorchValues.box(try o.matmul(this(me)))
        }
        b.method("__neg__") { _, me, _ in TorchValues.box(try this(me).neg()) }
        b.method("__pos__") { _, me, _ in me }
        b.method("__abs__") { _, me, _ in TorchValues.box(try this(me).abs()) }
        b.method("__invert__") { _, me, _ in
            let t = try this(me)
            guard t.dtype == .bool else {
                return TorchValues.box(try t.neg().sub(Tensor.wrapped(1, dtype: .int64)))
            }
            return TorchValues.box(try t.logicalNot())
        }
        b.binaryMethod("__and__", binary { try logical($0, $1, "and") { try $0.logicalAnd($1) } })
        b.binaryMethod("__rand__", binary({ try logical($0, $1, "and") { try $0.logicalAnd($1) } }, reflected: true))
        b.binaryMethod("__or__", binary { try logical($0, $1, "or") { try $0.logicalOr($1) } })
        b.binaryMethod("__ror__", binary({ try logical($0, $1, "or") { try $0.logicalOr($1) } }, reflected: true))
        b.binaryMethod("__xor__", binary { try logical($0, $1, "xor") { try $0.logicalXor($1) } })
        b.binaryMethod("__eq__", binary { try $0.eq($1) })
        b.binaryMethod("__ne__", binary { try $0.ne($1) })
        b.binaryMethod("__lt__", binary { try $0.lt($1) })
        b.binaryMethod("__le__", binary { try $0.le($1) })
        b.binaryMethod("__gt__", binary { try $0.gt($1) })
        b.binaryMethod("__ge__", binary { try $0.ge($1) })
        // Augmented assignment works in place, as PyTorch's `+=` does.
        b.binaryMethod("__iadd__") { _, me, other in try inPlace(me, other) { try $0.addInPlace($1) } }
        b.binaryMethod("__isub__") { _, me, other in try inPlace(me, other) { try $0.subInPlace($1) } }
        b.binaryMethod("__imul__") { _, me, other in try inPlace(me, other) { try $0.mulInPlace($1) } }
        b.binaryMethod("__itruediv__") { _, me, other in try inPlace(me, other) { try $0.divInPlace($1) } }
    }

    static func logical(_ a: Tensor, _ b: Tensor, _ name: String, _ op: (Tensor, Tensor) throws -> Tensor) throws -> Tensor {
        guard a.dtype == .bool || b.dtype == .bool || (!a.dtype.isFloatingPoint && !b.dtype.isFloatingPoint) else {
            throw PyError(.runtimeError, "\"bitwise_\(name)_cpu\" not implemented for '\(a.dtype.isFloatingPoint ? a.dtype.scalarTypeName : b.dtype.scalarTypeName)'")
        }
        return try op(a, b)
    }

    static func inPlace(_ me: Value, _ other: Value, _ op: (Tensor, Tensor) throws -> Tensor) throws -> Value {
        let a = try this(me)
        guard let b = try TorchValues.operand(other) else { return .notImplemented }
        _ = try op(a, b)
        return me
    }

    static func protocols(_ b: NativeClassBuilder) {
        b.method("__repr__") { _, me, _ in .string(try this(me).description) }
        b.method("__str__") { _, me, _ in .string(try this(me).description) }
        b.method("__format__") { interp, me, args in
            let t = try this(me)
            let spec = args.positional.first?.stringValue ?? ""
            if t.dim == 0 && !t.isParameter {
                return .string(try interp.formatValue(scalar(t), spec))
            }
            guard spec.isEmpty else { throw PyError(.typeError, "unsupported format string passed to Tensor.__format__") }
            return .string(t.description)
        }
        b.method("__len__") { _, me, _ in
            let t = try this(me)
            guard t.dim > 0 else { throw PyError(.typeError, "len() of a 0-d tensor") }
            return .int(t.shape[0])
        }
        b.method("__iter__") { interp, me, _ in
            let t = try this(me)
            guard t.dim > 0 else { throw PyError(.typeError, "iteration over a 0-d tensor") }
            return .object(try interp.makeIterator(.list(try t.unbind(0).map(TorchValues.box))))
        }
        b.method("__bool__") { _, me, _ in
            let t = try this(me)
            guard t.count == 1 else {
                throw PyError(.runtimeError, t.count == 0 ? "Boolean value of Tensor with no values is ambiguous"
                                                          : "Boolean value of Tensor with more than one value is ambiguous")
            }
            return .bool(try t.scalarDouble() != 0)
        }
        b.method("__float__") { interp, me, _ in
            let t = try this(me)
            guard t.count == 1 else { throw PyError(.valueError, "only one element tensors can be converted to Python scalars") }
            warnScalarConversion(interp, t)
            return .float(try t.scalarDouble())
        }
        b.method("__int__") { interp, me, _ in
            let t = try this(me)
            guard t.count == 1 else { throw PyError(.valueError, "only one element tensors can be converted to Python scalars") }
            warnScalarConversion(interp, t)
            let d = try t.scalarDouble()
            guard d.isFinite else { throw PyError(.valueError, "cannot convert float \(d) to integer") }
            return t.dtype.isFloatingPoint ? .int(Int(d.rounded(.towardZero))) : .int(Int(try t.scalarInt64()))
        }
        b.method("__index__") { _, me, _ in
            let t = try this(me)
            guard t.count == 1, !t.dtype.isFloatingPoint else {
                throw PyError(.typeError, "only integer tensors of a single element can be converted to an index")
            }
            return .int(Int(try t.scalarInt64()))
        }
        b.method("__hash__") { _, me, _ in .int(ObjectIdentifier(try this(me)).hashValue) }
        b.method("__getitem__") { interp, me, args in
            let (items, isTuple) = try TensorIndexing.items(interp, args.positional[0])
            return TorchValues.box(try this(me).index(items, isTuple: isTuple))
        }
        b.method("__setitem__") { interp, me, args in
            let (items, _) = try TensorIndexing.items(interp, args.positional[0])
            guard let value = try TorchValues.operand(args.positional[1]) else {
                let v = try TorchValues.tensor(from: args.positional[1], dtype: try this(me).dtype, interp: interp)
                try this(me).indexPut(items, v)
                return .none
            }
            try this(me).indexPut(items, value)
            return .none
        }
        b.method("__contains__") { _, me, args in
            guard let v = try TorchValues.operand(args.positional[0]) else { return .bool(false) }
            return .bool(try this(me).eq(v).bools().contains(true))
        }
    }

    /// `float(t)` on a tensor that requires grad warns as PyTorch does.
    static func warnScalarConversion(_ interp: Interpreter, _ t: Tensor) {
        if t.requiresGrad {
            interp.warn("Converting a tensor with requires_grad=True to a scalar may lead to unexpected behavior.\nConsider using tensor.detach() first. (Triggered internally at /pytorch/torch/csrc/autograd/generated/python_variable_methods.cpp:835.)")
        }
    }

    /// `item()`: a Python float, int or bool.
    static func scalar(_ t: Tensor) throws -> Value {
        switch t.dtype {
        case .float32, .float64: return .float(try t.scalarDouble())
        case .int64, .int32: return .int(Int(try t.scalarInt64()))
        case .bool: return .bool(try t.scalarDouble() != 0)
        }
    }

    /// `tolist()`: nested Python lists.
    static func list(_ t: Tensor) throws -> Value {
        if t.dim == 0 { return try scalar(t) }
        let flat: [Value]
        switch t.dtype {
        case .float32, .float64: flat = t.doubles().map { .float($0) }
        case .int64, .int32: flat = t.int64s().map { .int(Int($0)) }
        case .bool: flat = t.bools().map { .bool($0) }
        }
        func build(_ dim: Int, _ offset: Int) -> (Value, Int) {
            if dim == t.dim - 1 {
                return (.list(Array(flat[offset..<(offset + t.shape[dim])])), offset + t.shape[dim])
            }
            var items: [Value] = []
            var o = offset
            for _ in 0..<t.shape[dim] {
                let (v, next) = build(dim + 1, o)
                items.append(v)
                o = next
            }
            return (.list(items), o)
        }
        return build(0, 0).0
    }

    static func properties(_ b: NativeClassBuilder) {
        b.property("grad", get: { interp, me in
            let t = try this(me)
            if !t.isLeaf && !t.retainsGrad && t.grad == nil {
                interp.warn("The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more information. (Triggered internally at /__w/pytorch/pytorch/build/aten/src/ATen/core/TensorBody.h:488.)")
            }
            return TorchValues.box(t.grad)
        }, set: { _, me, value in
            let t = try this(me)
            if value.isNone { t.grad = nil; return }
            guard let g = TorchValues.tensor(value) else {
                throw PyError(.typeError, "assigned grad expected to be a Tensor or None but got grad of type \(value.typeName)")
            }
            guard g.shape == t.shape else { throw PyError(.runtimeError, "assigned grad has data of a different size") }
            t.grad = g
        })
        b.property("requires_grad", get: { _, me in .bool(try this(me).requiresGrad) }, set: { interp, me, value in
            try this(me).setRequiresGrad(try interp.isTruthy(value))
        })
        b.property("is_leaf") { _, me in .bool(try this(me).isLeaf) }
        // The in-place write counter autograd checks saved tensors against (shared by views).
        b.property("_version") { _, me in .int(try this(me).version) }
        b.property("grad_fn") { _, me in GradFnObjects.value(try this(me).gradFn) }
        b.property("data", get: { _, me in TorchValues.box(try this(me).dataAlias()) }, set: { _, me, value in
            let t = try this(me)
            guard let src = TorchValues.tensor(value) else { throw PyError(.typeError, "data must be a Tensor") }
            guard src.shape == t.shape, src.dtype == t.dtype else {
                throw PyError(.runtimeError, "Litgrad can only assign .data of the same shape and dtype (got \(Shape.bracketed(src.shape)) for \(Shape.bracketed(t.shape)))")
            }
            // Written through a `.data` alias: replacing the data does not count as
            // an in-place change of `t` (PyTorch's set_data keeps its version).
            try GradMode.with(enabled: false) { _ = try t.dataAlias().copyInPlace(src) }
        })
        b.property("shape") { _, me in TorchTypes.size(try this(me).shape) }
        b.property("dtype") { _, me in TorchTypes.dtypeValue(try this(me).dtype) }
        b.property("device") { _, _ in TorchTypes.cpu }
        b.property("is_cuda") { _, _ in .bool(false) }
        b.property("ndim") { _, me in .int(try this(me).dim) }
        b.property("T") { _, me in TorchValues.box(try this(me).reversedDims()) }
        b.property("mT") { _, me in TorchValues.box(try this(me).matrixTranspose()) }
        b.property("itemsize") { _, me in .int(try this(me).dtype.itemSize) }
    }

    static func methods(_ b: NativeClassBuilder) {
        b.method("item") { _, me, _ in try scalar(this(me)) }
        b.method("tolist") { _, me, _ in try list(this(me)) }
        let sizeSignature = NativeSignature("size", .init("dim", default: .none))
        b.method("size") { _, me, args in
            let t = try this(me)
            let a = try sizeSignature.bind(args)
            guard let d = try a.optionalInt("dim") else { return TorchTypes.size(t.shape) }
            return .int(t.shape[try Shape.wrapDim(d, rank: t.dim)])
        }
        b.method("dim") { _, me, _ in .int(try this(me).dim) }
        b.method("ndimension") { _, me, _ in .int(try this(me).dim) }
        b.method("numel") { _, me, _ in .int(try this(me).count) }
        b.method("nelement") { _, me, _ in .int(try this(me).count) }
        b.method("element_size") { _, me, _ in .int(try this(me).dtype.itemSize) }
        b.method("is_contiguous") { _, me, _ in .bool(try this(me).isContiguous) }
        b.method("storage_offset") { _, me, _ in .int(try this(me).offset) }
        // The storage object's address stands in for its buffer's: views share it, and
        // offsets count in bytes as PyTorch's do (only differences and equality are meaningful).
        b.method("data_ptr") { _, me, _ in
            let t = try this(me)
            let base = Int(bitPattern: UInt(bitPattern: ObjectIdentifier(t.storage).hashValue)) & ~63
            return .int(base + t.offset * t.dtype.itemSize)
        }
        b.method("is_floating_point") { _, me, _ in .bool(try this(me).dtype.isFloatingPoint) }
        b.method("stride") { _, me, args in
            let t = try this(me)
            if let d = args.positional.first { return .int(t.strides[try Shape.wrapDim(try TorchValues.int(d, "dim"), rank: t.dim)]) }
            return .tuple(t.strides.map { .int($0) })
        }
        let backwardSignature = NativeSignature("backward", .init("gradient", default: .none), .init("retain_graph", default: .none),
                                                .init("create_graph", default: .bool(false)), .init("inputs", default: .none))
        b.method("backward") { _, me, args in
            let a = try backwardSignature.bind(args)
            let create = try a.bool("create_graph")
            let retain = try a.optional("retain_graph").map { v -> Bool in if case .bool(let x) = v { return x }; return true } ?? create
            try this(me).backward(try a.optionalTensor("gradient"), retainGraph: retain, createGraph: create)
            return .none
        }
        b.method("retain_grad") { _, me, _ in try this(me).retainGrad(); return .none }
        let requiresGradSignature = NativeSignature("requires_grad_", .init("requires_grad", default: .bool(true)))
        b.method("requires_grad_") { interp, me, args in
            let a = try requiresGradSignature.bind(args)
            try this(me).setRequiresGrad(try interp.isTruthy(a["requires_grad"]), viaMethod: true)
            return me
        }
        b.method("detach_") { _, me, _ in _ = try this(me).detachInPlace(); return me }
        b.method("to") { interp, me, args in
            let t = try this(me)
            var dtype: DType? = nil
            for v in args.positional + args.keywords.filter({ $0.name.name == "dtype" }).map(\.value) {
                if let d = v.payload(DTypeBox.self) { dtype = d.dtype }
                else if let other = TorchValues.tensor(v) { dtype = other.dtype }
                else if v.payload(DeviceBox.self) != nil { continue }
                else if let s = v.stringValue {
                    guard s == "cpu" else { throw PyError(.runtimeError, "Litgrad runs on the CPU only; device '\(s)' is not available") }
                }
            }
            _ = interp
            return TorchValues.box(try dtype.map { try t.to($0) } ?? t)
        }
        b.method("type") { _, me, args in
            let t = try this(me)
            if let d = args.positional.first?.payload(DTypeBox.self) { return TorchValues.box(try t.to(d.dtype)) }
            return .string(t.dtype.legacyTypeName)
        }
        b.method("numpy") { _, me, _ in
            let t = try this(me)
            if t.requiresGrad {
                throw PyError(.runtimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            return NumpyArray.sharing(t)
        }
        b.method("new_zeros") { interp, me, args in
            TorchValues.box(try Tensor.zeros(TorchValues.shape(interp, args.positional, "new_zeros"), dtype: try this(me).dtype))
        }
        b.method("new_ones") { interp, me, args in
            TorchValues.box(try Tensor.ones(TorchValues.shape(interp, args.positional, "new_ones"), dtype: try this(me).dtype))
        }
        b.method("new_tensor") { interp, me, args in
            TorchValues.box(try TorchValues.tensor(from: args.positional[0], dtype: try this(me).dtype, interp: interp))
        }
        b.method("apply_") { interp, me, args in
            let t = try this(me)
            let f = args.positional[0]
            let values = try t.doubles().map { try interp.toDouble(try interp.call(f, Arguments([.float($0)]))) }
            try GradMode.with(enabled: false) { _ = try t.copyInPlace(Tensor.from(values, shape: t.shape, dtype: t.dtype)) }
            return me
        }
    }
}
