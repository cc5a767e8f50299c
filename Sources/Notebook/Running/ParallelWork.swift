import Foundation

/// Runs notebooks side by side (for run, check and render): up to `jobs`
/// threads, each with the large stack a notebook's interpreter needs,
/// results in input order.
enum ParallelWork {
    static func map<Item, Result>(_ items: [Item], jobs: Int, _ work: @escaping (Item) -> Result) -> [Result] {
        guard !items.isEmpty else { return [] }
        let slots = Slots<Result>(count: items.count)
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
        private var next = 0
        private var results: [Result?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func claimNext() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < results.count else { return nil }
            next += 1
            return next - 1
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
}
