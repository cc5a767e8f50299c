import XCTest
import Foundation
import Autograd
@testable import NN

/// Whole training runs against real PyTorch, compared as a lesson prints
/// them: reprs, `f"{loss.item():.4f}"` per step, final parameters.
final class TrainingTests: XCTestCase {
    private func int(_ v: Double) -> Tensor { Tensor.wrapped(v, dtype: .int64) }
    private func float(_ v: Double) -> Tensor { Tensor.wrapped(v, dtype: .float64) }
    private func fixed4(_ t: Tensor) throws -> String { String(format: "%.4f", try t.scalarDouble()) }
    private func linear(_ m: Module, _ i: Int) throws -> Linear {
        guard let seq = m as? Sequential, let lin = try seq.element(at: i) as? Linear else { throw TorchError.typeError("not a Linear") }
        return lin
    }

    private func regressionSGD() throws -> [String] {
        TorchGenerator.default.manualSeed(0)
        let X = try Tensor.randn([64, 3])
        let y = try X.slice(1, start: 0, end: 1).mul(int(2)).sub(X.slice(1, start: 1, end: 2)).add(float(0.5))
        let model = Sequential([try Linear(3, 16), Tanh(), try Linear(16, 1)])
        let opt = try SGD(model.parameters(), lr: 0.05, momentum: 0.9)
        let lossFn = MSELoss()
        var out = [model.repr(), opt.repr()]
        for step in 0..<40 {
            try opt.zeroGrad()
            let loss = try lossFn.forward(model.forward(X), y)
            try loss.backward()
            try opt.step()
            out.append("\(step) \(try fixed4(loss))")
        }
        out.append(try linear(model, 2).weight!.description)
        out.append(try linear(model, 2).bias!.description)
        return out
    }

    private func classifierAdam() throws -> [String] {
        TorchGenerator.default.manualSeed(1)
        let X = try Tensor.randn([120, 4])
        let y = try X.select(1, 0).gt(int(0)).to(.int64).add(X.select(1, 1).gt(float(0.5)).to(.int64))
        let loader = try DataLoader(TensorDataset([X, y]), batchSize: 16, shuffle: true)
        let model = Sequential([try Linear(4, 32), ReLU(), try Dropout(p: 0.1), try Linear(32, 3)])
        let opt = try Adam(model.parameters(), lr: 0.01)
        let lossFn = CrossEntropyLoss()
        var out = [model.repr()]
        for epoch in 0..<6 {
            model.train()
            var total = 0.0
            let batches = loader.epoch()
            while let batch = try batches.nextBatch() {
                try opt.zeroGrad()
                let loss = try lossFn.forward(model.forward(batch[0]), batch[1])
                try loss.backward()
                try opt.step()
                total += try loss.scalarDouble()
            }
            model.eval()
            let acc = try GradMode.with(enabled: false) {
                try model.forward(X).argmax(dim: 1).eq(y).to(.float32).mean()
            }
            out.append("epoch \(epoch): loss \(String(format: "%.4f", total / Double(loader.count))) acc \(try fixed4(acc))")
        }
        out.append(try linear(model, 3).bias!.description)
        out.append(try model.forward(X.slice(0, start: nil, end: 3)).description)
        return out
    }

    private func binaryAdamWStepLR() throws -> [String] {
        TorchGenerator.default.manualSeed(2)
        let X = try Tensor.randn([50, 2])
        let y = try X.select(1, 0).mul(X.select(1, 1)).gt(int(0)).to(.float32).unsqueeze(1)
        let model = Sequential([try Linear(2, 8), LeakyReLU(negativeSlope: 0.1), try Linear(8, 1)])
        let opt = try AdamW(model.parameters(), lr: 0.05)
        let scheduler = try StepLR(optimizer: opt, stepSize: 5, gamma: 0.5)
        let lossFn = BCEWithLogitsLoss()
        var out: [String] = []
        for epoch in 0..<15 {
            try opt.zeroGrad()
            let loss = try lossFn.forward(model.forward(X), y)
            try loss.backward()
            try opt.step()
            try scheduler.step { XCTFail("unexpected warning \($0.message)") }
            out.append("\(epoch) \(try fixed4(loss)) \(PythonRepr.list(scheduler.getLastLR().map(\.pythonRepr)))")
        }
        out.append(opt.repr())
        out.append(try linear(model, 0).weight!.description)
        return out
    }

    private func cnnRMSprop() throws -> [String] {
        TorchGenerator.default.manualSeed(3)
        let X = try Tensor.randn([8, 1, 8, 8])
        let y = try Tensor.randint(low: 0, high: 2, shape: [8])
        let model = Sequential([try Conv2d(1, 4, kernelSize: .int(3)), ReLU(), MaxPool2d(kernelSize: .int(2)), Flatten(), try Linear(36, 2)])
        let opt = try RMSprop(model.parameters(), lr: 0.01)
        var out = [model.repr()]
        for step in 0..<15 {
            try opt.zeroGrad()
            let loss = try Functional.crossEntropy(model.forward(X), y)
            try loss.backward()
            try opt.step()
            out.append("\(step) \(try fixed4(loss))")
        }
        guard let conv = try model.element(at: 0) as? Conv2d else { throw TorchError.typeError("not a Conv2d") }
        out.append(conv.bias!.description)
        return out
    }

    private func manualSGDLoop() throws -> [String] {
        TorchGenerator.default.manualSeed(4)
        let X = try Tensor.randn([30, 1])
        let y = try X.mul(int(3)).add(int(1)).add(Tensor.randn([30, 1]).mul(float(0.1)))
        let lin = try Linear(1, 1)
        var out = [lin.weight!.description, lin.bias!.description]
        for step in 0..<25 {
            let loss = try lin.forward(X).sub(y).pow(2).mean()
            try lin.zeroGrad()
            try loss.backward()
            try GradMode.with(enabled: false) {
                for p in lin.parameters() { try p.subInPlace(float(0.1).mul(p.grad!)) }
            }
            out.append("\(step) \(try fixed4(loss))")
        }
        out.append(lin.weight!.description)
        out.append(lin.bias!.description)
        return out
    }

    func testTrainingRunsPrintLikePyTorch() throws {
        let runs: [String: () throws -> [String]] = [
            "regression_sgd": regressionSGD, "classifier_adam": classifierAdam,
            "binary_adamw_steplr": binaryAdamWStepLR, "cnn_rmsprop": cnnRMSprop, "manual_sgd_loop": manualSGDLoop,
        ]
        for f in trainingFixtures {
            guard let run = runs[f.name] else { XCTFail("no Swift run for \(f.name)"); continue }
            let printed = try run().joined(separator: "\n")
            if printed != f.printed {
                let got = printed.split(separator: "\n", omittingEmptySubsequences: false)
                let want = f.printed.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }
                XCTFail("\(f.name): first difference at line \(first?.offset ?? min(got.count, want.count)): \(first.map { "\($0.element.0) vs \($0.element.1)" } ?? "length")")
            }
        }
    }
}
