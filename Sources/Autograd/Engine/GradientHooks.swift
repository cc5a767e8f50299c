/// `tensor.register_hook(fn)`: `fn` sees the gradient computed for the tensor
/// and may replace it (by returning a tensor of the same shape). A leaf's
/// hooks run before its gradient is accumulated into `.grad`; a non-leaf's
/// hooks live on its `grad_fn` and run before the gradient flows on (and
/// before `retain_grad` stores it), in the order they were registered.
public struct GradientHook {
    let id: Int
    let body: (Tensor) throws -> Tensor?
}

extension Tensor {
    /// Registers `body` as a gradient hook; returns an id for `removeHook`.
    public func registerHook(_ body: @escaping (Tensor) throws -> Tensor?) throws -> Int {
        guard requiresGrad else {
            throw TorchError.runtime("cannot register a hook on a tensor that doesn't require gradient")
        }
        let context = EngineContext.current
        context.hooksRegistered &+= 1
        let hook = GradientHook(id: context.hooksRegistered, body: body)
        if let fn = gradFn { fn.gradientHooks.append(hook) } else { gradientHooks.append(hook) }
        return hook.id
    }

    /// Removes the hook `id` (`RemovableHandle.remove()`); unknown ids are ignored.
    public func removeHook(_ id: Int) {
        gradientHooks.removeAll { $0.id == id }
        gradFn?.gradientHooks.removeAll { $0.id == id }
    }
}

extension Array where Element == GradientHook {
    /// The gradient after every hook had its say.
    func applied(to gradient: Tensor) throws -> Tensor {
        var g = gradient
        for hook in self {
            guard let replaced = try hook.body(g) else { continue }
            guard replaced.shape == g.shape else {
                throw TorchError.runtime("hook 'hook' has changed the size of value")
            }
            g = replaced
        }
        return g
    }
}
