/// Releasing a deeply nested container (`x = [x]` ten million times) would
/// recurse once per level through Swift's deinits and overflow even the cell
/// thread's 1 GiB stack. A dying list or dict hands its elements here instead:
/// nested lists and dicts that nothing else holds are emptied into a work list
/// before they die, so the recursion stays one level deep (CPython's "trashcan").
enum ContainerTeardown {
    static func release(_ items: inout [Value]) {
        guard items.contains(where: isNestedContainer) else { return }
        var pending: [Value] = []
        swap(&pending, &items)
        drain(&pending)
    }

    static func release(_ entries: inout [PyDict.Entry?]) {
        guard entries.contains(where: { $0.map { isNestedContainer($0.key) || isNestedContainer($0.value) } ?? false }) else { return }
        var pending: [Value] = []
        pending.reserveCapacity(entries.count)
        for case let entry? in entries { pending.append(entry.value) }
        entries = []
        drain(&pending)
    }

    private static func drain(_ pending: inout [Value]) {
        while !pending.isEmpty {
            guard case .object(var object) = pending.removeLast() else { continue }
            guard isKnownUniquelyReferenced(&object) else { continue }
            if let list = object as? PyList {
                pending.append(contentsOf: list.items)
                list.items = []
            } else if let dict = object as? PyDict {
                dict.moveValues(into: &pending)
            }
        }
    }

    @inline(__always)
    private static func isNestedContainer(_ value: Value) -> Bool {
        guard case .object(let object) = value else { return false }
        return object is PyList || object is PyDict
    }
}
