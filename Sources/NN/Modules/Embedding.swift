import Autograd

/// `nn.Embedding(num_embeddings, embedding_dim, padding_idx, max_norm,
/// norm_type, scale_grad_by_freq, sparse)`: a lookup table of rows,
/// initialised N(0, 1) with `normal_` as PyTorch does (so it draws the same
/// numbers as `torch.randn(num_embeddings, embedding_dim)`), the padding row
/// then zeroed.
public final class Embedding: Module {
    // Plain attributes in PyTorch: a cell may reassign any of them.
    public var numEmbeddings: Int
    public var embeddingDim: Int
    /// Made non-negative by the constructor (a negative argument counts from the end).
    public var paddingIdx: Int?
    public var maxNorm: OptionValue
    public var normType: OptionValue
    public var scaleGradByFreq: Bool
    public var sparse: Bool

    /// `weight` (`_weight`) is used as the table instead of a fresh one, as
    /// `from_pretrained` does; `freeze` makes it not require grad.
    public init(_ numEmbeddings: Int, _ embeddingDim: Int, paddingIdx: Int? = nil, maxNorm: OptionValue = .none,
                normType: OptionValue = .float(2), scaleGradByFreq: Bool = false, sparse: Bool = false,
                weight: Tensor? = nil, freeze: Bool = false, dtype: DType = .float32) throws {
        self.paddingIdx = try paddingIdx.map { try Functional.normalizedPaddingIndex($0, rows: numEmbeddings) }
        self.numEmbeddings = numEmbeddings
        self.embeddingDim = embeddingDim
        self.maxNorm = maxNorm
        self.normType = normType
        self.scaleGradByFreq = scaleGradByFreq
        self.sparse = sparse
        super.init(typeName: "Embedding")
        if let weight {
            guard weight.shape == [numEmbeddings, embeddingDim] else {
                throw TorchError(type: "AssertionError", message: "Shape of weight does not match num_embeddings and embedding_dim")
            }
            register(parameter: try Parameter.make(weight, requiresGrad: !freeze), named: "weight")
        } else {
            guard numEmbeddings >= 0, embeddingDim >= 0 else {
                throw TorchError.runtime("Trying to create tensor with negative dimension \(min(numEmbeddings, embeddingDim)): [\(numEmbeddings), \(embeddingDim)]")
            }
            register(parameter: try Parameter.make(Tensor.zeros([numEmbeddings, embeddingDim], dtype: dtype), requiresGrad: !freeze),
                     named: "weight")
            try resetParameters()
        }
    }

    /// `Embedding.from_pretrained(embeddings, freeze, padding_idx, …)`: the
    /// table is `embeddings` itself (shared, padding row left as it is).
    public static func fromPretrained(_ embeddings: Tensor, freeze: Bool = true, paddingIdx: Int? = nil, maxNorm: OptionValue = .none,
                                      normType: OptionValue = .float(2), scaleGradByFreq: Bool = false, sparse: Bool = false) throws -> Embedding {
        guard embeddings.dim == 2 else {
            throw TorchError(type: "AssertionError", message: "Embeddings parameter is expected to be 2-dimensional")
        }
        return try Embedding(embeddings.shape[0], embeddings.shape[1], paddingIdx: paddingIdx, maxNorm: maxNorm, normType: normType,
                             scaleGradByFreq: scaleGradByFreq, sparse: sparse, weight: embeddings, freeze: freeze)
    }

    public var weight: Tensor? { parameter(named: "weight") ?? nil }

    /// `reset_parameters()`: `normal_` over the table, then the padding row zeroed.
    public func resetParameters() throws {
        guard let weight else { return }
        if weight.count > 0 { try Init.normal(weight) }
        if let paddingIdx {
            try GradMode.with(enabled: false) { _ = try weight.select(0, paddingIdx).fillInPlace(0) }
        }
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        guard let weight else { throw TorchError.typeError("embedding(): argument 'weight' (position 2) must be Tensor, not NoneType") }
        return try Functional.embedding(input, weight, paddingIdx: paddingIdx, maxNorm: maxNorm.doubleValue,
                                        normType: normType.doubleValue ?? 2, scaleGradByFreq: scaleGradByFreq, sparse: sparse)
    }

    public override var extraRepr: String {
        var s = "\(numEmbeddings), \(embeddingDim)"
        if let paddingIdx { s += ", padding_idx=\(paddingIdx)" }
        if maxNorm != .none { s += ", max_norm=\(maxNorm.pythonStr)" }
        if normType.doubleValue != 2 { s += ", norm_type=\(normType.pythonStr)" }
        if scaleGradByFreq { s += ", scale_grad_by_freq=True" }
        if sparse { s += ", sparse=True" }
        return s
    }
}
