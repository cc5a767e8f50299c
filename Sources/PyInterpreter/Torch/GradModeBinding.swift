import Autograd

/// `torch.no_grad()`, `torch.enable_grad()`, `torch.set_grad_enabled(mode)`
/// and `torch.inference_mode()`: context managers (and decorators) that set
/// grad mode and restore it on exit.
enum GradModeBinding {
    final class State {
        let enabled: Bool
        var saved: [Bool] = []
        /// set_grad_enabled's mode before its constructor switched it: `with` restores that.
        var modeBeforeConstruction: Bool?
        init(enabled: Bool) { self.enabled = enabled }
    }

    static func contextType(_ name: String, enabled: Bool?) -> PyType {
        let signature = NativeSignature(name, "mode")
        return NativeClassBuilder(name, module: "torch.autograd.grad_mode")
            .initializer { interp, this, args in
                var mode = enabled ?? true
                var before: Bool?
                if enabled == nil {
                    let a = try signature.bind(args)
                    mode = try interp.isTruthy(a["mode"])
                    // set_grad_enabled takes effect immediately, not only inside `with`.
                    before = GradMode.isEnabled
                    GradMode.isEnabled = mode
                } else if name == "inference_mode", let m = args.positional.first {
                    mode = !(try interp.isTruthy(m))
                }
                let state = State(enabled: mode)
                state.modeBeforeConstruction = before
                this.instance?.payload = state
                return .none
            }
            .method("__enter__") { _, this, _ in
                let s = try this.requirePayload(State.self, name)
                s.saved.append(s.modeBeforeConstruction ?? GradMode.isEnabled)
                s.modeBeforeConstruction = nil
                GradMode.isEnabled = s.enabled
                return .none
            }
            .method("__exit__") { _, this, _ in
                let s = try this.requirePayload(State.self, name)
                if let previous = s.saved.popLast() { GradMode.isEnabled = previous }
                return .bool(false)
            }
            .method("__call__") { interp, this, args in
                // Used as a decorator: wrap the function so each call runs in this mode.
                let s = try this.requirePayload(State.self, name)
                guard let f = args.positional.first else { throw PyError(.typeError, "\(name) expects a function to decorate") }
                return .object(PyNativeFunction(name: "wrapper") { interp, callArgs in
                    let saved = GradMode.isEnabled
                    GradMode.isEnabled = s.enabled
                    defer { GradMode.isEnabled = saved }
                    return try interp.call(f, callArgs)
                })
            }
            .build()
    }

    static let noGrad = contextType("no_grad", enabled: false)
    static let enableGrad = contextType("enable_grad", enabled: true)
    static let setGradEnabled = contextType("set_grad_enabled", enabled: nil)
    static let inferenceMode = contextType("inference_mode", enabled: false)

    static func register(_ m: PyModule) {
        m["no_grad"] = .object(noGrad)
        m["enable_grad"] = .object(enableGrad)
        m["set_grad_enabled"] = .object(setGradEnabled)
        m["inference_mode"] = .object(inferenceMode)
        m.addFunction("is_grad_enabled") { _, _ in .bool(GradMode.isEnabled) }
        m.addFunction("is_inference_mode_enabled") { _, _ in .bool(false) }
    }
}
