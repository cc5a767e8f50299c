import XCTest
@testable import Autograd

/// `torch.histogram` bins, edges and densities as PyTorch 2.15 computes them
/// (expected values from real PyTorch on the same float32 inputs).
final class HistogramTests: XCTestCase {
    /// `torch.manual_seed(0); torch.randn(40)`, as bits.
    let x = Tensor(shape: [40], floats: ([
        0xbf901b85, 0xbf93808a, 0xbe804bd6, 0xbede255d, 0x3f594515, 0x3f312783, 0xbea1cc6d, 0xc0075fc1,
        0x3ea50138, 0xbfa1b4f4, 0x3eb330ff, 0x3e9dc3bb, 0x3df56f77, 0x3f9e6b93, 0x3f8ef28e, 0xbe7d367c,
        0xbfad23c2, 0xbfd91446, 0x3f111004, 0x3f4b235d, 0x3f194d8b, 0xbfc70d5b, 0xbeaec6ca, 0x3fed2f4e,
        0xbe5d0b42, 0xbf3e17a3, 0x3f100e82, 0x3e84ede2, 0xbe3222d5, 0xbf2dc250, 0x3f7031db, 0x3efa4d25,
        0x3f9a033c, 0x3dad2087, 0xbf999e2b, 0xbb9cd1ae, 0xbf04a08d, 0xbe9d0855, 0xbfca5e02, 0x3fda734a,
    ] as [UInt32]).map { Float(bitPattern: $0) })

    func testDensityAndEdgesOverTheDataRange() throws {
        let r = try x.histogram(bins: 7, density: true)
        XCTAssertEqual(r.hist.doubles(), [0.176401287317276, 0.22050155699253082, 0.1764012724161148, 0.44100311398506165,
                                          0.396902859210968, 0.2646018862724304, 0.088200643658638])
        XCTAssertEqual(r.binEdges.doubles(), [-2.1152193546295166, -1.5483300685882568, -0.9814406633377075, -0.414551317691803,
                                              0.15233808755874634, 0.7192274332046509, 1.2861168384552002, 1.85300612449646])
    }

    func testRangeAndWeightsSkipOutsiders() throws {
        let r = try x.histogram(bins: 5, range: (-1, 1), weight: Tensor.arange(0, 40, 1, dtype: .float32))
        XCTAssertEqual(r.hist.doubles(), [54, 145, 108, 151, 58])
    }

    func testEqualBoundsWidenAndExplicitEdgesIncludeTheLastEdge() throws {
        let same = try Tensor(shape: [3], floats: [1, 1, 1]).histogram(bins: 2)
        XCTAssertEqual(same.hist.doubles(), [0, 3])
        XCTAssertEqual(same.binEdges.doubles(), [0.5, 1, 1.5])
        let edges = Tensor(shape: [4], floats: [0, 1, 2, 3])
        XCTAssertEqual(try Tensor(shape: [4], floats: [1, 2, 1, 2.5]).histogram(edges: edges).hist.doubles(), [0, 2, 2])
        XCTAssertThrowsError(try Tensor(shape: [2], doubles: [1, 2]).to(.int64).histogram(bins: 3))
    }
}
