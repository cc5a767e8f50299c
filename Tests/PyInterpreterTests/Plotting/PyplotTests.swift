import XCTest
@testable import PyInterpreter

/// `matplotlib.pyplot` from cells. Printed values were checked against
/// matplotlib 3.11 (which prints limits as `np.float64(…)`; Python floats here).
final class PyplotTests: PlottingTestCase {
    func testLossCurve() {
        assertOutput("""
        import matplotlib.pyplot as plt
        losses = []
        for epoch in range(5):
            losses.append(1.0 / (epoch + 1))
        plt.figure(figsize=(5, 3))
        lines = plt.plot(losses, 'r--', label='train')
        t = plt.title('Training loss')
        print(t, plt.xlabel('epoch'), plt.ylabel('loss'))
        leg = plt.legend(loc='upper right')
        plt.grid(True)
        print(len(lines), lines[0].get_ydata()[:2], plt.xlim(), plt.ylim())
        print(plt.gcf(), repr(plt.gcf()), repr(plt.gca()))
        plt.show()
        """, """
        Text(0.5, 1.0, 'Training loss') Text(0.5, 0, 'epoch') Text(0, 0.5, 'loss')
        1 [1.0, 0.5] (-0.2, 4.2) (0.16, 1.04)
        Figure(500x300) <Figure size 500x300 with 1 Axes> <Axes: title={'center': 'Training loss'}, xlabel='epoch', ylabel='loss'>

        """)
        XCTAssertEqual(renderer.plots.count, 1)
        XCTAssertEqual(RecordingFigureRenderer.describe(renderer.plots[0].figure, idPrefix: "f"), """
        figure f 5.0x3.0
          axes 0,0 of 1x1 title=Training loss xlabel=epoch ylabel=loss grid legend=upper right
            line train #ff0000 --  x=[0.0, 1.0, 2.0, 3.0, 4.0] y=[1.0, 0.5, 0.3333333333333333, 0.25, 0.2]
        """)
    }

    func testSubplotsGridWithTupleIndexing() {
        assertOutput("""
        import matplotlib.pyplot as plt
        fig, axes = plt.subplots(2, 2, figsize=(8, 6))
        print(axes.shape, len(axes), axes.ndim, axes.size)
        axes[0, 1].plot([1, 2, 3], [3, 1, 2])
        axes[1][0].set_title('bottom left')
        for ax in axes.flat:
            ax.grid(True)
        print(axes[0, 1] is axes.flatten()[1], axes[-1, -1] is axes.ravel()[3])
        (a, b), (c, d) = axes
        print(c is axes[1, 0], plt.gca() is a, plt.gca() is d)
        print(axes[1])
        print(axes[:, 0])
        print(str(axes[1, 1]), str(b))
        print(repr(axes))
        print(fig)
        for key in [(2, 0), (0, 5), (0, 0, 0)]:
            try:
                axes[key]
            except IndexError as e:
                print("IndexError:", e)
        """, """
        (2, 2) 2 2 4
        True True
        True False True
        [<Axes: title={'center': 'bottom left'}> <Axes: >]
        [<Axes: > <Axes: title={'center': 'bottom left'}>]
        Axes(0.547727,0.11;0.352273x0.35) Axes(0.547727,0.53;0.352273x0.35)
        array([[<Axes: >, <Axes: >],
               [<Axes: title={'center': 'bottom left'}>, <Axes: >]], dtype=object)
        Figure(800x600)
        IndexError: index 2 is out of bounds for axis 0 with size 2
        IndexError: index 5 is out of bounds for axis 1 with size 2
        IndexError: too many indices for array: array is 2-dimensional, but 3 were indexed

        """)
        XCTAssertEqual(renderer.plots.count, 1)
        XCTAssertEqual(RecordingFigureRenderer.describe(renderer.plots[0].figure, idPrefix: "f"), """
        figure f 8.0x6.0
          axes 0,0 of 2x2 grid
          axes 0,1 of 2x2 grid
            line - #1f77b4 -  x=[1.0, 2.0, 3.0] y=[3.0, 1.0, 2.0]
          axes 1,0 of 2x2 title=bottom left grid
          axes 1,1 of 2x2 grid
        """)
    }
}

extension PyplotTests {
    func testLegendWithoutLabelsWarnsOnce() {
        let r = run("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        leg = plt.legend()
        print(leg)
        """, firstLine: 10)
        XCTAssertNil(r.error)
        XCTAssertEqual(r.output, "Legend\n")
        XCTAssertEqual(r.warnings, ["test.md:12: UserWarning: " + PlotAxes.noLegendEntriesWarning + "\n  leg = plt.legend()"])
    }

    func testFormatStringsAndLineKeywords() {
        assertOutput("""
        import matplotlib.pyplot as plt
        x = [0, 1, 2]
        lines = plt.plot(x, [1, 2, 3], 'go-', x, [3, 2, 1], 'k:', [5, 6], lw=3)
        print(len(lines))
        l2 = plt.plot([1, 2], color='tab:orange', linestyle='--', marker='s', markersize=4, alpha=0.5, label='b')
        print(l2[0].get_label())
        """, "3\nb\n")
        XCTAssertEqual(renderer.plots.count, 1)
        XCTAssertEqual(RecordingFigureRenderer.describe(renderer.plots[0].figure, idPrefix: "f"), """
        figure f 6.4x4.8
          axes 0,0 of 1x1
            line - #008000 - o x=[0.0, 1.0, 2.0] y=[1.0, 2.0, 3.0]
            line - #000000 :  x=[0.0, 1.0, 2.0] y=[3.0, 2.0, 1.0]
            line - #1f77b4 -  x=[0.0, 1.0] y=[5.0, 6.0]
            line b #ff7f0e@0.50 -- s x=[0.0, 1.0] y=[1.0, 2.0]
        """)
        guard case .line(let thick) = renderer.plots[0].figure.axes[0].artists[0],
              case .line(let small) = renderer.plots[0].figure.axes[0].artists[3] else { return XCTFail("no lines") }
        XCTAssertEqual(thick.lineWidth, 3)
        XCTAssertEqual(small.markerSize, 4)
    }

    func testTensorsAsData() {
        assertOutput("""
        import torch
        import matplotlib.pyplot as plt
        xs = torch.arange(5.)
        plt.plot(xs, xs ** 2)
        lines = plt.plot(torch.zeros(2, 3))
        print(len(lines), lines[2].get_xdata())
        n, bins, patches = plt.hist(torch.tensor([1., 2., 2., 3., 3., 3.]), bins=3)
        print(n, len(bins), patches)
        plt.scatter(torch.tensor([0., 1.]), [2, 3], c=torch.tensor([0, 1]))
        w = torch.tensor([1., 2.], requires_grad=True)
        try:
            plt.plot(w)
        except RuntimeError as e:
            print(e)
        try:
            plt.plot([w[0] * 2, 1.0])
        except RuntimeError as e:
            print(e)
        plt.plot(w.detach(), label='detached')
        """, """
        3 [0.0, 1.0]
        [1.0, 2.0, 3.0] 4 <BarContainer object of 3 artists>
        Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.
        Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.

        """)
        XCTAssertEqual(RecordingFigureRenderer.describe(renderer.plots[0].figure, idPrefix: "f"), """
        figure f 6.4x4.8
          axes 0,0 of 1x1
            line - #1f77b4 -  x=[0.0, 1.0, 2.0, 3.0, 4.0] y=[0.0, 1.0, 4.0, 9.0, 16.0]
            line - #ff7f0e -  x=[0.0, 1.0] y=[0.0, 0.0]
            line - #2ca02c -  x=[0.0, 1.0] y=[0.0, 0.0]
            line - #d62728 -  x=[0.0, 1.0] y=[0.0, 0.0]
            bars - heights=[1.0, 2.0, 3.0]
            scatter - n=2 colors=["#440154", "#fde725"]
            line detached #8c564b -  x=[0.0, 1.0] y=[1.0, 2.0]
        """)
    }

    func testErrorsAreMatplotlibs() {
        let cases: [(String, String)] = [
            ("plt.plot([1, 2], [1, 2, 3])", "ValueError: x and y must have same first dimension, but have shapes (2,) and (3,)"),
            ("plt.plot([1], foo=1)", "AttributeError: Line2D.set() got an unexpected keyword argument 'foo'"),
            ("plt.scatter([1], [1], foo=1)", "AttributeError: PathCollection.set() got an unexpected keyword argument 'foo'"),
            ("plt.bar([1], [1], foo=1)", "AttributeError: Rectangle.set() got an unexpected keyword argument 'foo'"),
            ("plt.title('t', foo=1)", "AttributeError: Text.set() got an unexpected keyword argument 'foo'"),
            ("plt.plot([1], 'rgx')", "ValueError: 'rgx' is not a valid format string (two color symbols)"),
            ("plt.subplot(2, 2, 5)", "ValueError: num must be an integer with 1 <= num <= 4, not 5"),
            ("plt.legend(foo=1)", "TypeError: Legend.__init__() got an unexpected keyword argument 'foo'"),
            ("plt.hist([1, 2], bins=0)", "ValueError: `bins` must be positive, when an integer"),
            ("plt.scatter([1, 2], [1])", "ValueError: x and y must be the same size"),
            ("plt.plot([1], color='r', c='g')", "TypeError: Got both 'color' and 'c', which are aliases of one another"),
            ("plt.figure(figsize=(-1, 2))", "ValueError: figure size must be positive finite not (-1, 2)"),
            ("plt.figure(figsize=(3,))", "ValueError: Invalid figsize format, expected (x, y) or (x, y, unit) but got (3,)"),
            ("plt.subplots(0)", "ValueError: Number of rows must be a positive integer, not 0"),
            ("plt.plot([1], linestyle='x')", "ValueError: 'x' is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'"),
            ("plt.plot([1], marker='Q')", "ValueError: Unrecognized marker style 'Q'"),
            ("plt.bar([1, 2, 3], [1, 2])", "ValueError: shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between 'x' with shape (3,) and 'height' with shape (2,)."),
            ("plt.plot([[1, 2], [3]])", "ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part."),
            ("plt.grid(True, axis='z')", "ValueError: 'z' is not a valid value for axis; supported values are 'x', 'y', 'both'"),
            ("plt.xlim(left=1, xmin=2)", "TypeError: Cannot pass both 'left' and 'xmin'"),
            ("plt.xticks([1, 2], ['a'])", "ValueError: The number of FixedLocator locations (2), usually from a call to set_ticks, does not match the number of labels (1)."),
            ("plt.plot(None)", "ValueError: x, y, and format string must not be None"),
            ("plt.legend(loc=11)", "ValueError: loc must be string, coordinate tuple, or an integer 0-10, not 11"),
            ("plt.subplot(1234)", "ValueError: Integer subplot specification must be a three-digit number, not 1234"),
        ]
        run("import matplotlib.pyplot as plt")
        for (code, summary) in cases {
            assertError(code, summary)
            run("plt.close('all')")
        }
    }
}

extension PyplotTests {
    func testAxesAndFigureMethods() {
        assertOutput("""
        import matplotlib
        matplotlib.use('Agg')
        from matplotlib import pyplot as plt
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
        print(ax1.set_xlim(0, 10), ax1.set_xlim((1, 5)), ax1.set_xlim(right=8), ax1.get_xlim())
        print(plt.ylim(-1, 1), plt.ylim())
        ax2.set(title='right', xlabel='x', ylabel='y', xlim=(0, 2), yscale='log')
        print(ax2.get_title(), ax2.get_xlabel(), ax2.get_ylabel(), ax2.get_xscale(), ax2.get_yscale(), ax2.get_xlim())
        ax2.semilogx([1, 10, 100], [1, 2, 3])
        print(ax2.get_xscale())
        print(fig.suptitle('Both'))
        fig.tight_layout()
        fig.set_size_inches(6, 3)
        print(fig, ax1.figure is fig, ax2.get_figure() is fig)
        f, axes = plt.subplots(2, 1, squeeze=False)
        print(axes.shape)
        f3 = plt.figure()
        a = f3.add_subplot(121)
        b = f3.add_subplot(1, 2, 2)
        print(a, b, len(f3.axes), f3.axes[1] is b)
        print(plt.gcf() is f3)
        plt.close(f3)
        print(plt.gcf() is f)
        plt.close(f)
        """, """
        (0.0, 10.0) (1.0, 5.0) (1.0, 8.0) (1.0, 8.0)
        (-1.0, 1.0) (-1.0, 1.0)
        right x y linear log (0.0, 2.0)
        log
        Text(0.5, 0.98, 'Both')
        Figure(600x300) True True
        (2, 1)
        Axes(0.125,0.11;0.352273x0.77) Axes(0.547727,0.11;0.352273x0.77) 2 True
        True
        True

        """)
        XCTAssertEqual(renderer.plots.map(\.idPrefix), ["fig-0-1"])
        XCTAssertEqual(RecordingFigureRenderer.describe(renderer.plots[0].figure, idPrefix: "f"), """
        figure f 6.0x3.0 suptitle=Both tight
          axes 0,0 of 1x2
          axes 0,1 of 1x2 title=right xlabel=x ylabel=y xscale=log yscale=log
            line - #1f77b4 -  x=[1.0, 10.0, 100.0] y=[1.0, 2.0, 3.0]
        """)
        XCTAssertEqual(renderer.plots[0].figure.axes[0].xAxis.limits, AxisRange(1, 8))
        // plt.ylim went to the current Axes, the last one subplots made (as in matplotlib).
        XCTAssertNil(renderer.plots[0].figure.axes[0].yAxis.limits)
        XCTAssertEqual(renderer.plots[0].figure.axes[1].yAxis.limits, AxisRange(-1, 1))
    }

    func testSavefigWarnsAndWritesNothing() {
        let r = run("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        plt.savefig('loss.png', dpi=150)
        """)
        XCTAssertNil(r.error)
        XCTAssertEqual(r.warnings, ["test.md:3: UserWarning: savefig() writes no files in Litgrad: figures are shown inline in the rendered notebook; 'loss.png' was not written\n  plt.savefig('loss.png', dpi=150)"])
        XCTAssertEqual(r.figures.count, 1)
    }

    func testSharedAxesWarnThatTheyAreNotDrawn() {
        let r = run("""
        import matplotlib.pyplot as plt
        fig, axes = plt.subplots(1, 3, sharey=True)
        print(len(axes))
        """)
        XCTAssertEqual(r.output, "3\n")
        XCTAssertEqual(r.warnings.map { $0.components(separatedBy: "\n")[0] },
                       ["test.md:2: UserWarning: sharey is not drawn by Litgrad: each Axes keeps its own limits and tick labels"])
    }
}

extension PyplotTests {
    /// Colormap colours as matplotlib.colors.to_hex(coolwarm(v)).
    func testScatterBarAndHistOptions() throws {
        assertOutput("""
        import matplotlib.pyplot as plt
        pc = plt.scatter([0, 1, 2], [1, 2, 3], s=[10, 20, 30], c=[0.0, 0.5, 1.0], cmap='coolwarm', edgecolors='k', alpha=0.5, label='pts')
        bars = plt.bar(['a', 'b'], [3, 4], color=['r', 'g'], edgecolor='k', tick_label=['A', 'B'])
        print(bars, len(bars))
        n, edges, patches = plt.hist([1, 2, 2, 3], bins=[0, 1, 2, 3, 4], histtype='step', density=True, label='h')
        print(n, edges, len(patches), type(patches[0]).__name__)
        leg = plt.legend(title='Key', ncol=2, frameon=False, fontsize='small', loc=2)
        """, """
        <BarContainer object of 2 artists> 2
        [0.0, 0.25, 0.5, 0.25] [0.0, 1.0, 2.0, 3.0, 4.0] 1 Polygon

        """)
        let axes = renderer.plots[0].figure.axes[0]
        guard case .scatter(let points) = axes.artists[0], case .bars(let bars) = axes.artists[1],
              case .step(let step) = axes.artists[2] else { return XCTFail("artists: \(axes.artists)") }
        XCTAssertEqual(points.sizes, [10, 20, 30])
        XCTAssertEqual(points.colors.map(RecordingFigureRenderer.hex), ["#3b4cc0@0.50", "#dddcdc@0.50", "#b40426@0.50"])
        XCTAssertEqual(points.edgeColors, [PlotColor(red: 0, green: 0, blue: 0, alpha: 0.5)])
        XCTAssertEqual(points.label, "pts")
        XCTAssertEqual(bars.colors.map(RecordingFigureRenderer.hex), ["#ff0000", "#008000"])
        XCTAssertEqual(axes.xAxis.categories, ["a", "b"])
        XCTAssertEqual(axes.xAxis.fixedTickLabels, ["A", "B"])
        XCTAssertEqual(step.label, "h")
        XCTAssertEqual(axes.legend?.title, "Key")
        XCTAssertEqual(axes.legend?.columns, 2)
        XCTAssertEqual(axes.legend?.frameOn, false)
        XCTAssertEqual(axes.legend?.fontSize ?? 0, 8.33, accuracy: 1e-9)
        XCTAssertEqual(axes.legend?.location, .upperLeft)
    }

    func testTicksTextKeywordsAndOneRowOfSubplots() {
        assertOutput("""
        import matplotlib.pyplot as plt
        fig, axes = plt.subplots(1, 3)
        print(len(axes), axes.shape, axes[-1] is axes[2])
        for i, ax in enumerate(axes):
            ax.plot([0, 1], [i, i])
        plt.sca(axes[0])
        plt.xticks([0, 0.5, 1], ['lo', 'mid', 'hi'], rotation=45)
        plt.yticks(fontsize=8)
        axes[1].set_xticks([0, 1])
        axes[1].set_xticklabels(['a', 'b'], rotation=90)
        axes[2].set_title('third', fontsize=14, loc='left', pad=10)
        plt.suptitle('Row', fontweight='bold')
        """, "3 (3,) True\n")
        let figure = renderer.plots[0].figure
        XCTAssertEqual(figure.suptitle, "Row")
        XCTAssertEqual(figure.axes[0].xAxis.fixedTicks, [0, 0.5, 1])
        XCTAssertEqual(figure.axes[0].xAxis.fixedTickLabels, ["lo", "mid", "hi"])
        XCTAssertEqual(figure.axes[1].xAxis.fixedTickLabels, ["a", "b"])
        XCTAssertEqual(figure.axes[2].title, "third")
        assertError("plt.gca().set_yticklabels(['x'])",
                    "ValueError: tick labels need fixed ticks here: set the tick positions first (set_yticks)")
    }

    func testFigureNumbersAndClose() {
        assertOutput("""
        import matplotlib.pyplot as plt
        f1 = plt.figure()
        f2 = plt.figure()
        print(plt.figure(1) is f1, plt.gcf() is f1)
        plt.close(1)
        print(plt.gcf() is f2)
        plt.close('all')
        plt.close('no such figure')
        plt.close()
        print(plt.figure().number)
        """, "True True\nTrue\n1\n")
        assertError("plt.close([1])", "TypeError: 'fig' must be an instance of matplotlib.figure.Figure, int, str or None, not a list")
    }
}
