/// Where a gradient flows next: into the node that produced an input, or
/// into a leaf's `.grad` (PyTorch's `AccumulateGrad`).
public enum Edge {
    case node(Node)
    case leaf(Tensor)
}

/// A tensor a backward rule needs, with the version it had when saved, so a
/// later in-place change is caught instead of silently giving wrong gradients.
struct SavedTensor {
    let tensor: Tensor
    let version: Int
    /// Whether it is the node's own result (the error text then names this
    /// node; a saved input names whatever produced it at the time of the error).
    let isOutput: Bool
}

/// A node's backward rule, in one of two forms:
/// - `closure`: captures what it reads (most ops);
/// - `table`: captures nothing and reads the node's saved tensors and
///   `attribute` instead. A closure without captures needs no heap context,
///   so the hot ops (arithmetic, mse) record one object fewer each.
public enum BackwardRule {
    case closure((Tensor) throws -> InputGradients)
    case table((Node, Tensor) throws -> InputGradients)
}

/// One recorded operation (`grad_fn`): its PyTorch class name, the edges to
/// its inputs, and its backward rule mapping the output's gradient to one
/// gradient per input (nil where an input needs none).
public final class Node {
    public let name: String
    /// The edges to the first two inputs kept inline (most ops have one or
    /// two), the rest in `moreInputs`: recording an op allocates no arrays.
    private let input0, input1: Edge?
    private let moreInputs: [Edge?]
    /// The number of differentiable inputs.
    let inputCount: Int
    let rule: BackwardRule
    /// A number a `table` rule needs besides its saved tensors (an `alpha`, an
    /// exponent, a loss's scale); zero where unused.
    let attribute: Double
    /// Saved tensors, inline like the edges.
    private let saved0, saved1: SavedTensor?
    private let moreSaved: [SavedTensor]
    /// Set once a backward pass without `retain_graph` has used the saved tensors.
    @exclusivity(unchecked) var released = false
    /// Fields few nodes use, out of line (as `Tensor`'s).
    @exclusivity(unchecked) private var extras: NodeExtras?
    private var writableExtras: NodeExtras {
        if let extras { return extras }
        let made = NodeExtras()
        extras = made
        return made
    }
    /// Whether any rarely used field (hooks, retained outputs, figure output) was ever set.
    var hasExtras: Bool { extras != nil }
    /// Non-leaf outputs that asked for `.grad` (`retain_grad()`).
    var retainedOutputs: [WeakTensor] {
        get { extras?.retainedOutputs ?? [] }
        set { if !newValue.isEmpty || extras != nil { writableExtras.retainedOutputs = newValue } }
    }
    /// Hooks registered on the tensor this node produced (`register_hook`).
    var gradientHooks: [GradientHook] {
        get { extras?.gradientHooks ?? [] }
        set { if !newValue.isEmpty || extras != nil { writableExtras.gradientHooks = newValue } }
    }
    /// The gradient accumulated for this node during a backward pass.
    @exclusivity(unchecked) var pendingGradient: Tensor?
    /// The backward pass (per thread's context) that last visited this node.
    @exclusivity(unchecked) var visitedInPass = 0
    /// A short symbol for figures (`+`, `*`, `**2`…).
    public let symbol: String
    /// The tensor this node produced, for computation-graph figures (its value
    /// at op nodes), kept only under `EngineContext.keepsOperationOutputs`.
    /// Weak: the tensor owns its `gradFn`, not the other way round.
    public internal(set) var output: Tensor? {
        get { extras?.output }
        set { if newValue != nil || extras != nil { writableExtras.output = newValue } }
    }

    convenience init(name: String, symbol: String, inputs: [Edge?], saved: [SavedTensor], rule: @escaping (Tensor) throws -> InputGradients) {
        self.init(name: name, symbol: symbol, inputs: inputs, saved: saved, rule: .closure(rule), attribute: 0)
    }

    init(name: String, symbol: String, inputs: [Edge?], saved: [SavedTensor], rule: BackwardRule, attribute: Double) {
        self.name = name
        self.symbol = symbol
        inputCount = inputs.count
        input0 = inputs.count > 0 ? inputs[0] : nil
        input1 = inputs.count > 1 ? inputs[1] : nil
        moreInputs = inputs.count > 2 ? Array(inputs[2...]) : []
        saved0 = saved.count > 0 ? saved[0] : nil
        saved1 = saved.count > 1 ? saved[1] : nil
        moreSaved = saved.count > 2 ? Array(saved[2...]) : []
        self.rule = rule
        self.attribute = attribute
    }

    /// The node of an op with at most two inputs and two saved tensors, built without arrays.
    init(name: String, symbol: String, inputCount: Int, input0: Edge?, input1: Edge?,
         saved0: SavedTensor?, saved1: SavedTensor?, rule: BackwardRule, attribute: Double) {
        self.name = name
        self.symbol = symbol
        self.inputCount = inputCount
        self.input0 = input0
        self.input1 = input1
        moreInputs = []
        self.saved0 = saved0
        self.saved1 = saved1
        moreSaved = []
        self.rule = rule
        self.attribute = attribute
    }

    /// The edge to input `i` (nil where that input needs no grad).
    @inline(__always)
    func input(_ i: Int) -> Edge? {
        switch i {
        case 0: return input0
        case 1: return input1
        default: return moreInputs[i - 2]
        }
    }

    /// Input `i`'s edge without reference counting, for the backward pass
    /// (the graph's roots keep every node and leaf alive meanwhile).
    enum UnretainedEdge {
        case none
        case node(Unmanaged<Node>)
        case leaf(Unmanaged<Tensor>)
    }

    @inline(__always)
    func unretainedInput(_ i: Int) -> UnretainedEdge {
        func unretained(_ edge: Edge?) -> UnretainedEdge {
            switch edge {
            case .node(let n)?: return .node(.passUnretained(n))
            case .leaf(let t)?: return .leaf(.passUnretained(t))
            case nil: return .none
            }
        }
        switch i {
        case 0: return unretained(input0)
        case 1: return unretained(input1)
        default: return unretained(moreInputs[i - 2])
        }
    }

    /// The node behind input `i`, unretained (nil for a leaf or no edge): the
    /// backward pass's sort walks the graph without reference counting.
    @inline(__always)
    func inputNode(_ i: Int) -> Unmanaged<Node>? {
        if case .node(let n) = unretainedInput(i) { return n }
        return nil
    }

    /// Whether input `i` takes a gradient (PyTorch's `needs_input_grad`).
    @inline(__always)
    public func needsGradient(_ i: Int) -> Bool { input(i) != nil }

    /// Saved tensor `i` (in the order of `saving:`, then the output), for `table` rules.
    @inline(__always)
    public func savedTensor(_ i: Int) -> Tensor {
        switch i {
        case 0: return saved0!.tensor
        case 1: return saved1!.tensor
        default: return moreSaved[i - 2].tensor
        }
    }

    /// One entry per differentiable input, nil where that input needs no grad.
    public var inputs: [Edge?] { (0..<inputCount).map(input) }

    /// The tensors the rule reads, with their versions at save time.
    var saved: [SavedTensor] {
        var all: [SavedTensor] = []
        if let saved0 { all.append(saved0) }
        if let saved1 { all.append(saved1) }
        return all + moreSaved
    }

    /// Keeps `tensor` as this node's output when the context draws graphs
    /// (figures show the value an op produced).
    @inline(__always)
    func rememberOutput(_ tensor: Tensor) {
        if EngineContext.withCurrent({ $0.keepsOperationOutputs }) { output = tensor }
    }

    /// `next_functions` as PyTorch shows them: the input nodes, `AccumulateGrad`
    /// for leaves, nil for inputs without grad.
    public var nextFunctions: [Edge?] { inputs }

    /// Runs the backward rule after checking the saved tensors are still valid.
    func apply(_ grad: Tensor) throws -> InputGradients {
        guard saved0 != nil else { return try invokeRule(grad) }
        if released {
            throw TorchError.runtime("Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.")
        }
        try checkVersion(saved0)
        try checkVersion(saved1)
        for s in moreSaved { try checkVersion(s) }
        return try invokeRule(grad)
    }

    @inline(__always)
    private func invokeRule(_ grad: Tensor) throws -> InputGradients {
        switch rule {
        case .closure(let rule): return try rule(grad)
        case .table(let rule): return try rule(self, grad)
        }
    }

    /// PyTorch's error when a saved tensor was changed in place after saving.
    @inline(__always)
    private func checkVersion(_ saved: SavedTensor?) throws {
        if let s = saved, s.tensor.version != s.version {
            let t = s.tensor
            let shape = "[" + t.shape.map(String.init).joined(separator: ", ") + "]"
            let origin = (s.isOutput ? name : t.gradFn?.name).map { ", which is output 0 of \(Node.opName($0))," } ?? ""
            throw TorchError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: [\(t.dtype.legacyTypeName) \(shape)]\(origin) is at version \(t.version); expected version \(s.version) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
        }
    }

    /// `SigmoidBackward0` → `Sigmoid`, as version errors name ops.
    static func opName(_ nodeName: String) -> String {
        var n = nodeName
        while let last = n.last, last.isNumber { n.removeLast() }
        if n.hasSuffix("Backward") { n.removeLast("Backward".count) }
        return n
    }

    /// `LogSoftmaxBackward0` → `log_softmax`, as forward-AD errors name ops.
    static func forwardOpName(_ nodeName: String) -> String {
        var out = ""
        for (i, c) in opName(nodeName).enumerated() {
            if c.isUppercase && i > 0 { out.append("_") }
            out.append(c.lowercased())
        }
        return out
    }

    /// The local derivative of this node's (scalar) output with respect to each
    /// input, for figures: the rule applied to a gradient of one. Ignores release.
    public func localDerivatives(outputDType: DType) -> [Tensor?]? {
        try? untracked { try invokeRule(Tensor.scalar(1, dtype: outputDType)).array }
    }
}

struct WeakTensor {
    weak var tensor: Tensor?
}

/// The rarely used fields of a `Node`.
final class NodeExtras {
    var retainedOutputs: [WeakTensor] = []
    var gradientHooks: [GradientHook] = []
    weak var output: Tensor?
}
