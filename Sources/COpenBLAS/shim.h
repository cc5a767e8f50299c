#include <cblas.h>

// OpenBLAS's pthread build (Debian's default) exports this: it stops the
// worker threads its load-time constructor started (they would otherwise
// spin for about 0.1 s). Later multi-threaded calls start them again.
int blas_thread_shutdown_(void);
