import Foundation
import PyInterpreter

/// matplotlib's marker outlines, scaled by the marker size (points) and
/// appended to a path at a point. Unit shapes are in matplotlib's
/// y-up coordinates; SVG's y runs down, hence the sign flips.
enum MarkerShapes {
    static func append(_ marker: Marker, size: Double, at cx: Double, _ cy: Double, to path: inout SVGPath) {
        let s = size
        func poly(_ unit: [(Double, Double)], closed: Bool = true) {
            path.polygon(unit.map { (cx + $0.0 * s, cy - $0.1 * s) }, closed: closed)
        }
        func segments(_ unit: [((Double, Double), (Double, Double))]) {
            for (a, b) in unit {
                path.move(cx + a.0 * s, cy - a.1 * s)
                path.lineTo(cx + b.0 * s, cy - b.1 * s)
            }
        }
        switch marker {
        case .circle: path.circle(cx, cy, 0.5 * s)
        case .point: path.circle(cx, cy, 0.25 * s)
        case .pixel: path.polygon([(cx - 0.5, cy - 0.5), (cx + 0.5, cy - 0.5), (cx + 0.5, cy + 0.5), (cx - 0.5, cy + 0.5)], closed: true)
        case .square: poly([(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)])
        case .triangleUp: poly(rotated(triangle, by: 0))
        case .triangleDown: poly(rotated(triangle, by: 180))
        case .triangleLeft: poly(rotated(triangle, by: 90))
        case .triangleRight: poly(rotated(triangle, by: 270))
        case .diamond: poly(rotated([(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)], by: 45))
        case .thinDiamond: poly(rotated([(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)], by: 45).map { ($0.0 * 0.6, $0.1) })
        case .pentagon: poly(regularPolygon(5, radius: 0.5, rotation: 0))
        case .hexagon1: poly(regularPolygon(6, radius: 0.5, rotation: 0))
        case .hexagon2: poly(regularPolygon(6, radius: 0.5, rotation: 30))
        case .octagon: poly(regularPolygon(8, radius: 0.5, rotation: 22.5))
        case .star: poly(star)
        case .plusFilled: poly(plusFilled.map { ($0.0 - 0.5, $0.1 - 0.5) })
        case .xFilled: poly(xFilled.map { ($0.0 - 0.5, $0.1 - 0.5) })
        case .plus: segments([((-0.5, 0), (0.5, 0)), ((0, -0.5), (0, 0.5))])
        case .x: segments([((-0.5, -0.5), (0.5, 0.5)), ((-0.5, 0.5), (0.5, -0.5))])
        case .vline: segments([((0, -0.5), (0, 0.5))])
        case .hline: segments([((-0.5, 0), (0.5, 0))])
        case .triDown: segments(tri(0))
        case .triUp: segments(tri(180))
        case .triLeft: segments(tri(270))
        case .triRight: segments(tri(90))
        }
    }

    private static let triangle: [(Double, Double)] = [(0, 0.5), (-0.5, -0.5), (0.5, -0.5)]

    /// Three spokes from the centre (`1`…`4`).
    private static func tri(_ degrees: Double) -> [((Double, Double), (Double, Double))] {
        rotated([(0, -0.5), (0.4, 0.25), (-0.4, 0.25)], by: degrees).map { ((0, 0), $0) }
    }

    private static func rotated(_ points: [(Double, Double)], by degrees: Double) -> [(Double, Double)] {
        let a = degrees * .pi / 180
        let (c, s) = (cos(a), sin(a))
        return points.map { ($0.0 * c - $0.1 * s, $0.0 * s + $0.1 * c) }
    }

    /// `unit_regular_polygon`: a vertex straight up, then counterclockwise.
    private static func regularPolygon(_ n: Int, radius: Double, rotation: Double) -> [(Double, Double)] {
        (0..<n).map { k in
            let a = 2 * Double.pi * Double(k) / Double(n) + .pi / 2 + rotation * .pi / 180
            return (radius * cos(a), radius * sin(a))
        }
    }

    /// `unit_regular_star(5, 0.381966)` at half size.
    private static let star: [(Double, Double)] = (0..<10).map { k in
        let r = k % 2 == 0 ? 0.5 : 0.5 * 0.381966
        let a = Double.pi * Double(k) / 5 + .pi / 2
        return (r * cos(a), r * sin(a))
    }

    private static let plusFilled: [(Double, Double)] = [
        (1 / 3, 0), (2 / 3, 0), (2 / 3, 1 / 3), (1, 1 / 3), (1, 2 / 3), (2 / 3, 2 / 3),
        (2 / 3, 1), (1 / 3, 1), (1 / 3, 2 / 3), (0, 2 / 3), (0, 1 / 3), (1 / 3, 1 / 3),
    ]

    private static let xFilled: [(Double, Double)] = [
        (0.25, 0), (0.5, 0.25), (0.75, 0), (1, 0.25), (0.75, 0.5), (1, 0.75),
        (0.75, 1), (0.5, 0.75), (0.25, 1), (0, 0.75), (0.25, 0.5), (0, 0.25),
    ]
}
