import Autograd
import NN

/// `torch.utils.data`: Dataset (subclassable), TensorDataset, DataLoader,
/// Subset and random_split.
enum DataBinding {
    /// A Python-defined dataset seen by the engine: `__len__` and `__getitem__`
    /// called back, numbers turned into tensors as `default_collate` does.
    final class PythonDataset: Dataset {
        let object: Value
        unowned let interpreter: Interpreter
        init(_ object: Value, _ interpreter: Interpreter) {
            self.object = object
            self.interpreter = interpreter
        }
        var count: Int { (try? interpreter.length(object)) ?? 0 }
        func item(_ index: Int) throws -> [Tensor] {
            let v = try interpreter.callMethod(object, "__getitem__", Arguments([.int(index)]))
            if case .object(let o) = v, o is PyTuple || o is PyList {
                return try interpreter.iterate(v).map(tensor)
            }
            return [try tensor(v)]
        }
        private func tensor(_ v: Value) throws -> Tensor {
            if let t = TorchValues.tensor(v) { return t }
            switch v {
            case .int(let i): return Tensor.scalar(Double(i), dtype: .int64)
            case .float(let d): return Tensor.scalar(d, dtype: .float64)
            case .bool(let b): return Tensor.scalar(b ? 1 : 0, dtype: .bool)
            default: throw PyError(.typeError, "default_collate: batch must contain tensors, numbers, dicts or lists; found \(v.pyType.fullName)")
            }
        }
    }

    static func dataset(_ interp: Interpreter, _ v: Value) -> Dataset {
        if let d = v.payload(AnyObject.self) as? Dataset { return d }
        return PythonDataset(v, interp)
    }

    /// A batch (or item) as Python sees it: a list of tensors for tuple items.
    static func pyItem(_ tensors: [Tensor]) -> Value { .list(tensors.map(TorchValues.box)) }

    static let datasetBase: PyType = NativeClassBuilder("Dataset", module: "torch.utils.data.dataset")
        .initializer { _, _, _ in .none }
        .method("__getitem__") { _, this, _ in
            throw PyError(.notImplementedError, "Subclasses of Dataset should implement __getitem__.")
        }
        .build()

    static let tensorDataset: PyType = NativeClassBuilder("TensorDataset", module: "torch.utils.data.dataset", base: datasetBase)
        .initializer { _, this, args in
            let tensors = try args.positional.map { try TorchValues.requireTensor($0, "TensorDataset", "tensors") }
            this.instance?.payload = try TensorDataset(tensors)
            return .none
        }
        .method("__len__") { _, this, _ in .int(try this.requirePayload(TensorDataset.self, "TensorDataset").count) }
        .method("__getitem__") { interp, this, args in
            let d = try this.requirePayload(TensorDataset.self, "TensorDataset")
            if case .int(let i) = args.positional[0] {
                let n = d.count
                guard i >= -n && i < n else { throw PyError(.indexError, "index \(i) is out of bounds for dimension 0 with size \(n)") }
                return .tuple(try d.item(i < 0 ? i + n : i).map(TorchValues.box))
            }
            return .tuple(try d.tensors.map { t in try interp.callMethod(TorchValues.box(t), "__getitem__", args) })
        }
        .property("tensors") { _, this in .tuple(try this.requirePayload(TensorDataset.self, "TensorDataset").tensors.map(TorchValues.box)) }
        .build()

    static let subset: PyType = NativeClassBuilder("Subset", module: "torch.utils.data.dataset", base: datasetBase)
        .initializer { interp, this, args in
            let a = try NativeSignature("Subset", "dataset", "indices").bind(args)
            this.instance?.payload = Subset(dataset(interp, a["dataset"]), indices: try TorchValues.ints(interp, a["indices"], "indices"))
            return .none
        }
        .method("__len__") { _, this, _ in .int(try this.requirePayload(Subset.self, "Subset").count) }
        .method("__getitem__") { interp, this, args in
            .tuple(try this.requirePayload(Subset.self, "Subset").item(interp.indexValue(args.positional[0])).map(TorchValues.box))
        }
        .property("indices") { _, this in .list(try this.requirePayload(Subset.self, "Subset").indices.map { .int($0) }) }
        .build()

    final class LoaderIterator {
        let epoch: DataLoaderEpoch
        init(_ epoch: DataLoaderEpoch) { self.epoch = epoch }
    }

    static let loaderIterator: PyType = NativeClassBuilder("_SingleProcessDataLoaderIter", module: "torch.utils.data.dataloader", instantiable: false)
        .method("__iter__") { _, this, _ in this }
        .method("__next__") { interp, this, _ in
            try interp.tick()
            guard let batch = try this.requirePayload(LoaderIterator.self, "iterator").epoch.nextBatch() else {
                throw PyError(.stopIteration, "")
            }
            return pyItem(batch)
        }
        .build()

    static let dataLoader: PyType = NativeClassBuilder("DataLoader", module: "torch.utils.data.dataloader")
        .initializer { interp, this, args in
            let a = try NativeSignature("DataLoader", "dataset", .init("batch_size", default: .int(1)), .init("shuffle", default: .none),
                                        .init("sampler", default: .none), .init("batch_sampler", default: .none),
                                        .init("num_workers", default: .int(0)), .init("collate_fn", default: .none),
                                        .init("pin_memory", default: .bool(false)), .init("drop_last", default: .bool(false)),
                                        .init("timeout", default: .int(0)), .init("worker_init_fn", default: .none),
                                        .keywordOnly("generator", default: .none)).bind(args)
            let generator = try a.optional("generator").map { _ in try TorchGeneratorBinding.generator(a) }
            let shuffle = try a.optional("shuffle").map { try interp.isTruthy($0) } ?? false
            this.instance?.payload = try DataLoader(dataset(interp, a["dataset"]), batchSize: a.optionalInt("batch_size"),
                                                    shuffle: shuffle, dropLast: a.bool("drop_last"), generator: generator)
            try interp.genericSetAttribute(this.instance!, Symbol.intern("dataset"), a["dataset"])
            try interp.genericSetAttribute(this.instance!, Symbol.intern("batch_size"), a["batch_size"])
            return .none
        }
        .method("__iter__") { _, this, _ in
            .object(PyInstance(cls: loaderIterator, payload: LoaderIterator(try this.requirePayload(DataLoader.self, "DataLoader").epoch())))
        }
        .method("__len__") { _, this, _ in .int(try this.requirePayload(DataLoader.self, "DataLoader").count) }
        .build()

    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "torch.utils.data")
        m["Dataset"] = .object(datasetBase)
        m["TensorDataset"] = .object(tensorDataset)
        m["DataLoader"] = .object(dataLoader)
        m["Subset"] = .object(subset)
        m.addFunction("random_split") { interp, args in
            let a = try NativeSignature("random_split", "dataset", "lengths", .init("generator", default: .none)).bind(args)
            let lengths = try interp.iterate(a["lengths"]).map { try interp.toDouble($0) }
            let parts = try randomSplit(dataset(interp, a["dataset"]), lengths: lengths, generator: TorchGeneratorBinding.generator(a))
            return .list(parts.map { .object(PyInstance(cls: subset, payload: $0)) })
        }
        return m
    }
}
