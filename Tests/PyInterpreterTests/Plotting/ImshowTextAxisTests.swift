import XCTest
@testable import PyInterpreter

/// `imshow`, `text` and `axis` from cells, as in the makemore lessons.
/// Colours, limits and printed values are matplotlib 3.11's for the same
/// calls (`AxesImage.to_rgba` through `to_hex`; limits print there as `np.float64(…)`).
final class ImshowTextAxisTests: PlottingTestCase {
    func testBigramCountsWithLabelsAndAxisOff() {
        assertOutput("""
        import torch
        import matplotlib.pyplot as plt
        N = torch.tensor([[0, 3, 1], [7, 2, 0]])
        itos = {0: '.', 1: 'a', 2: 'b'}
        plt.figure(figsize=(4, 4))
        im = plt.imshow(N, cmap='Blues')
        for i in range(2):
            for j in range(3):
                chstr = itos[i] + itos[j]
                plt.text(j, i, chstr, ha="center", va="bottom", color='gray')
                t = plt.text(j, i, N[i, j].item(), ha="center", va="top", color='gray')
        print(t)
        print(plt.axis('off'))
        print(plt.xlim(), plt.ylim())
        plt.show()
        """, """
        Text(2, 1, '0')
        (-0.5, 2.5, 1.5, -0.5)
        (-0.5, 2.5) (1.5, -0.5)

        """)
        XCTAssertEqual(renderer.plots.count, 1)
        let description = RecordingFigureRenderer.describe(renderer.plots[0].figure, idPrefix: "f")
        let lines = description.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(4)), [
            "figure f 4.0x4.0",
            "  axes 0,0 of 1x1 axis=off aspect=1.0,box",
            "    image 2x3 extent=[-0.5, 2.5, 1.5, -0.5] colors=[\"#f7fbff\", \"#89bedc\", \"#dbe9f6\", \"#08306b\", \"#bad6eb\", \"#f7fbff\"]",
            "    text .. at (0.0, 0.0) center bottom #808080 10.0",
        ])
        XCTAssertEqual(lines[4], "    text 0 at (0.0, 0.0) center top #808080 10.0")
        XCTAssertEqual(lines.last, "    text 0 at (2.0, 1.0) center top #808080 10.0")
        XCTAssertEqual(lines.count, 3 + 12)
    }

    func testBooleanImageInGrayAndDefaultViridis() {
        assertOutput("""
        import torch
        import matplotlib.pyplot as plt
        h = torch.tensor([[0.5, -0.995], [0.999, 0.2], [-0.1, 1.0]])
        plt.figure()
        im = plt.imshow(h.abs() > 0.99, cmap='gray', interpolation='nearest')
        print(plt.xlim(), plt.ylim())
        probs = torch.tensor([[0.1, 0.2, 0.7], [0.25, 0.5, 0.25]])
        fig, ax = plt.subplots()
        print(ax.imshow(probs))
        print(ax.get_xlim(), ax.get_ylim())
        """, """
        (-0.5, 1.5) (2.5, -0.5)
        AxesImage(shape=(2, 3))
        (-0.5, 2.5) (1.5, -0.5)

        """)
        XCTAssertEqual(renderer.plots.count, 2)
        XCTAssertEqual(RecordingFigureRenderer.describe(renderer.plots[0].figure, idPrefix: "f"), """
        figure f 6.4x4.8
          axes 0,0 of 1x1 aspect=1.0,box
            image 3x2 extent=[-0.5, 1.5, 2.5, -0.5] colors=["#000000", "#ffffff", "#ffffff", "#000000", "#000000", "#ffffff"]
        """)
        XCTAssertEqual(RecordingFigureRenderer.describe(renderer.plots[1].figure, idPrefix: "f"), """
        figure f 6.4x4.8
          axes 0,0 of 1x1 aspect=1.0,box
            image 2x3 extent=[-0.5, 2.5, 1.5, -0.5] colors=["#440154", "#443983", "#fde725", "#3b528b", "#35b779", "#3b528b"]
        """)
    }

    func testAxisLimitsEqualOnAndLowerOrigin() {
        assertOutput("""
        import matplotlib.pyplot as plt
        probs = [[0.1, 0.2, 0.7], [0.25, 0.5, 0.25]]
        fig, ax = plt.subplots()
        ax.imshow(probs)
        print(ax.axis([0, 2, 0, 1]), ax.get_ylim())
        print(ax.axis('equal'))
        print(ax.axis('on'))
        im2 = ax.imshow(probs, vmin=0, vmax=1, origin='lower', cmap='Greys')
        print(ax.get_ylim())
        plt.close()
        """, """
        (0.0, 2.0, 0.0, 1.0) (0.0, 1.0)
        (-0.5, 2.5, -0.5, 1.5)
        (-0.5, 2.5, -0.5, 1.5)
        (-0.5, 1.5)

        """)
    }

    func testGreysWithExplicitRange() throws {
        let plt = PlotSession()
        try plt.figure()
        var options = ImageOptions()
        options.colormap = "Greys"
        options.vmin = 0
        options.vmax = 1
        options.originUpper = false
        let image = try plt.gca().imshow([0.1, 0.2, 0.7, 0.25, 0.5, 0.25], rows: 2, columns: 3, options: options)
        XCTAssertEqual(image.colors.map(RecordingFigureRenderer.hex),
                       ["#f3f3f3", "#e2e2e2", "#5f5f5f", "#d9d9d9", "#959595", "#d9d9d9"])
        // Row 0 sits at the bottom with origin 'lower'.
        XCTAssertEqual(image.cell(row: 0, column: 2).y0, -0.5)
        XCTAssertEqual(image.cell(row: 0, column: 2).x1, 2.5)
    }

    func testErrorsAsMatplotlib() {
        assertError("""
        import matplotlib.pyplot as plt
        plt.axis('bad')
        """, "ValueError: Unrecognized string 'bad' to axis; try 'on' or 'off'")
        assertError("""
        import matplotlib.pyplot as plt
        plt.axis([1, 2])
        """, "TypeError: The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]")
        assertError("""
        import matplotlib.pyplot as plt
        plt.imshow([1, 2])
        """, "TypeError: Invalid shape (2,) for image data")
        assertError("""
        import matplotlib.pyplot as plt
        plt.imshow([[1, 2]], interpolation='foo')
        """, "ValueError: 'foo' is not a valid value for interpolation.")
        assertError("""
        import matplotlib.pyplot as plt
        plt.text(0, 0, 'a', ha='middle')
        """, "ValueError: 'middle' is not a valid value for align. Supported values are 'center', 'right', 'left'")
        assertError("""
        import matplotlib.pyplot as plt
        plt.imshow([[1, 2]], cmap='nope')
        """, "ValueError: 'nope' is not a colormap supported here; supported values are 'viridis', 'plasma', 'coolwarm', 'tab10', 'Blues', 'Greys', 'gray'")
        assertError("""
        import matplotlib.pyplot as plt
        plt.imshow([[1, 2]], vmin=2, vmax=1)
        """, "ValueError: minvalue must be less than or equal to maxvalue")
    }
}
