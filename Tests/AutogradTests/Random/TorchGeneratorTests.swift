import Autograd
import XCTest

/// Properties of the generator that the fixtures do not spell out: how many
/// 32-bit draws each operation consumes (torch-fidelity.md §3.6), and state
/// handling.
final class TorchGeneratorTests: XCTestCase {
    /// Runs `operation` after seeding, then checks that the generator is
    /// exactly `draws` raw words further on.
    func assertDraws(_ draws: Int, _ operation: (TorchGenerator) -> Void, file: StaticString = #filePath, line: UInt = #line) {
        let used = TorchGenerator(seed: 3)
        operation(used)
        let reference = TorchGenerator(seed: 3)
        for _ in 0..<draws { _ = reference.random() }
        XCTAssertEqual(used.random(), reference.random(), "draw count differs from \(draws)", file: file, line: line)
    }

    func testDrawCounts() {
        assertDraws(7) { _ = $0.uniformFloat32(count: 7) }
        assertDraws(14) { _ = $0.uniformFloat64(count: 7) }
        assertDraws(5) { _ = $0.randint(low: 0, high: 10, count: 5) }
        assertDraws(10) { _ = $0.randint(low: 0, high: 1 << 32, count: 5) }
        assertDraws(8) { _ = $0.normalFloat32(count: 3) }  // two pairs, one value cached
        assertDraws(16) { _ = $0.normalFloat32(count: 16) }
        assertDraws(33) { _ = $0.normalFloat32(count: 17) }
        assertDraws(66) { _ = $0.normalFloat64(count: 17) }
        assertDraws(4) { _ = $0.randperm(5) }
        assertDraws(0) { _ = $0.randperm(1) }
        assertDraws(20) { _ = $0.dropoutNoise(count: 10, p: 0.3) }
        assertDraws(0) { _ = $0.dropoutNoise(count: 10, p: 1) }
        assertDraws(10) { _ = $0.bernoulli(probabilities: [Float](repeating: 0.5, count: 10)) }
        assertDraws(2) { _ = $0.dataLoaderEpoch(count: 10, shuffle: false) }
        assertDraws(4) { _ = $0.dataLoaderEpoch(count: 10, shuffle: true) }
    }

    func testCacheSurvivesOtherDrawsButNotSeeding() {
        let g = TorchGenerator(seed: 0)
        let pair = g.normalFloat64(count: 2)
        g.manualSeed(0)
        XCTAssertEqual(g.normalFloat64(count: 1), [pair[0]])
        _ = g.uniformFloat32(count: 5)
        _ = g.normalFloat32(count: 40)
        XCTAssertEqual(g.normalFloat64(count: 1), [pair[1]])
    }

    func testStateRestoresEngineCacheAndSeed() {
        let g = TorchGenerator(seed: 9)
        _ = g.normalFloat32(count: 1)
        let saved = g.state
        let expected = g.normalFloat32(count: 5)
        g.manualSeed(1234)
        g.restore(saved)
        XCTAssertEqual(g.initialSeed, 9)
        XCTAssertEqual(g.normalFloat32(count: 5), expected)
    }

    func testCloneIsIndependent() {
        let g = TorchGenerator(seed: 2)
        _ = g.normalFloat32(count: 3)
        let copy = g.clone()
        let fromCopy = copy.normalFloat32(count: 4)
        XCTAssertEqual(g.normalFloat32(count: 4), fromCopy)
    }

    func testDefaultSeedAndWideSeeds() {
        XCTAssertEqual(TorchGenerator().initialSeed, 67_280_421_310_721)
        let wide = TorchGenerator(seed: (1 << 32) + 5)
        XCTAssertEqual(wide.initialSeed, 4_294_967_301)
        XCTAssertEqual(wide.uniformFloat32(count: 3), TorchGenerator(seed: 5).uniformFloat32(count: 3))
    }

    /// §4: `a**2` for a = sqrt(5) is 5.000000000000001, so the Linear weight
    /// bound is not exactly 1/sqrt(fan_in).
    func testDefaultInitBounds() {
        XCTAssertEqual(DefaultInitBounds.defaultBias(fanIn: 4), 0.5)
        XCTAssertEqual(DefaultInitBounds.defaultBias(fanIn: 0), 0)
        XCTAssertEqual(DefaultInitBounds.defaultWeight(fanIn: 4), 0.49999999999999994)
    }
}
