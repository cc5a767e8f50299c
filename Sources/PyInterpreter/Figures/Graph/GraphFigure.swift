/// A computation graph ready to draw: one node per tensor and per recorded
/// operation, edges in the direction data flows (input → op → output).
/// Plain values in a deterministic order, so the same graph always gives the
/// same figure; `GraphFigure.extract(from:names:)` builds one from a tensor.
public struct GraphFigure: Equatable, Sendable {
    /// How a tensor entered the graph, which the figure shows by its style.
    public enum TensorRole: String, Equatable, Sendable {
        /// An `nn.Parameter` (a leaf that an optimiser updates).
        case parameter
        /// A leaf created with `requires_grad=True`.
        case leaf
        /// A result computed inside the graph.
        case intermediate
        /// The tensor the figure was drawn for.
        case output
    }

    public enum NodeKind: Equatable, Sendable {
        case tensor(TensorRole)
        /// A recorded operation; `gradFn` is its PyTorch class name (`MulBackward0`).
        case operation(gradFn: String)
    }

    public struct Node: Equatable, Sendable {
        public var kind: NodeKind
        /// Tensors: the variable name, or nil if none is known. Operations: the
        /// op's symbol (`×`, `+`, `σ`) or its name without `Backward0`.
        public var title: String?
        /// Tensors: the value as PyTorch prints it for a few elements
        /// (`2.`, `[1., 2.]`), else the shape (`shape (3, 4)`).
        public var value: String?
        /// Tensors: `.grad` in the same form, once a backward pass has set it.
        public var grad: String?

        public init(kind: NodeKind, title: String?, value: String? = nil, grad: String? = nil) {
            self.kind = kind
            self.title = title
            self.value = value
            self.grad = grad
        }
    }

    /// An arrow from `nodes[from]` to `nodes[to]`. An edge from a tensor into
    /// an operation whose output is a scalar carries the local derivative of
    /// that output with respect to the tensor (`∂e/∂c = 2`).
    public struct Edge: Equatable, Sendable {
        public var from: Int
        public var to: Int
        public var label: String?

        public init(from: Int, to: Int, label: String? = nil) {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    /// Inputs before the operations that consume them; the output last.
    public var nodes: [Node]
    public var edges: [Edge]
    /// Recorded operations and leaves left out because the graph was larger
    /// than the extraction limit (0 when the figure is complete).
    public var omittedNodeCount: Int

    public init(nodes: [Node], edges: [Edge], omittedNodeCount: Int = 0) {
        self.nodes = nodes
        self.edges = edges
        self.omittedNodeCount = omittedNodeCount
    }
}
