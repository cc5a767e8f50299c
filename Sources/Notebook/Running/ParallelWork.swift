import Foundation

/// Runs notebooks side by side (for run, check and render): up to `jobs`
/// threads, each with the large stack a notebook's interpreter needs,
/// results in input order. Items start largest first (by `size`, e.g. the
/// file's bytes), so a long notebook found last does not run alone at the end.
enum ParallelWork {
    static func map<Item, Result>(_ items: [Item], jobs: Int, size: (Item) -> Int = { _ in 0 },
                                  _ work: @escaping (Item) -> Result) -> [Result] {
        guard !items.isEmpty else { return [] }
        let sizes = items.map(size)
        let order = items.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        let slots = Slots<Result>(order: order)
        let threadCount = max(1, min(jobs, items.count))
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<threadCount {
            let thread = Thread {
                while let index = slots.claimNext() {
                    slots.store(work(items[index]), at: index)
                }
                finished.signal()
            }
            thread.stackSize = Runner.notebookThreadStackSize
            thread.start()
        }
        for _ in 0..<threadCount { finished.wait() }
        return slots.all()
    }

    private final class Slots<Result>: @unchecked Sendable {
        private let lock = NSLock()
        private let order: [Int]
        private var next = 0
        private var results: [Result?]

        init(order: [Int]) {
            self.order = order
            results = Array(repeating: nil, count: order.count)
        }

        func claimNext() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < order.count else { return nil }
            next += 1
            return order[next - 1]
        }

        func store(_ result: Result, at index: Int) {
            lock.lock(); defer { lock.unlock() }
            results[index] = result
        }

        /// Every slot is filled once all threads have finished.
        func all() -> [Result] {
            lock.lock(); defer { lock.unlock() }
            return results.compactMap { $0 }
        }
    }

    /// A file's size in bytes (0 when it cannot be read: it fails quickly anyway).
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
