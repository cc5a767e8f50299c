#ifndef LITGRAD_HEAP_TUNING_H
#define LITGRAD_HEAP_TUNING_H

// Sets glibc's heap thresholds for training loops (see HeapTuning.swift);
// does nothing on other C libraries.
void litgrad_tune_heap(int mmap_threshold, int trim_threshold);

#endif
