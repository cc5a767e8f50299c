import Autograd
import Foundation

/// Times each kernel on notebook-sized inputs (MNIST-like convolutions, a few
/// thousand-element reductions) and prints the median of several runs.
struct Benchmark {
    let name: String
    let iterations: Int
    let body: () -> Void
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func measure(_ benchmark: Benchmark) -> Double {
    benchmark.body()  // warm-up
    var samples: [Double] = []
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<benchmark.iterations { benchmark.body() }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        samples.append(Double(elapsed) / Double(benchmark.iterations) / 1000)
    }
    return median(samples)
}

var generator = SystemRandomNumberGenerator()
func randomFloats(_ count: Int) -> [Float] {
    (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
}

var sink: Float = 0
let million = randomFloats(1_000_000)
let batch = randomFloats(64 * 1 * 28 * 28)
let convWeight = randomFloats(8 * 1 * 5 * 5)
let convBias = randomFloats(8)
let logits = randomFloats(64 * 1000)
let matrixA = randomFloats(256 * 256), matrixB = randomFloats(256 * 256)
let printable = PrintableElements.floating(randomFloats(1000).map(Double.init))
let convGeometry: Conv2dGeometry
let poolGeometry: Pool2dGeometry
do {
    convGeometry = try Conv2dGeometry(
        inputShape: [64, 1, 28, 28], weightShape: [8, 1, 5, 5], biasShape: [8], padding: [2, 2])
    poolGeometry = try Pool2dGeometry.maxPool(inputShape: [64, 8, 28, 28], kernel: [2])
} catch {
    print("benchmark setup failed: \(error)")
    exit(1)
}
let convOutput = Conv2dKernels.forward(input: batch, weight: convWeight, bias: convBias, geometry: convGeometry)
let rows = AxisSplit(outer: 64, axis: 1000, inner: 1)
let columns = AxisSplit(outer: 1, axis: 1000, inner: 1000)

let benchmarks = [
    Benchmark(name: "sum of 1M float32", iterations: 20) { sink += SumReductions.sum(million) },
    Benchmark(name: "sum over rows 64x1000 (last dim)", iterations: 200) {
        sink += SumReductions.sum(logits, rows)[0]
    },
    Benchmark(name: "sum over dim 0 of 1000x1000", iterations: 20) {
        sink += SumReductions.sum(million, columns)[0]
    },
    Benchmark(name: "softmax 64x1000 (last dim)", iterations: 50) {
        sink += SoftmaxKernels.softmax(logits, rows)[0]
    },
    Benchmark(name: "log_softmax 64x1000 (last dim)", iterations: 50) {
        sink += SoftmaxKernels.logSoftmax(logits, rows)[0]
    },
    Benchmark(name: "sgemm 256x256x256", iterations: 50) {
        sink += GEMM.matmul(matrixA, matrixB, m: 256, k: 256, n: 256)[0]
    },
    Benchmark(name: "conv2d 64x1x28x28 -> 8 ch, 5x5, pad 2", iterations: 10) {
        sink += Conv2dKernels.forward(input: batch, weight: convWeight, bias: convBias, geometry: convGeometry)[0]
    },
    Benchmark(name: "conv2d backward (input, weight, bias)", iterations: 10) {
        let gradients = Conv2dKernels.backward(
            gradOutput: convOutput, input: batch, weight: convWeight, geometry: convGeometry, needsBias: true)
        sink += gradients.weight?[0] ?? 0
    },
    Benchmark(name: "max_pool2d 64x8x28x28, 2x2", iterations: 10) {
        sink += Pool2dKernels.maxPoolForward(convOutput, geometry: poolGeometry).values[0]
    },
    Benchmark(name: "print 1000-element tensor", iterations: 50) {
        sink += Float(TensorFormatter.format(shape: [1000], elements: printable, dtype: .float32).count)
    },
]

print("BLAS threads: \(BLASThreads.current) (set on first GEMM), PyTorch threads emulated: \(TorchThreads.count)")
for benchmark in benchmarks {
    let micros = measure(benchmark)
    print(benchmark.name.padding(toLength: 42, withPad: " ", startingAt: 0)
        + String(format: "%12.1f µs", micros))
}
print("(checksum \(sink))")
