/*
 * memray native tracker: the C library's own interface.
 *
 * The library is preloaded (LD_PRELOAD) into the tracked JVM and interposes the malloc family.
 * It does nothing but forward calls to the real allocator until mrn_enable() is called (by the
 * Java side through JNI, or by a C test), so a process that preloads it and never enables it
 * (a child process, a tool started by the program) behaves exactly as without it.
 *
 * While enabled, every allocation that succeeds is recorded: its pointer, size and the
 * (thread, stack) counter cell it was charged to, in a sharded hash table; the cell's
 * cumulative allocated bytes/count are incremented. A free of a recorded pointer removes it and
 * increments the same cell's freed bytes/count. A free of a pointer that is not recorded
 * (allocated before tracking started, or not sampled) is counted in `ignored_frees` and
 * otherwise ignored. A single drainer (the Java side's flush) reads the deltas of every cell.
 */
#ifndef MEMRAYNATIVE_H
#define MEMRAYNATIVE_H

#include <stddef.h>
#include <stdint.h>

#define MRN_VISIBLE __attribute__((visibility("default")))

/* Frames kept per stack: native frames (innermost first) then Java frames. */
#define MRN_MAX_NATIVE_FRAMES 32
#define MRN_MAX_JAVA_FRAMES 32
#define MRN_MAX_FRAMES (MRN_MAX_NATIVE_FRAMES + MRN_MAX_JAVA_FRAMES)

/* A stack frame word with this bit set is a Java frame: the rest is a jmethodID. */
#define MRN_JAVA_FRAME (1ULL << 63)

/* Stack id 0: the stack table was full, the stack is unknown. */
#define MRN_STACK_UNKNOWN 0u
/* Thread serial 1: every thread past the thread table's capacity. */
#define MRN_THREAD_OVERFLOW 1u

/* Java frames: a function with the signature of the JVM's AsyncGetCallTrace. */
typedef struct {
    int32_t lineno;
    void *method_id;
} mrn_java_frame;

typedef struct {
    void *env_id;
    int32_t num_frames;
    mrn_java_frame *frames;
} mrn_java_trace;

typedef void (*mrn_java_walker)(mrn_java_trace *trace, int32_t depth, void *ucontext);
/* Returns the calling thread's JNIEnv, or NULL when it is not a Java thread. */
typedef void *(*mrn_env_lookup)(void);

typedef struct {
    /* 0: record every allocation; otherwise the mean sampling interval in bytes. */
    uint64_t sampling_interval;
    /* Both set: Java frames are appended to native ones for Java threads. */
    mrn_java_walker java_walker;
    mrn_env_lookup env_lookup;
} mrn_config;

typedef struct {
    int64_t live_bytes;
    int64_t live_count;
    int64_t peak_bytes;
    int64_t ignored_frees;
} mrn_totals;

typedef struct {
    uint32_t serial;
    uint32_t stack;
    int64_t alloc_bytes;
    int64_t alloc_count;
    int64_t free_bytes;
    int64_t free_count;
} mrn_delta;

typedef struct {
    uint32_t serial;
    int32_t tid;
    int64_t java_id;
    int ignored;
} mrn_thread;

/* 1 when this library's malloc is the one the process calls (it was preloaded). */
MRN_VISIBLE int mrn_is_interposing(void);

/* Starts recording (again). Returns 0, or -1 when the tables cannot be reserved. */
MRN_VISIBLE int mrn_enable(const mrn_config *config);

/* Stops recording; what was recorded stays readable. */
MRN_VISIBLE void mrn_disable(void);

MRN_VISIBLE void mrn_get_totals(mrn_totals *out);

/* Stacks are numbered 1..mrn_stack_count(), in the order they were first seen. */
MRN_VISIBLE uint32_t mrn_stack_count(void);
/* Copies stack `id`'s frames (at most `max`); returns how many it has. */
MRN_VISIBLE int mrn_stack_frames(uint32_t id, uint64_t *out, int max);

/* Calls `fn` for every thread whose record changed since the last call (one drainer only). */
MRN_VISIBLE void mrn_drain_threads(void (*fn)(const mrn_thread *, void *), void *ctx);

/*
 * Calls `fn` with the change of every (thread, stack) cell since the last call, skipping cells
 * of ignored threads (one drainer only). Returns the live bytes held by ignored threads' cells.
 */
MRN_VISIBLE int64_t mrn_drain_cells(void (*fn)(const mrn_delta *, void *), void *ctx);

/* The calling thread's serial (assigned on first use) and its Java identity. */
MRN_VISIBLE uint32_t mrn_current_thread(void);
MRN_VISIBLE void mrn_set_java_id(uint32_t serial, int64_t java_id);
/* From now on, allocations of this thread are not recorded (memray's own threads). */
MRN_VISIBLE void mrn_ignore_thread(uint32_t serial);

/*
 * While quiet, the calling thread's allocations and frees are not recorded: for the drainer's
 * own short-lived buffers. Returns the previous state.
 */
MRN_VISIBLE int mrn_set_quiet(int quiet);

/*
 * For tests: the calling thread's native stack by the cached unwinder (count -1 when it left
 * this stack to libgcc) and by libgcc's DWARF unwinder alone, which it must match.
 */
MRN_VISIBLE void mrn_unwind_both(uint64_t *cached, int *cached_count, uint64_t *reference,
                                 int *reference_count);

/* Hooks -> core (internal). */
void mrn_record_alloc(void *ptr, size_t size);
void mrn_record_free(void *ptr);
/* realloc: takes the old pointer's record out before the real realloc runs... */
int mrn_take(void *ptr, void *saved);
/* ...then puts it back if the realloc failed, or charges its free if it succeeded. */
void mrn_put_back(void *saved);
void mrn_charge_free(const void *saved);
/* Size of the opaque record mrn_take saves (callers reserve MRN_SAVED_SIZE bytes). */
#define MRN_SAVED_SIZE 32

/* The cached unwinder (unwind_rules.c): how to step from a return address to its caller. */
typedef struct {
    uint64_t pc;
    int32_t cfa_offset;
    int16_t rbp_offset; /* where rbp is saved, from the CFA; 0: rbp is kept */
    uint8_t cfa_on_rbp;
    uint8_t kind;
} mrn_rule;

#define MRN_RULES 256
/* One thread's rules, found by return address (no locks: each thread has its own). */
typedef struct {
    unsigned generation;
    mrn_rule rules[MRN_RULES];
} mrn_rule_cache;

typedef struct {
    uint64_t pc;           /* a return address, and the registers of its frame: */
    uintptr_t sp;
    uintptr_t fp;
    uintptr_t stack_high;  /* the top of this thread's stack: no read beyond it */
    uintptr_t skip_start;  /* frames in [skip_start, skip_end) are unwound but not reported */
    uintptr_t skip_end;
    int (*in_loaded_object)(uint64_t pc);
    /* out: 1 when the last frame reported is generated code (no CFI, in no loaded object),
     * 0 when it is not, -1 when not known */
    int last_generated;
} mrn_unwind_start;

/*
 * Up to `max` return addresses from `start` upwards, the same as libgcc's unwinder reports
 * them; -1 when a frame needs what this unwinder does not do (the caller then asks libgcc).
 */
int mrn_unwind_cached(mrn_rule_cache *cache, mrn_unwind_start *start, uint64_t *frames,
                      int max);
/* Changes whenever a library is unloaded: caches of rules by address are then stale. */
extern unsigned mrn_code_generation;

/* Non-zero while recording; read with a relaxed atomic load on every call. */
extern int mrn_enabled;

/* The real allocator, resolved with dlsym(RTLD_NEXT). */
void *mrn_real_malloc(size_t size);
void mrn_real_free(void *ptr);

#endif
