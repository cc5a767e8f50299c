import XCTest
@testable import PyInterpreter

/// Arrays from `Tensor.numpy()` go to pyplot like the tensors they copy.
final class NumpyArrayPlottingTests: PlottingTestCase {
    func testPlotTakesNumpyArrays() {
        assertOutput("""
        import torch
        import matplotlib.pyplot as plt
        x = torch.tensor([0., 0.5, 1.])
        w = torch.tensor(2., requires_grad=True)
        y = w * x
        plt.plot(x.numpy(), y.detach().numpy())
        plt.show()
        """, "")
        XCTAssertEqual(renderer.plots.count, 1)
        guard let plot = renderer.plots.first else { return }
        XCTAssertTrue(RecordingFigureRenderer.describe(plot.figure, idPrefix: "f").contains("x=[0.0, 0.5, 1.0] y=[0.0, 1.0, 2.0]"))
    }
}
