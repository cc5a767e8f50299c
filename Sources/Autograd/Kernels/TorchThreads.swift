/// The number of intra-op threads (`torch.get_num_threads()`) of the PyTorch whose
/// results Litgrad reproduces. PyTorch splits a whole-tensor sum of 32768 or more
/// elements into one chunk per thread (at most one per 32768 elements) and adds the
/// chunk sums, so from that size on the last bits depend on this count. Up to 65536
/// elements every machine with two or more threads agrees. The default, 2, is the
/// machine the golden fixtures come from.
public enum TorchThreads {
    public static var count = 2

    /// PyTorch's `GRAIN_SIZE`: below it reductions run on one thread.
    static let grainSize = 32768

    /// The `[begin, end)` ranges `at::parallel_for` hands to threads, or one range
    /// when the work stays serial. `serialBelow` is the size under which PyTorch
    /// does not split (`GRAIN_SIZE` for TensorIterator reductions, `GRAIN_SIZE + 1`
    /// for `at::parallel_reduce`).
    static func chunks(count total: Int, threads: Int, serialBelow: Int) -> [Range<Int>] {
        guard threads > 1, total >= serialBelow else { return [0..<total] }
        let used = min(threads, (total + grainSize - 1) / grainSize)
        let chunk = (total + used - 1) / used
        return stride(from: 0, to: total, by: chunk).map { $0..<min(total, $0 + chunk) }
    }
}
