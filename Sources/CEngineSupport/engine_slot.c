#include "engine_slot.h"

__thread void *litgrad_engine_slot __attribute__((tls_model("initial-exec"))) = 0;
