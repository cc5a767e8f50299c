/// Keeps coordinates within a generous box around the figure, so a data
/// value of 1e300 neither bloats the SVG nor loses precision, while the
/// visible part of every line keeps its exact direction.
enum GeometryClip {
    /// Points: far beyond any figure, small enough for two-decimal output.
    static let bound = 100_000.0

    static func isNear(_ x: Double, _ y: Double) -> Bool {
        abs(x) <= bound && abs(y) <= bound
    }

    /// `rect` cut to the box; nil when it has a non-finite side.
    static func limited(_ rect: Frame) -> Frame? {
        guard rect.x.isFinite, rect.y.isFinite, rect.width.isFinite, rect.height.isFinite else { return nil }
        let x0 = min(max(rect.x, -bound), bound), x1 = min(max(rect.maxX, -bound), bound)
        let y0 = min(max(rect.y, -bound), bound), y1 = min(max(rect.maxY, -bound), bound)
        return Frame(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// A polyline through `points`, broken where a point is not finite (as
    /// matplotlib breaks lines at NaN), each segment clipped to the box.
    static func polyline(_ points: [(Double, Double)], into path: inout SVGPath) {
        var penDown = false
        var previous: (Double, Double)?
        for p in points {
            guard p.0.isFinite, p.1.isFinite else {
                previous = nil
                penDown = false
                continue
            }
            defer { previous = p }
            guard let a = previous else {
                if isNear(p.0, p.1) {
                    path.move(p.0, p.1)
                    penDown = true
                }
                continue
            }
            if isNear(a.0, a.1) && isNear(p.0, p.1) {
                if !penDown { path.move(a.0, a.1) }
                path.lineTo(p.0, p.1)
                penDown = true
                continue
            }
            guard let (s, e) = clipped(a, p) else {
                penDown = false
                continue
            }
            if !penDown || !isNear(a.0, a.1) { path.move(s.0, s.1) }
            path.lineTo(e.0, e.1)
            penDown = isNear(p.0, p.1)
        }
    }

    /// Liang–Barsky: the part of segment a→b inside the box, if any.
    static func clipped(_ a: (Double, Double), _ b: (Double, Double)) -> ((Double, Double), (Double, Double))? {
        let dx = b.0 - a.0, dy = b.1 - a.1
        guard dx.isFinite, dy.isFinite else { return nil }
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.0 + bound), (dx, bound - a.0), (-dy, a.1 + bound), (dy, bound - a.1)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let r = q / p
            if p < 0 {
                if r > t1 { return nil }
                t0 = max(t0, r)
            } else {
                if r < t0 { return nil }
                t1 = min(t1, r)
            }
        }
        guard t0 <= t1 else { return nil }
        return ((a.0 + t0 * dx, a.1 + t0 * dy), (a.0 + t1 * dx, a.1 + t1 * dy))
    }
}
