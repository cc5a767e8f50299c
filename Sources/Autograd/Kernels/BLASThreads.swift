import COpenBLAS

/// OpenBLAS thread policy. The pthread build of OpenBLAS starts one worker per
/// core and lets idle workers spin; on the shared two-core machines Litgrad runs
/// on, that competes with the interpreter for no gain on notebook-sized matrices.
/// So the first GEMM pins OpenBLAS to one thread unless the embedder chose otherwise.
/// Results do not depend on this: OpenBLAS splits GEMM over rows and columns of C,
/// never over the summed dimension.
public enum BLASThreads {
    private static var configured = false

    /// Sets how many threads OpenBLAS may use for the rest of the process.
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(clamping: max(1, count)))
        configured = true
    }

    public static var current: Int { Int(openblas_get_num_threads()) }

    /// Applies the default (one thread) the first time a kernel needs BLAS.
    static func ensureConfigured() {
        if !configured { set(1) }
    }
}
