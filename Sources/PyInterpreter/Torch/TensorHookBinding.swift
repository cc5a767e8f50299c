import Autograd

/// `tensor.register_hook(fn)` and the `RemovableHandle` it returns: the
/// engine calls `fn(grad)` during backward; a returned tensor replaces the
/// gradient, None keeps it.
enum TensorHookBinding {
    /// What a handle needs to take its hook off again.
    final class Handle {
        weak var tensor: Tensor?
        let id: Int
        init(tensor: Tensor, id: Int) {
            self.tensor = tensor
            self.id = id
        }
    }

    static let handleType: PyType = NativeClassBuilder("RemovableHandle", module: "torch.utils.hooks", instantiable: false)
        .method("remove") { _, this, _ in
            let handle = try this.requirePayload(Handle.self, "RemovableHandle")
            handle.tensor?.removeHook(handle.id)
            return .none
        }
        .build()

    static func install(_ b: NativeClassBuilder) {
        b.method("register_hook") { interp, me, args in
            let a = try NativeSignature("register_hook", .init("hook")).bind(args)
            let hook = a["hook"]
            let tensor = try TensorClass.this(me)
            // Unowned: the session's interpreter outlives every backward pass it runs.
            let id = try tensor.registerHook { [unowned interp] grad in
                let result = try interp.call(hook, Arguments([TorchValues.box(grad)]))
                if result.isNone { return nil }
                guard let replaced = TorchValues.tensor(result) else {
                    throw PyError(.typeError, "expected a Tensor or None from the hook, got \(result.typeName)")
                }
                return replaced
            }
            return .object(PyInstance(cls: handleType, payload: Handle(tensor: tensor, id: id)))
        }
    }
}
