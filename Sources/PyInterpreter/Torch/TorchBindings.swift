import Autograd

/// Registers the torch API with a session's module registry: `torch` and its
/// submodules, and `oneflow` as the same engine under OneFlow's name (whose
/// optimizers' `zero_grad()` fill zeros, as OneFlow 0.7 did).
public enum TorchBindings {
    public static func register(in registry: ModuleRegistry) {
        for flavor in ["torch", "oneflow"] {
            let oneflow = flavor == "oneflow"
            registry.register(flavor) { interp in
                let m = try TorchModule.make(interp)
                // `import torch` alone makes torch.nn, torch.optim … reachable, as in PyTorch.
                for sub in ["nn", "optim", "autograd", "func", "utils"] {
                    m[sub] = .object(try interp.importModule("\(flavor).\(sub)"))
                }
                return m
            }
            registry.register("\(flavor).nn") { interp in
                let m = PyModule(name: "\(flavor).nn")
                NNClasses.register(m)
                m["Parameter"] = .object(TorchTypes.parameter)
                for sub in ["functional", "init", "utils"] {
                    m[sub] = .object(try interp.importModule("\(flavor).nn.\(sub)"))
                }
                return m
            }
            registry.register("\(flavor).nn.functional") { try FunctionalModule.make($0) }
            registry.register("\(flavor).nn.init") { try FunctionalModule.initModule($0) }
            registry.register("\(flavor).nn.utils") { try FunctionalModule.utilsModule($0) }
            registry.register("\(flavor).nn.parameter") { _ in
                let m = PyModule(name: "\(flavor).nn.parameter")
                m["Parameter"] = .object(TorchTypes.parameter)
                return m
            }
            registry.register("\(flavor).optim") { interp in
                let m = try OptimizerBinding.make(interp, oneflow: oneflow)
                m["lr_scheduler"] = .object(try interp.importModule("\(flavor).optim.lr_scheduler"))
                return m
            }
            registry.register("\(flavor).optim.lr_scheduler") { try LRSchedulerBinding.module($0) }
            registry.register("\(flavor).autograd") { interp in
                let m = try AutogradBinding.make(interp)
                m["forward_ad"] = .object(try interp.importModule("\(flavor).autograd.forward_ad"))
                m["functional"] = .object(try interp.importModule("\(flavor).autograd.functional"))
                m["function"] = .object(try interp.importModule("\(flavor).autograd.function"))
                return m
            }
            registry.register("\(flavor).autograd.function") { _ in CustomFunctionBinding.functionModule(name: "\(flavor).autograd.function") }
            registry.register("\(flavor).autograd.forward_ad") { try AutogradBinding.forwardAD($0) }
            registry.register("\(flavor).autograd.functional") { try AutogradFunctionalBinding.functionalModule($0) }
            registry.register("\(flavor).func") { try AutogradBinding.funcModule($0) }
            registry.register("\(flavor).utils") { interp in
                let m = PyModule(name: "\(flavor).utils")
                m["data"] = .object(try interp.importModule("\(flavor).utils.data"))
                return m
            }
            registry.register("\(flavor).utils.data") { try DataBinding.make($0) }
        }
        registry.register("collections") { _ in
            let m = PyModule(name: "collections")
            m["OrderedDict"] = .object(OrderedDictBinding.type)
            return m
        }
    }
}
