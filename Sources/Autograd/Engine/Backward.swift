/// Reverse-mode differentiation: a topological sort of the recorded graph,
/// then one pass from the outputs back, accumulating (`+=`) each gradient so
/// a tensor used twice receives the sum over its paths.
public enum Backward {
    /// `tensor.backward(gradient)`: accumulates into the `.grad` of leaves.
    public static func run(_ root: Tensor, gradient: Tensor? = nil, retainGraph: Bool = false, createGraph: Bool = false) throws {
        // One root without arrays: a scalar lesson's backward allocates only what it computes.
        _ = try execute(roots: CollectionOfOne(root), gradients: CollectionOfOne(gradient), retainGraph: retainGraph,
                        createGraph: createGraph, capture: nil)
    }

    /// `torch.autograd.grad(outputs, inputs, grad_outputs)`: returns the
    /// gradients of the inputs without touching any `.grad`.
    public static func grad(outputs: [Tensor], inputs: [Tensor], gradOutputs: [Tensor?]? = nil,
                            retainGraph: Bool? = nil, createGraph: Bool = false, allowUnused: Bool = false) throws -> [Tensor?] {
        // PyTorch checks the outputs first (the engine's message), then that every input requires grad.
        if outputs.allSatisfy(\.requiresGrad) && inputs.contains(where: { !$0.requiresGrad }) {
            throw TorchError.runtime("One of the differentiated Tensors does not require grad")
        }
        let results = try execute(roots: outputs, gradients: gradOutputs ?? outputs.map { _ in nil },
                                  retainGraph: retainGraph ?? createGraph, createGraph: createGraph, capture: inputs)
        if !allowUnused, let unused = results.firstIndex(where: { $0 == nil }) {
            throw TorchError.runtime("The differentiated Tensor at index \(unused) appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
        }
        return results
    }

    private static func execute<Roots: RandomAccessCollection<Tensor>, Seeds: RandomAccessCollection<Tensor?>>(
        roots: Roots, gradients: Seeds, retainGraph: Bool, createGraph: Bool,
        capture: [Tensor]?) throws -> [Tensor?] {
        try ForwardAD.suspended {
            try executeReverse(roots: roots, gradients: gradients, retainGraph: retainGraph, createGraph: createGraph, capture: capture)
        }
    }

    private static func executeReverse<Roots: RandomAccessCollection<Tensor>, Seeds: RandomAccessCollection<Tensor?>>(
        roots: Roots, gradients: Seeds, retainGraph: Bool, createGraph: Bool,
        capture: [Tensor]?) throws -> [Tensor?] {
        // Pending gradients live on the nodes themselves (no dictionary keyed by identity).
        var captured = [Tensor?](repeating: nil, count: capture?.count ?? 0)
        func captureIndex(_ t: Tensor) -> Int? { capture?.firstIndex { $0 === t } }
        func captureNodeIndex(_ n: Node) -> Int? { capture?.firstIndex { $0.gradFn === n } }

        guard roots.count == gradients.count else {
            throw TorchError.runtime("got \(roots.count) tensors and \(gradients.count) gradients")
        }
        for (i, (root, gradient)) in zip(roots, gradients).enumerated() {
            guard root.requiresGrad else {
                throw TorchError.runtime("element \(i) of tensors does not require grad and does not have a grad_fn")
            }
            let seed: Tensor
            if let g = gradient {
                guard g.shape == root.shape else {
                    throw TorchError.runtime("Mismatch in shape: grad_output[\(i)] has a shape of \(Shape.describe(g.shape)) and output[\(i)] has a shape of \(Shape.describe(root.shape)).")
                }
                seed = g
            } else {
                guard root.count == 1 else {
                    throw TorchError.runtime("grad can be implicitly created only for scalar outputs")
                }
                seed = try Tensor.onesLike(root)
            }
            if let fn = root.gradFn {
                fn.pendingGradient = try accumulate(fn.pendingGradient, seed)
            } else if let k = captureIndex(root) {
                captured[k] = try accumulate(captured[k], try root.gradientHooks.applied(to: seed))
            } else {
                try accumulateIntoLeaf(root, try root.gradientHooks.applied(to: seed), createGraph: createGraph)
            }
        }

        // Unretained: the roots keep every node of their graph alive for the whole pass.
        var postOrder = topologicalPostOrder(roots.lazy.compactMap { $0.gradFn })
        // An error part-way must not leave gradients behind on the nodes.
        defer {
            for node in postOrder { node._withUnsafeGuaranteedRef { $0.pendingGradient = nil } }
            EngineContext.withCurrent { $0.returnScratch(&postOrder) }
        }
        var hookedLeaves: [(leaf: Tensor, gradient: Tensor)] = []
        try GradMode.with(enabled: createGraph) {
            for unmanaged in postOrder.reversed() { try unmanaged._withUnsafeGuaranteedRef { node in
                guard var g = node.pendingGradient.take() else { return }
                if node.hasExtras {
                    if !node.gradientHooks.isEmpty { g = try node.gradientHooks.applied(to: g) }
                    for weak in node.retainedOutputs {
                        if let t = weak.tensor { try accumulateIntoLeaf(t, g, createGraph: createGraph) }
                    }
                }
                if capture != nil, let k = captureNodeIndex(node) {
                    captured[k] = try accumulate(captured[k], g)
                }
                var inputGrads = try node.apply(g)
                if !retainGraph { node.released = true }
                for i in 0..<Swift.min(node.inputCount, inputGrads.count) {
                    // Taken out, so a fresh gradient is held only here and a leaf can keep it.
                    guard let ig = inputGrads.take(i) else { continue }
                    // The graph keeps nodes and leaves alive: reached unretained.
                    switch node.unretainedInput(i) {
                    case .none:
                        continue
                    case .node(let next):
                        try next._withUnsafeGuaranteedRef { $0.pendingGradient = try accumulate($0.pendingGradient, ig) }
                    case .leaf(let leaf):
                        try deliver(ig, toLeaf: leaf.takeUnretainedValue())
                    }
                }
            } }
            for (leaf, gradient) in hookedLeaves {
                let g = try leaf.gradientHooks.applied(to: gradient)
                if let k = captureIndex(leaf) {
                    captured[k] = try accumulate(captured[k], g)
                } else if capture == nil {
                    try accumulateIntoLeaf(leaf, g, createGraph: createGraph)
                }
            }
        }
        return captured

        /// A gradient reaching a leaf: kept for its hooks, captured for `autograd.grad`, or accumulated into `.grad`.
        func deliver(_ ig: consuming Tensor, toLeaf leaf: Tensor) throws {
            if !leaf.gradientHooks.isEmpty {
                // Summed over the pass first: hooks see the leaf's whole gradient, as AccumulateGrad's do.
                if let i = hookedLeaves.firstIndex(where: { $0.leaf === leaf }) {
                    hookedLeaves[i].gradient = try accumulate(hookedLeaves[i].gradient, ig)
                } else {
                    hookedLeaves.append((leaf, ig))
                }
            } else if let k = captureIndex(leaf) {
                captured[k] = try accumulate(captured[k], ig)
            } else if capture == nil {
                try accumulateIntoLeaf(leaf, consume ig, createGraph: createGraph)
            }
        }
    }

    /// Nodes reachable from `roots`, each before every node that feeds it a gradient
    /// (a backward pass walks it in reverse). Visited nodes are marked with this
    /// pass's number (no set of identities). The references are not retained
    /// (the roots keep the graph alive) and the arrays are the context's
    /// reused scratch: a small graph's sort allocates nothing.
    static func topologicalPostOrder<Roots: Sequence<Node>>(_ roots: Roots) -> [Unmanaged<Node>] {
        var (postOrder, stack, pass) = EngineContext.withCurrent { context in
            context.backwardPasses &+= 1
            return (context.takeScratch(), context.takeStack(), context.backwardPasses)
        }
        for root in roots where root.visitedInPass != pass {
            root.visitedInPass = pass
            stack.append((Unmanaged.passUnretained(root), 0))
            while let (unmanaged, i) = stack.last {
                // The next input of this node that has a node of its own, if any is left.
                let found: (next: Unmanaged<Node>?, index: Int)? = unmanaged._withUnsafeGuaranteedRef { node in
                    var j = i
                    while j < node.inputCount {
                        if let next = node.inputNode(j) { return (next, j) }
                        j += 1
                    }
                    return nil
                }
                guard let (next, j) = found, let next else {
                    postOrder.append(unmanaged)
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].1 = j + 1
                let unvisited = next._withUnsafeGuaranteedRef { node in
                    guard node.visitedInPass != pass else { return false }
                    node.visitedInPass = pass
                    return true
                }
                if unvisited { stack.append((next, 0)) }
            }
        }
        EngineContext.withCurrent { $0.returnStack(&stack) }
        return postOrder
    }

    private static func accumulate(_ existing: Tensor?, _ g: Tensor) throws -> Tensor {
        guard let existing else { return g }
        return try existing.add(g)
    }

    /// `AccumulateGrad`: the first gradient is stored as a fresh tensor, later
    /// ones are added in place (without create_graph) as PyTorch does.
    private static func accumulateIntoLeaf(_ leaf: Tensor, _ gradient: consuming Tensor, createGraph: Bool) throws {
        var g = gradient.shape == leaf.shape ? gradient : try gradient.sumToShape(leaf.shape)
        _ = consume gradient
        if leaf.grad == nil && !createGraph && Tensor.isStealable(&g, for: leaf) {
            // Nothing else can see it: keep it instead of copying, as PyTorch's AccumulateGrad does.
            leaf.grad = g
            return
        }
        if let existing = leaf.grad {
            if createGraph || existing.requiresGrad {
                leaf.grad = try existing.add(g)
            } else {
                try GradMode.with(enabled: false) { _ = try existing.addInPlace(g) }
            }
        } else {
            // contiguousCopy gives a fresh tensor outside the graph (what detach().clone() gives).
            leaf.grad = createGraph ? g : try g.contiguousCopy()
        }
    }
}

extension Tensor {
    /// `tensor.backward()`.
    public func backward(_ gradient: Tensor? = nil, retainGraph: Bool = false, createGraph: Bool = false) throws {
        try Backward.run(self, gradient: gradient, retainGraph: retainGraph, createGraph: createGraph)
    }

    /// `retain_grad()`: keep `.grad` on this non-leaf after backward.
    public func retainGrad() throws {
        guard requiresGrad else {
            throw TorchError.runtime("can't retain_grad on Tensor that has requires_grad=False")
        }
        guard let fn = gradFn, !retainsGrad else { return }
        retainsGrad = true
        fn.retainedOutputs.append(WeakTensor(tensor: self))
    }

    /// `requires_grad_()` / `requires_grad = …` on a leaf.
    public func setRequiresGrad(_ flag: Bool, viaMethod: Bool = false) throws {
        if flag && !dtype.isFloatingPoint {
            throw TorchError.runtime(viaMethod ? "only Tensors of floating point dtype can require gradients"
                                               : "only Tensors of floating point and complex dtype can require gradients")
        }
        if !flag && gradFn != nil {
            throw TorchError.runtime("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        }
        requiresGrad = flag
    }

    /// A tensor sharing storage but cut from the graph.
    public func detach() -> Tensor {
        // Not a differentiable view: in-place changes through it are allowed
        // (SGD's `p.detach().add_`), and it shares the version counter via storage.
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
    }
}

extension Tensor {
    /// `detach_()`: cuts this tensor from the graph in place (a leaf without requires_grad).
    public func detachInPlace() throws {
        if viewBase != nil && requiresGrad {
            throw TorchError.runtime("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.")
        }
        gradFn = nil
        requiresGrad = false
    }
}

extension Tensor {
    /// Whether a gradient computed in a backward pass may become `leaf.grad`
    /// as it is: a plain contiguous tensor of the leaf's dtype that owns its
    /// whole storage, and that nothing but the caller references.
    fileprivate static func isStealable(_ g: inout Tensor, for leaf: Tensor) -> Bool {
        guard g.gradFn == nil, !g.requiresGrad, g.viewBase == nil, !g.isWrappedNumber, !g.isParameter, g.tangent == nil,
              g.dtype == leaf.dtype, g.coversWholeStorage, g.isContiguous else { return false }
        return isKnownUniquelyReferenced(&g) && g.ownsStorageUniquely()
    }
}
