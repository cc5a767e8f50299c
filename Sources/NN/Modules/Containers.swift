import Autograd

/// PyTorch's index rule for containers: `-n <= i < n`, else `index i is out of range`.
func containerIndex(_ index: Int, count: Int) throws -> Int {
    guard index >= -count && index < count else { throw TorchError.index("index \(index) is out of range") }
    return index < 0 ? index + count : index
}

/// Python slice positions `start:stop:step` over `count` items.
public func sliceIndices(count: Int, start: Int?, stop: Int?, step: Int?) throws -> [Int] {
    let step = step ?? 1
    guard step != 0 else { throw TorchError.value("slice step cannot be zero") }
    func clamp(_ v: Int?, _ def: Int, low: Int, high: Int) -> Int {
        guard var v else { return def }
        if v < 0 { v += count }
        return Swift.min(Swift.max(v, low), high)
    }
    if step > 0 {
        let lo = clamp(start, 0, low: 0, high: count), hi = clamp(stop, count, low: 0, high: count)
        return Array(stride(from: lo, to: hi, by: step))
    }
    let lo = clamp(start, count - 1, low: -1, high: count - 1), hi = clamp(stop, -1, low: -1, high: count - 1)
    return Array(stride(from: lo, to: hi, by: step))
}

/// `nn.Sequential`: children called in order. Built from modules (named 0,
/// 1, …) or from an ordered dict of names.
public final class Sequential: Module {
    public init(_ modules: [Module]) {
        super.init(typeName: "Sequential")
        for (i, m) in modules.enumerated() { register(module: m, named: String(i)) }
    }

    public init(named modules: [(String, Module)]) {
        super.init(typeName: "Sequential")
        for (name, m) in modules { register(module: m, named: name) }
    }

    public var count: Int { childSlots.count }
    public var elements: [Module] { childSlots.compactMap(\.module) }

    public override func forward(_ input: Tensor) throws -> Tensor {
        var x = input
        for (_, m) in childSlots { if let m { x = try m.forward(x) } }
        return x
    }

    /// `seq[i]`.
    public func element(at index: Int) throws -> Module {
        let i = try containerIndex(index, count: count)
        guard let m = childSlots[i].module else { throw TorchError.typeError("'NoneType' object is not callable") }
        return m
    }

    /// `seq[a:b:c]`: a new Sequential that keeps the children's names.
    public func slice(start: Int?, stop: Int?, step: Int?) throws -> Sequential {
        let picked = try sliceIndices(count: count, start: start, stop: stop, step: step)
        let slice = Sequential(named: picked.compactMap { i in childSlots[i].module.map { (childSlots[i].name, $0) } })
        slice.bindingClass = bindingClass
        return slice
    }

    /// `seq[i] = m`.
    public func setElement(_ module: Module, at index: Int) throws {
        let i = try containerIndex(index, count: count)
        register(module: module, named: childSlots[i].name)
    }

    /// `del seq[i]`: the remaining children are renumbered 0, 1, ….
    public func remove(at index: Int) throws {
        let i = try containerIndex(index, count: count)
        var modules = childSlots
        modules.remove(at: i)
        replaceChildren(modules.enumerated().map { (String($0.offset), $0.element.module) })
    }

    /// `seq.append(m)`: named by the current length.
    public func append(_ module: Module) { register(module: module, named: String(count)) }

    public func extend(_ modules: [Module]) { for m in modules { append(m) } }

    /// `seq.insert(i, m)`.
    public func insert(_ module: Module, at index: Int) throws {
        let n = count
        guard index >= -n && index <= n else { throw TorchError.index("Index out of range: \(index)") }
        var modules = childSlots.map(\.module)
        modules.insert(module, at: index < 0 ? index + n : index)
        replaceChildren(modules.enumerated().map { (String($0.offset), $0.element) })
    }

    /// `seq.pop(i)`.
    public func pop(_ index: Int = -1) throws -> Module {
        let m = try element(at: index)
        try remove(at: index)
        return m
    }
}

/// `nn.ModuleList`: an indexable list of modules without a forward. Its repr
/// merges runs of identical children: `(0-2): 3 x Linear(...)`.
public final class ModuleList: Module {
    public init(_ modules: [Module] = []) {
        super.init(typeName: "ModuleList")
        for (i, m) in modules.enumerated() { register(module: m, named: String(i)) }
    }

    public var count: Int { childSlots.count }
    public var elements: [Module] { childSlots.compactMap(\.module) }

    public func element(at index: Int) throws -> Module {
        let i = try containerIndex(index, count: count)
        guard let m = childSlots[i].module else { throw TorchError.typeError("'NoneType' object is not subscriptable") }
        return m
    }

    /// `ml[a:b:c]`: a new ModuleList, renumbered.
    public func slice(start: Int?, stop: Int?, step: Int?) throws -> ModuleList {
        let slice = ModuleList(try sliceIndices(count: count, start: start, stop: stop, step: step).compactMap { childSlots[$0].module })
        slice.bindingClass = bindingClass
        return slice
    }

    public func setElement(_ module: Module, at index: Int) throws {
        let i = try containerIndex(index, count: count)
        register(module: module, named: childSlots[i].name)
    }

    public func remove(at index: Int) throws {
        let i = try containerIndex(index, count: count)
        var modules = childSlots.map(\.module)
        modules.remove(at: i)
        replaceChildren(modules.enumerated().map { (String($0.offset), $0.element) })
    }

    public func append(_ module: Module) { register(module: module, named: String(count)) }

    public func extend(_ modules: [Module]) { for m in modules { append(m) } }

    /// `ml.insert(i, m)` (Python's list.insert clamping).
    public func insert(_ module: Module, at index: Int) {
        var modules = childSlots.map(\.module)
        let n = modules.count
        let i = index < 0 ? Swift.max(index + n, 0) : Swift.min(index, n)
        modules.insert(module, at: i)
        replaceChildren(modules.enumerated().map { (String($0.offset), $0.element) })
    }

    public func pop(_ index: Int = -1) throws -> Module {
        let m = try element(at: index)
        try remove(at: index)
        return m
    }

    public override func repr() -> String {
        let reprs = childSlots.map { $0.module?.repr() ?? "None" }
        guard let first = reprs.first else { return "\(typeName)()" }
        var runs: [(start: Int, end: Int, text: String)] = [(0, 0, first)]
        for (i, r) in reprs.enumerated().dropFirst() {
            if r == runs[runs.count - 1].text { runs[runs.count - 1].end = i } else { runs.append((i, i, r)) }
        }
        let lines = runs.map { run -> String in
            let label = run.start == run.end ? "(\(run.start)): \(run.text)"
                : "(\(run.start)-\(run.end)): \(run.end - run.start + 1) x \(run.text)"
            return Module.indentContinuationLines(label)
        }
        return "\(typeName)(\n  " + lines.joined(separator: "\n  ") + "\n)"
    }
}

/// `nn.ModuleDict`: modules by name, in insertion order.
public final class ModuleDict: Module {
    public init(_ modules: [(String, Module)] = []) {
        super.init(typeName: "ModuleDict")
        for (name, m) in modules { register(module: m, named: name) }
    }

    public var count: Int { childSlots.count }
    public var keys: [String] { childSlots.map(\.name) }
    public var items: [(String, Module)] { childSlots.compactMap { s in s.module.map { (s.name, $0) } } }
    public var values: [Module] { childSlots.compactMap(\.module) }

    public func contains(_ key: String) -> Bool { childSlots.contains { $0.name == key } }

    /// `md[key]`, with Python's `KeyError: 'key'`.
    public func element(forKey key: String) throws -> Module {
        guard let slot = childSlots.first(where: { $0.name == key }), let m = slot.module else {
            throw TorchError(type: "KeyError", message: PythonRepr.string(key))
        }
        return m
    }

    public func setElement(_ module: Module, forKey key: String) { register(module: module, named: key) }

    public func pop(_ key: String) throws -> Module {
        let m = try element(forKey: key)
        removeSlot(named: key)
        return m
    }

    public func update(_ modules: [(String, Module)]) { for (k, m) in modules { setElement(m, forKey: k) } }

    public func clear() { replaceChildren([]) }
}
