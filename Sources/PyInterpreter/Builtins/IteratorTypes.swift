extension PyType {
    static let enumerateType: PyType = {
        let t = PyType(builtin: "enumerate", base: .object, factory: .builtin({ interp, _, args in
            let a = try NativeSignature("enumerate", "iterable", .init("start", default: .int(0))).bind(args)
            let start = a["start"]
            guard IntMath.big(start) != nil else {
                throw PyError(.typeError, "'\(start.typeName)' object cannot be interpreted as an integer")
            }
            return .object(EnumerateIterator(try interp.makeIterator(a["iterable"]), start: start))
        }))
        installIteratorMethods(t)
        return t
    }()

    static let zipType: PyType = {
        let t = PyType(builtin: "zip", base: .object, factory: .builtin({ interp, _, args in
            var strict = false
            for (k, v) in args.keywords {
                guard k.name == "strict" else { throw PyError(.typeError, "zip() got an unexpected keyword argument '\(k.name)'") }
                strict = try interp.isTruthy(v)
            }
            var sources: [PyIterator] = []
            for (i, v) in args.positional.enumerated() {
                do { sources.append(try interp.makeIterator(v)) } catch let e as PyError where e.type === PyType.typeError {
                    throw PyError(.typeError, "zip argument #\(i + 1) must support iteration")
                }
            }
            return .object(ZipIterator(sources, strict: strict))
        }))
        installIteratorMethods(t)
        return t
    }()

    static let mapType: PyType = {
        let t = PyType(builtin: "map", base: .object, factory: .builtin({ interp, _, args in
            try args.noKeywords("map")
            guard args.positional.count >= 2 else { throw PyError(.typeError, "map() must have at least two arguments.") }
            return .object(MapIterator(args.positional[0], try args.positional.dropFirst().map { try interp.makeIterator($0) }))
        }))
        installIteratorMethods(t)
        return t
    }()

    static let filterType: PyType = {
        let t = PyType(builtin: "filter", base: .object, factory: .builtin({ interp, _, args in
            let p = try args.exactly(2, "filter")
            return .object(FilterIterator(p[0], try interp.makeIterator(p[1])))
        }))
        installIteratorMethods(t)
        return t
    }()

    static let reversedType: PyType = {
        let t = PyType(builtin: "reversed", base: .object, factory: .builtin({ interp, _, args in
            let v = try args.exactly(1, "reversed")[0]
            switch v {
            case .str(let s): return .object(ReversedIterator(s.scalars.map { .str(PyStr.single($0)) }))
            case .object(let o):
                if let l = o as? PyList { return .object(ReversedIterator(l.items)) }
                if let t = o as? PyTuple { return .object(ReversedIterator(t.items)) }
                if let r = o as? PyRange {
                    try interp.checkSize(r.count)
                    return .object(ReversedIterator((0..<r.count).map { .int(r.element($0)) }))
                }
                if let d = o as? PyDict { return .object(ReversedIterator(d.keys)) }
                if let view = o as? DictView { return .object(ReversedIterator(try interp.iterate(.object(view)))) }
                if o is PyInstance {
                    if v.pyType.lookup(.dunderReversed) != nil { return try interp.callMethod(v, "__reversed__") }
                    if v.pyType.lookup(.dunderLen) != nil && v.pyType.lookup(.dunderGetitem) != nil {
                        let n = try interp.length(v)
                        return .object(ReversedIterator(try (0..<n).map { try interp.getItem(v, .int($0)) }))
                    }
                }
            default: break
            }
            throw PyError(.typeError, "'\(v.typeName)' object is not reversible")
        }))
        installIteratorMethods(t)
        return t
    }()
}
