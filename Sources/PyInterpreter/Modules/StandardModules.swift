extension ModuleRegistry {
    /// The modules every notebook session can import. Native bindings (torch,
    /// oneflow, matplotlib) register their providers here too.
    public static func standard() -> ModuleRegistry {
        let registry = ModuleRegistry()
        registry.register("math", MathModule.make)
        registry.register("random", RandomModule.make)
        registry.register("typing", TypingModule.make)
        registry.register("functools", FunctoolsModule.make)
        registry.register("itertools", ItertoolsModule.make)
        registry.register("numpy", NumpyModule.make)
        registry.register("numpy.random", NumpyRandomModule.make)
        registry.register("numpy.linalg", NumpyShapeAndLogic.linalg)
        TorchBindings.register(in: registry)
        PyplotBindings.register(in: registry)
        return registry
    }
}
