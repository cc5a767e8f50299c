import CEngineSupport

/// glibc's heap settings for a training loop. Every step frees and allocates
/// the same activation and gradient buffers again; by default glibc maps
/// blocks over 128 KB (a threshold it raises only up to 32 MB, doubling the
/// trim threshold with it) and hands freed memory at the top of the heap back
/// to the system, so each step page-faults freshly zeroed memory: a quarter
/// of a small CNN step was the kernel's page-fault handling. Serving blocks
/// under 16 MB from the heap and keeping up to 64 MB of freed heap makes
/// the second step reuse the first step's memory.
enum HeapTuning {
    static let applied: Void = litgrad_tune_heap(16 << 20, 64 << 20)
}
