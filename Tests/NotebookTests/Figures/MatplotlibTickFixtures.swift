// Expected ticks, generated with matplotlib 3.11.2 by the script below; do not edit.
//
// # Expected ticks from matplotlib 3.11 (Agg, default rcParams): for each view
// # range set on an axis of a given length, the major tick locations the
// # locator returns, the ticks drawn (in view) with their labels, and the
// # offset text.
// import matplotlib; matplotlib.use("agg")
// import matplotlib.pyplot as plt
//
// def label_text(t):
//     s = t.get_text()
//     # mathtext "$\mathdefault{10^{-2}}$" -> "10^−2"; "2\times10^{0}" -> "2×10^0"
//     if s.startswith("$"):
//         s = s.strip("$").replace("\\mathdefault{", "").replace("\\times", "×")
//         s = s.replace("{", "").replace("}", "").replace("-", "−")
//         s = s[:-1] if s.endswith("}") else s
//     return s
//
// cases = [
//     # (axis, lower, upper, figure size, rows, scale)
//     ("x", 0, 1, (6.4, 4.8), 1, "linear"),
//     ("y", 0, 1, (6.4, 4.8), 1, "linear"),
//     ("x", -4.95, 103.95, (6.4, 4.8), 1, "linear"),
//     ("y", 0.0947, 2.4053, (6.4, 4.8), 1, "linear"),
//     ("y", -1.1, 1.1, (6.4, 4.8), 1, "linear"),
//     ("x", 0.0, 0.0003, (6.4, 4.8), 1, "linear"),
//     ("y", 1e-7, 5e-6, (6.4, 4.8), 1, "linear"),
//     ("y", 1000000.5, 1000003.5, (6.4, 4.8), 1, "linear"),
//     ("x", 2.5e6, 9.1e6, (6.4, 4.8), 1, "linear"),
//     ("y", -3.7, -3.2, (6.4, 4.8), 1, "linear"),
//     ("x", 1.5, 7.25, (6.4, 4.8), 3, "linear"),
//     ("y", 0.0, 3600.0, (6.4, 4.8), 3, "linear"),
//     ("x", -0.45, 9.45, (3, 2), 1, "linear"),
//     ("y", 99.5, 100.5, (6.4, 4.8), 1, "linear"),
//     ("y", 0.01, 1000, (6.4, 4.8), 1, "log"),
//     ("x", 1, 1e12, (6.4, 4.8), 1, "log"),
//     ("y", 2, 8, (6.4, 4.8), 1, "log"),
//     ("y", 0.05, 0.3, (6.4, 4.8), 1, "log"),
//     ("x", 3e-4, 2.1, (6.4, 4.8), 2, "log"),
// ]
// out = []
// for axis, lo, hi, size, rows, scale in cases:
//     fig, axes = plt.subplots(rows, rows, figsize=size, squeeze=False)
//     ax = axes[0][0]
//     a = ax.xaxis if axis == "x" else ax.yaxis
//     (ax.set_xscale if axis == "x" else ax.set_yscale)(scale)
//     (ax.set_xlim if axis == "x" else ax.set_ylim)(lo, hi)
//     fig.canvas.draw()
//     bbox = ax.get_window_extent()
//     length = (bbox.width if axis == "x" else bbox.height) / fig.dpi * 72
//     locs = list(a.get_majorticklocs())
//     drawn = a._update_ticks()
//     majors = set(id(t) for t in a.get_major_ticks())
//     major = [(t.get_loc(), label_text(t.label1)) for t in drawn if id(t) in majors]
//     minor = [(t.get_loc(), label_text(t.label1)) for t in drawn if id(t) not in majors]
//     offset = a.get_offset_text().get_text()
//     out.append((axis == "x", lo, hi, length, scale, locs, major, minor, offset))
//     plt.close(fig)
//
// def num(v): return repr(float(v))
// print("    static let cases: [TickCase] = [")
// for isx, lo, hi, length, scale, locs, major, minor, offset in out:
//     print(f"        TickCase(isX: {'true' if isx else 'false'}, lower: {num(lo)}, upper: {num(hi)}, length: {num(length)}, log: {'true' if scale == 'log' else 'false'},")
//     print(f"                 locs: [{', '.join(num(v) for v in locs)}],")
//     pairs = lambda ts: ", ".join("(%s, %s)" % (num(v), '"' + s + '"') for v, s in ts)
//     print("                 major: [%s]," % pairs(major))
//     print("                 minor: [%s]," % pairs(minor))
//     print(f"                 offset: \"{offset}\"),")
// print("    ]")

struct TickCase {
    var isX: Bool
    var lower: Double
    var upper: Double
    var length: Double
    var log: Bool
    /// Every location the major locator returned (some outside the view).
    var locs: [Double]
    /// Drawn ticks and their labels ("" for none).
    var major: [(Double, String)]
    var minor: [(Double, String)]
    var offset: String
}

enum MatplotlibTickFixtures {
    static let cases: [TickCase] = [
        TickCase(isX: true, lower: 0.0, upper: 1.0, length: 357.12, log: false,
                 locs: [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0],
                 major: [(0.0, "0.0"), (0.2, "0.2"), (0.4, "0.4"), (0.6000000000000001, "0.6"), (0.8, "0.8"), (1.0, "1.0")],
                 minor: [],
                 offset: ""),
        TickCase(isX: false, lower: 0.0, upper: 1.0, length: 266.11199999999997, log: false,
                 locs: [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0],
                 major: [(0.0, "0.0"), (0.2, "0.2"), (0.4, "0.4"), (0.6000000000000001, "0.6"), (0.8, "0.8"), (1.0, "1.0")],
                 minor: [],
                 offset: ""),
        TickCase(isX: true, lower: -4.95, upper: 103.95, length: 357.12, log: false,
                 locs: [-20.0, 0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0],
                 major: [(0.0, "0"), (20.0, "20"), (40.0, "40"), (60.0, "60"), (80.0, "80"), (100.0, "100")],
                 minor: [],
                 offset: ""),
        TickCase(isX: false, lower: 0.0947, upper: 2.4053, length: 266.11199999999997, log: false,
                 locs: [0.0, 0.5, 1.0, 1.5, 2.0, 2.5],
                 major: [(0.5, "0.5"), (1.0, "1.0"), (1.5, "1.5"), (2.0, "2.0")],
                 minor: [],
                 offset: ""),
        TickCase(isX: false, lower: -1.1, upper: 1.1, length: 266.11199999999997, log: false,
                 locs: [-1.25, -1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0, 1.25],
                 major: [(-1.0, "−1.00"), (-0.75, "−0.75"), (-0.5, "−0.50"), (-0.25, "−0.25"), (0.0, "0.00"), (0.25, "0.25"), (0.5, "0.50"), (0.75, "0.75"), (1.0, "1.00")],
                 minor: [],
                 offset: ""),
        TickCase(isX: true, lower: 0.0, upper: 0.0003, length: 357.12, log: false,
                 locs: [0.0, 5e-05, 0.0001, 0.00015000000000000001, 0.0002, 0.00025, 0.00030000000000000003],
                 major: [(0.0, "0.00000"), (5e-05, "0.00005"), (0.0001, "0.00010"), (0.00015000000000000001, "0.00015"), (0.0002, "0.00020"), (0.00025, "0.00025"), (0.00030000000000000003, "0.00030")],
                 minor: [],
                 offset: ""),
        TickCase(isX: false, lower: 1e-07, upper: 5e-06, length: 266.11199999999997, log: false,
                 locs: [0.0, 1e-06, 2e-06, 3e-06, 4e-06, 4.9999999999999996e-06],
                 major: [(1e-06, "1"), (2e-06, "2"), (3e-06, "3"), (4e-06, "4"), (4.9999999999999996e-06, "5")],
                 minor: [],
                 offset: "1e−6"),
        TickCase(isX: false, lower: 1000000.5, upper: 1000003.5, length: 266.11199999999997, log: false,
                 locs: [1000000.5, 1000001.0, 1000001.5, 1000002.0, 1000002.5, 1000003.0, 1000003.5],
                 major: [(1000000.5, "0.5"), (1000001.0, "1.0"), (1000001.5, "1.5"), (1000002.0, "2.0"), (1000002.5, "2.5"), (1000003.0, "3.0"), (1000003.5, "3.5")],
                 minor: [],
                 offset: "+1e6"),
        TickCase(isX: true, lower: 2500000.0, upper: 9100000.0, length: 357.12, log: false,
                 locs: [2000000.0, 3000000.0, 4000000.0, 5000000.0, 6000000.0, 7000000.0, 8000000.0, 9000000.0, 10000000.0],
                 major: [(3000000.0, "3"), (4000000.0, "4"), (5000000.0, "5"), (6000000.0, "6"), (7000000.0, "7"), (8000000.0, "8"), (9000000.0, "9")],
                 minor: [],
                 offset: "1e6"),
        TickCase(isX: false, lower: -3.7, upper: -3.2, length: 266.11199999999997, log: false,
                 locs: [-3.7, -3.6, -3.5, -3.4000000000000004, -3.3000000000000003, -3.2],
                 major: [(-3.7, "−3.7"), (-3.6, "−3.6"), (-3.5, "−3.5"), (-3.4000000000000004, "−3.4"), (-3.3000000000000003, "−3.3"), (-3.2, "−3.2")],
                 minor: [],
                 offset: ""),
        TickCase(isX: true, lower: 1.5, upper: 7.25, length: 105.03529411764706, log: false,
                 locs: [0.0, 2.0, 4.0, 6.0, 8.0],
                 major: [(2.0, "2"), (4.0, "4"), (6.0, "6")],
                 minor: [],
                 offset: ""),
        TickCase(isX: false, lower: 0.0, upper: 3600.0, length: 78.26823529411763, log: false,
                 locs: [0.0, 2000.0, 4000.0],
                 major: [(0.0, "0"), (2000.0, "2000")],
                 minor: [],
                 offset: ""),
        TickCase(isX: true, lower: -0.45, upper: 9.45, length: 167.4, log: false,
                 locs: [-2.0, 0.0, 2.0, 4.0, 6.0, 8.0, 10.0],
                 major: [(0.0, "0"), (2.0, "2"), (4.0, "4"), (6.0, "6"), (8.0, "8")],
                 minor: [],
                 offset: ""),
        TickCase(isX: false, lower: 99.5, upper: 100.5, length: 266.11199999999997, log: false,
                 locs: [99.4, 99.6, 99.8, 100.0, 100.2, 100.4, 100.6],
                 major: [(99.6, "99.6"), (99.8, "99.8"), (100.0, "100.0"), (100.2, "100.2"), (100.4, "100.4")],
                 minor: [],
                 offset: ""),
        TickCase(isX: false, lower: 0.01, upper: 1000.0, length: 266.11199999999997, log: true,
                 locs: [0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0, 10000.0],
                 major: [(0.01, "10^−2"), (0.1, "10^−1"), (1.0, "10^0"), (10.0, "10^1"), (100.0, "10^2"), (1000.0, "10^3")],
                 minor: [(0.02, ""), (0.03, ""), (0.04, ""), (0.05, ""), (0.06, ""), (0.07, ""), (0.08, ""), (0.09, ""), (0.2, ""), (0.30000000000000004, ""), (0.4, ""), (0.5, ""), (0.6000000000000001, ""), (0.7000000000000001, ""), (0.8, ""), (0.9, ""), (2.0, ""), (3.0, ""), (4.0, ""), (5.0, ""), (6.0, ""), (7.0, ""), (8.0, ""), (9.0, ""), (20.0, ""), (30.0, ""), (40.0, ""), (50.0, ""), (60.0, ""), (70.0, ""), (80.0, ""), (90.0, ""), (200.0, ""), (300.0, ""), (400.0, ""), (500.0, ""), (600.0, ""), (700.0, ""), (800.0, ""), (900.0, "")],
                 offset: ""),
        TickCase(isX: true, lower: 1.0, upper: 1000000000000.0, length: 357.12, log: true,
                 locs: [0.01, 1.0, 100.0, 10000.0, 1000000.0, 100000000.0, 10000000000.0, 1000000000000.0, 100000000000000.0],
                 major: [(1.0, "10^0"), (100.0, "10^2"), (10000.0, "10^4"), (1000000.0, "10^6"), (100000000.0, "10^8"), (10000000000.0, "10^10"), (1000000000000.0, "10^12")],
                 minor: [],
                 offset: ""),
        TickCase(isX: false, lower: 2.0, upper: 8.0, length: 266.11199999999997, log: true,
                 locs: [1.0, 10.0],
                 major: [],
                 minor: [(2.0, "2×10^0"), (3.0, "3×10^0"), (4.0, "4×10^0"), (5.0, ""), (6.0, "6×10^0"), (7.0, ""), (8.0, "")],
                 offset: ""),
        TickCase(isX: false, lower: 0.05, upper: 0.3, length: 266.11199999999997, log: true,
                 locs: [0.01, 0.1, 1.0],
                 major: [(0.1, "10^−1")],
                 minor: [(0.05, ""), (0.06, "6×10^−2"), (0.07, ""), (0.08, ""), (0.09, ""), (0.2, "2×10^−1"), (0.30000000000000004, "3×10^−1")],
                 offset: ""),
        TickCase(isX: true, lower: 0.0003, upper: 2.1, length: 162.3272727272727, log: true,
                 locs: [0.0001, 0.001, 0.01, 0.1, 1.0, 10.0],
                 major: [(0.001, "10^−3"), (0.01, "10^−2"), (0.1, "10^−1"), (1.0, "10^0")],
                 minor: [(0.00030000000000000003, ""), (0.0004, ""), (0.0005, ""), (0.0006000000000000001, ""), (0.0007, ""), (0.0008, ""), (0.0009000000000000001, ""), (0.002, ""), (0.003, ""), (0.004, ""), (0.005, ""), (0.006, ""), (0.007, ""), (0.008, ""), (0.009000000000000001, ""), (0.02, ""), (0.03, ""), (0.04, ""), (0.05, ""), (0.06, ""), (0.07, ""), (0.08, ""), (0.09, ""), (0.2, ""), (0.30000000000000004, ""), (0.4, ""), (0.5, ""), (0.6000000000000001, ""), (0.7000000000000001, ""), (0.8, ""), (0.9, ""), (2.0, "")],
                 offset: ""),
    ]
}
