import Autograd

/// The engine's recorded operation (`GraphFigure.Node` is a figure node).
private typealias RecordedOp = Autograd.Node

extension GraphFigure {
    /// Recorded operations plus leaves drawn at most; beyond this a figure is
    /// unreadable and Graphviz slow, so the parts farthest from the output go.
    public static let defaultNodeLimit = 250

    /// The autograd graph that produced `root`, walking `grad_fn` edges back
    /// to the leaves.
    ///
    /// - Tensor nodes are named from `names` (the interpreter's variables),
    ///   else from `Tensor.label`; inputs that need no gradient (constants,
    ///   Python numbers) are not part of the autograd graph and are not drawn.
    /// - An intermediate result is drawn when its tensor is still alive (it
    ///   usually is: the consuming op saves it). Otherwise its op feeds the
    ///   next op directly.
    /// - Edge labels: for an op whose output `y` is a scalar (0-d), the edge
    ///   from each input `x` into the op carries ∂y/∂x evaluated at the
    ///   recorded values, when that is a single number too. It reads
    ///   `∂y/∂x = v` when both tensors have names, else just `v`.
    /// - Order: a post-order walk from the output, inputs in argument order,
    ///   so the same computation always gives the same figure.
    public static func extract(from root: Tensor, names: [ObjectIdentifier: String],
                               nodeLimit: Int = defaultNodeLimit) -> GraphFigure {
        var builder = GraphFigureBuilder(root: root, names: names)
        guard let rootNode = root.gradFn else {
            let role: TensorRole = root.isParameter ? .parameter : (root.requiresGrad ? .leaf : .output)
            _ = builder.addTensor(root, role: role)
            return builder.figure
        }
        let kept = reachableNodes(from: rootNode, limit: max(nodeLimit, 1))
        builder.figure.omittedNodeCount = kept.omitted
        for node in postOrder(from: rootNode, keeping: kept.nodes) {
            builder.addOperation(node, kept: kept.nodes)
        }
        return builder.figure
    }

    /// Breadth-first from the output, so a truncated figure keeps what lies
    /// nearest the output. Keys are operations and leaf tensors alike.
    private static func reachableNodes(from root: RecordedOp, limit: Int) -> (nodes: Set<ObjectIdentifier>, omitted: Int) {
        var kept: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        var queue: [RecordedOp] = [root]
        var head = 0
        var omitted = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let expand = kept.contains(ObjectIdentifier(node))
            for case let edge? in node.inputs {
                let key: ObjectIdentifier
                switch edge {
                case .node(let next): key = ObjectIdentifier(next)
                case .leaf(let leaf): key = ObjectIdentifier(leaf)
                }
                guard seen.insert(key).inserted else { continue }
                if expand && kept.count < limit {
                    kept.insert(key)
                } else {
                    omitted += 1
                }
                if case .node(let next) = edge { queue.append(next) }
            }
        }
        return (kept, omitted)
    }

    /// Kept operations, each after every kept operation feeding it.
    private static func postOrder(from root: RecordedOp, keeping kept: Set<ObjectIdentifier>) -> [RecordedOp] {
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        var order: [RecordedOp] = []
        var stack: [(node: RecordedOp, nextInput: Int)] = [(root, 0)]
        while let (node, i) = stack.last {
            guard i < node.inputs.count else {
                order.append(node)
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].nextInput = i + 1
            if case .node(let next)? = node.inputs[i], kept.contains(ObjectIdentifier(next)),
               visited.insert(ObjectIdentifier(next)).inserted {
                stack.append((next, 0))
            }
        }
        return order
    }
}

/// Accumulates figure nodes and edges, remembering where each tensor and
/// operation went so that shared inputs are drawn once.
private struct GraphFigureBuilder {
    let root: Tensor
    let names: [ObjectIdentifier: String]
    var figure = GraphFigure(nodes: [], edges: [])
    /// Figure index of each leaf tensor already drawn.
    var leafIndex: [ObjectIdentifier: Int] = [:]
    /// Figure index where each operation's result leaves: its output tensor
    /// node, or the operation itself when that tensor is gone.
    var resultIndex: [ObjectIdentifier: Int] = [:]

    init(root: Tensor, names: [ObjectIdentifier: String]) {
        self.root = root
        self.names = names
    }

    func name(of tensor: Tensor) -> String? {
        names[ObjectIdentifier(tensor)] ?? tensor.label
    }

    mutating func addTensor(_ tensor: Tensor, role: GraphFigure.TensorRole) -> Int {
        figure.nodes.append(GraphFigure.Node(
            kind: .tensor(role), title: name(of: tensor),
            value: GraphValueText.describe(tensor), grad: tensor.grad.map(GraphValueText.describe)))
        return figure.nodes.count - 1
    }

    /// The tensor `node` produced, if it still holds that result: a tensor
    /// changed in place since then has a newer `grad_fn` and another value.
    func output(of node: Node) -> Tensor? {
        if node === root.gradFn { return root }
        guard let out = node.output, out.gradFn === node else { return nil }
        return out
    }

    mutating func addOperation(_ node: Node, kept: Set<ObjectIdentifier>) {
        let out = output(of: node)
        // Sources first, so every input is drawn before the op using it.
        var sources: [(index: Int, tensor: Tensor?, input: Int)] = []
        for (i, edge) in node.inputs.enumerated() {
            switch edge {
            case .leaf(let leaf)?:
                guard kept.contains(ObjectIdentifier(leaf)) else { continue }
                let index: Int
                if let known = leafIndex[ObjectIdentifier(leaf)] {
                    index = known
                } else {
                    index = addTensor(leaf, role: leaf.isParameter ? .parameter : .leaf)
                    leafIndex[ObjectIdentifier(leaf)] = index
                }
                sources.append((index, leaf, i))
            case .node(let previous)?:
                guard let index = resultIndex[ObjectIdentifier(previous)] else { continue }
                sources.append((index, output(of: previous), i))
            case nil:
                continue
            }
        }
        let opIndex = figure.nodes.count
        figure.nodes.append(GraphFigure.Node(kind: .operation(gradFn: node.name), title: Self.opTitle(node)))
        // Only for a 0-d output: the engine's rules then see the gradient shape they expect.
        let derivatives = out.flatMap { $0.dim == 0 ? node.localDerivatives(outputDType: $0.dtype) : nil }
        for source in sources {
            var label: String?
            if let derivatives, source.input < derivatives.count, let d = derivatives[source.input],
               d.count == 1, let value = try? d.scalarDouble() {
                label = derivativeLabel(value, output: out, input: source.tensor)
            }
            figure.edges.append(GraphFigure.Edge(from: source.index, to: opIndex, label: label))
        }
        if let out {
            let outIndex = addTensor(out, role: out === root ? .output : .intermediate)
            figure.edges.append(GraphFigure.Edge(from: opIndex, to: outIndex))
            resultIndex[ObjectIdentifier(node)] = outIndex
        } else {
            resultIndex[ObjectIdentifier(node)] = opIndex
        }
    }

    func derivativeLabel(_ value: Double, output: Tensor?, input: Tensor?) -> String {
        let number = GraphValueText.number(value)
        guard let y = output.flatMap(name(of:)), let x = input.flatMap(name(of:)) else { return number }
        return "∂\(y)/∂\(x) = \(number)"
    }

    /// The op's symbol, else its class name without `Backward0` (`CopyBackwards` → `Copy`).
    static func opTitle(_ node: Node) -> String {
        if !node.symbol.isEmpty { return node.symbol }
        var name = Substring(node.name)
        while let last = name.last, last.isNumber { name.removeLast() }
        if name.hasSuffix("Backwards") { name.removeLast("Backwards".count) }
        if name.hasSuffix("Backward") { name.removeLast("Backward".count) }
        return name.isEmpty ? node.name : String(name)
    }
}
