#ifndef LITGRAD_ENGINE_SLOT_H
#define LITGRAD_ENGINE_SLOT_H

// The calling thread's engine context (an unretained Swift object) in a C
// thread-local variable. Swift has no thread-locals of its own, and the
// pthread_getspecific route costs two calls (the key's lazy initialiser and
// the lookup) on every grad-mode check, several times per op.
extern __thread void *litgrad_engine_slot __attribute__((tls_model("initial-exec")));

static inline void *litgrad_engine_slot_get(void) { return litgrad_engine_slot; }
static inline void litgrad_engine_slot_set(void *context) { litgrad_engine_slot = context; }

#endif
