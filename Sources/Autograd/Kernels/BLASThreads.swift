import COpenBLAS

/// OpenBLAS thread policy. The pthread build of OpenBLAS starts one worker per
/// core and lets idle workers spin; on the shared two-core machines Litgrad runs
/// on, that competes with the interpreter for no gain on notebook-sized matrices.
/// So the first GEMM pins OpenBLAS to one thread; `set` can change that afterwards.
/// Notebook sessions on several threads may call GEMM at once: each call then runs
/// on its caller's thread.
/// Results do not depend on this: OpenBLAS splits GEMM over rows and columns of C,
/// never over the summed dimension.
public enum BLASThreads {
    /// Runs once, thread-safely (a static let), before the first GEMM.
    private static let defaultApplied: Void = openblas_set_num_threads(1)

    /// Sets how many threads OpenBLAS may use for the rest of the process.
    public static func set(_ count: Int) {
        ensureConfigured()
        openblas_set_num_threads(Int32(clamping: max(1, count)))
    }

    public static var current: Int { Int(openblas_get_num_threads()) }

    /// Applies the default (one thread) the first time a kernel needs BLAS.
    static func ensureConfigured() {
        _ = defaultApplied
    }

    /// Pins OpenBLAS to one thread now and stops the workers it started when
    /// it loaded. Those spin-wait for about 0.1 s before sleeping: on two
    /// cores that is a third of the CPU of a cold `litgrad check`. The
    /// command-line tool calls this first thing.
    public static func stopIdleWorkers() {
        ensureConfigured()
        _ = blas_thread_shutdown_()
    }
}
