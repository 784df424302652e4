/*
 * What the hooks record, and how the drainer reads it.
 *
 * Hot path (one tracked allocation): unwind the stack (bounded, rules cached per thread),
 * intern it (lock-free lookup; a lock only the first time a stack is seen), find the (thread,
 * stack) cell (a per-thread cache, then a lock-free lookup), insert the pointer into one shard
 * of the allocation table (a spinlock per shard, held for a few instructions), add to the
 * cell's counters (atomic adds).
 * No call of the allocator: every table lives in memory reserved with mmap at enable time
 * (lazily committed by the kernel), and the allocation table's shards grow with mmap.
 *
 * Re-entrancy: a thread-local flag is set while a thread is inside this code; anything it
 * allocates or frees meanwhile (the unwinder, the JVM's stack walker) is forwarded untracked.
 *
 * Fork: the child stops recording (pthread_atfork), since no Java side drains it and the
 * tables' locks may have been held by threads that do not exist in the child.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include <unwind.h>

#include "memraynative.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

int mrn_enabled;

/* ---- capacities ---------------------------------------------------------------------- */

#define MAX_THREADS (1u << 16)
#define MAX_STACKS (1u << 19)
#define STACK_SLOTS (1u << 20)
#define FRAME_WORDS (1u << 25)
#define MAX_CELLS (1u << 19)
#define CELL_SLOTS (1u << 20)
#define SHARDS 1024u
#define SHARD_INITIAL 128u
#define CELL_CACHE 64u

/* ---- small tools --------------------------------------------------------------------- */

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static inline void spin_lock(int *lock) {
    for (;;) {
        if (!__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE)) {
            return;
        }
        int spins = 0;
        while (__atomic_load_n(lock, __ATOMIC_RELAXED)) {
            if (++spins < 64) {
                cpu_relax();
            } else {
                sched_yield();
                spins = 0;
            }
        }
    }
}

static inline void spin_unlock(int *lock) {
    __atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

static inline uint64_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static void *reserve(size_t bytes) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* ---- per-thread state ---------------------------------------------------------------- */

typedef struct {
    int busy;
    uint32_t serial;
    uintptr_t stack_high; /* top of this thread's stack; 0: unknown, 1: not found */
    int64_t countdown;
    uint64_t rng;
    uint32_t cache_stack[CELL_CACHE];
    uint32_t cache_cell[CELL_CACHE];
    mrn_rule_cache rules;
} thread_state;

/* initial-exec: reaching it never allocates (unlike dynamic TLS). */
static __thread thread_state self __attribute__((tls_model("initial-exec")));

typedef struct {
    int32_t tid;
    int ignored;
    int dirty;
    int64_t java_id;
} thread_record;

static thread_record *threads;
static uint32_t next_serial = 2;

static uint32_t serial_of(thread_state *t) {
    if (likely(t->serial != 0)) {
        return t->serial;
    }
    uint32_t serial = __atomic_fetch_add(&next_serial, 1, __ATOMIC_RELAXED);
    if (serial >= MAX_THREADS) {
        serial = MRN_THREAD_OVERFLOW;
    } else {
        threads[serial].tid = (int32_t) syscall(SYS_gettid);
        __atomic_store_n(&threads[serial].dirty, 1, __ATOMIC_RELEASE);
    }
    t->serial = serial;
    return serial;
}

/* ---- stacks -------------------------------------------------------------------------- */

typedef struct {
    uint64_t hash;
    uint32_t offset;
    uint32_t length;
} stack_meta;

static uint32_t *stack_slots;   /* hash slot -> stack id, 0 = empty */
static stack_meta *stacks;      /* by id */
static uint64_t *frame_words;   /* frames of all stacks */
static uint32_t frames_used;
static uint32_t stack_total;    /* ids 1..stack_total are complete */
static int stacks_lock;

static uint64_t hash_frames(const uint64_t *frames, int n) {
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (uint64_t) n;
    for (int i = 0; i < n; i++) {
        h = mix64(h ^ frames[i]);
    }
    return h;
}

static int same_stack(uint32_t id, uint64_t hash, const uint64_t *frames, int n) {
    const stack_meta *m = &stacks[id];
    return m->hash == hash && m->length == (uint32_t) n
           && memcmp(&frame_words[m->offset], frames, (size_t) n * sizeof(uint64_t)) == 0;
}

static uint32_t intern_stack(const uint64_t *frames, int n) {
    uint64_t hash = hash_frames(frames, n);
    uint32_t mask = STACK_SLOTS - 1;
    uint32_t i = (uint32_t) hash & mask;
    for (;;) {
        uint32_t id = __atomic_load_n(&stack_slots[i], __ATOMIC_ACQUIRE);
        if (id == 0) {
            break;
        }
        if (same_stack(id, hash, frames, n)) {
            return id;
        }
        i = (i + 1) & mask;
    }
    spin_lock(&stacks_lock);
    uint32_t found = MRN_STACK_UNKNOWN;
    for (i = (uint32_t) hash & mask;; i = (i + 1) & mask) {
        uint32_t id = stack_slots[i];
        if (id == 0) {
            uint32_t next = stack_total + 1;
            /* Half the slots at most, so that probes stay short and always end. */
            if (next < MAX_STACKS && next < STACK_SLOTS / 2 && frames_used + (uint32_t) n <= FRAME_WORDS) {
                memcpy(&frame_words[frames_used], frames, (size_t) n * sizeof(uint64_t));
                stacks[next].hash = hash;
                stacks[next].offset = frames_used;
                stacks[next].length = (uint32_t) n;
                frames_used += (uint32_t) n;
                __atomic_store_n(&stack_slots[i], next, __ATOMIC_RELEASE);
                __atomic_store_n(&stack_total, next, __ATOMIC_RELEASE);
                found = next;
            }
            break;
        }
        if (same_stack(id, hash, frames, n)) {
            found = id;
            break;
        }
    }
    spin_unlock(&stacks_lock);
    return found;
}

/* ---- cells: counters per (thread, stack) ---------------------------------------------- */

typedef struct {
    uint32_t serial;
    uint32_t stack;
    int64_t alloc_bytes;
    int64_t alloc_count;
    int64_t free_bytes;
    int64_t free_count;
    char pad[64 - 40];
} cell;

typedef struct {
    int64_t alloc_bytes, alloc_count, free_bytes, free_count;
} cell_seen;

static uint32_t *cell_slots;    /* hash slot -> cell index + 1, 0 = empty */
static cell *cells;             /* cell 0: the overflow cell */
static cell_seen *cells_seen;   /* what the drainer reported, by cell */
static uint32_t cell_total = 1; /* cells 0..cell_total-1 are complete */
static int cells_lock;

static uint32_t find_cell(uint32_t serial, uint32_t stack) {
    uint64_t hash = mix64(((uint64_t) serial << 32) | stack);
    uint32_t mask = CELL_SLOTS - 1;
    uint32_t i = (uint32_t) hash & mask;
    for (;;) {
        uint32_t slot = __atomic_load_n(&cell_slots[i], __ATOMIC_ACQUIRE);
        if (slot == 0) {
            break;
        }
        const cell *c = &cells[slot - 1];
        if (c->serial == serial && c->stack == stack) {
            return slot - 1;
        }
        i = (i + 1) & mask;
    }
    spin_lock(&cells_lock);
    uint32_t found = 0;
    for (i = (uint32_t) hash & mask;; i = (i + 1) & mask) {
        uint32_t slot = cell_slots[i];
        if (slot == 0) {
            uint32_t index = cell_total;
            if (index < MAX_CELLS && index < CELL_SLOTS / 2) {
                cells[index].serial = serial;
                cells[index].stack = stack;
                __atomic_store_n(&cell_slots[i], index + 1, __ATOMIC_RELEASE);
                __atomic_store_n(&cell_total, index + 1, __ATOMIC_RELEASE);
                found = index;
            }
            break;
        }
        if (cells[slot - 1].serial == serial && cells[slot - 1].stack == stack) {
            found = slot - 1;
            break;
        }
    }
    spin_unlock(&cells_lock);
    return found;
}

static uint32_t cell_of(thread_state *t, uint32_t serial, uint32_t stack) {
    uint32_t k = stack & (CELL_CACHE - 1);
    /* Cached entries hold cell index + 1, so a zeroed cache never matches. */
    if (likely(t->cache_stack[k] == stack && t->cache_cell[k] != 0)) {
        return t->cache_cell[k] - 1;
    }
    uint32_t index = find_cell(serial, stack);
    t->cache_stack[k] = stack;
    t->cache_cell[k] = index + 1;
    return index;
}

/* ---- the allocation table: pointer -> (bytes, count, cell) ---------------------------- */

typedef struct {
    uintptr_t key; /* 0 = empty */
    uint64_t bytes;
    uint32_t cell;
    uint32_t count;
} entry;

typedef struct {
    int lock;
    uint32_t mask;
    uint32_t used;
    entry *slots;
    char pad[64 - 24];
} shard;

static shard *shards;
static int64_t live_bytes, live_count, peak_bytes, ignored_frees;

static inline uint64_t pointer_hash(uintptr_t key) {
    return mix64(key >> 4);
}

static inline shard *shard_of(uint64_t hash) {
    return &shards[hash >> 54 & (SHARDS - 1)];
}

static int shard_grow(shard *s) {
    uint32_t capacity = s->slots == NULL ? SHARD_INITIAL : (s->mask + 1) * 2;
    entry *slots = reserve((size_t) capacity * sizeof(entry));
    if (slots == NULL) {
        return 0;
    }
    uint32_t mask = capacity - 1;
    if (s->slots != NULL) {
        for (uint32_t j = 0; j <= s->mask; j++) {
            entry *e = &s->slots[j];
            if (e->key != 0) {
                uint32_t i = (uint32_t) pointer_hash(e->key) & mask;
                while (slots[i].key != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = *e;
            }
        }
        munmap(s->slots, (size_t) (s->mask + 1) * sizeof(entry));
    }
    /* atomic stores: table_prefetch reads these without the lock */
    __atomic_store_n(&s->slots, slots, __ATOMIC_RELAXED);
    __atomic_store_n(&s->mask, mask, __ATOMIC_RELAXED);
    return 1;
}

/* Brings the slot where `key` goes (or its shard, while it grows) into the cache: the allocation
 * table is large and its slots are random, so the first touch of a slot is a cache miss, which
 * the stack capture after this call then hides. Reads the shard without its lock: a stale view
 * only prefetches the wrong line. */
static inline void table_prefetch(uintptr_t key) {
    uint64_t hash = pointer_hash(key);
    shard *s = shard_of(hash);
    entry *slots = __atomic_load_n(&s->slots, __ATOMIC_RELAXED);
    uint32_t mask = __atomic_load_n(&s->mask, __ATOMIC_RELAXED);
    if (slots != NULL) {
        __builtin_prefetch(&slots[(uint32_t) hash & mask], 1);
    }
}

/* Inserts (or replaces: an address freed behind our back, e.g. while busy) a record. */
static int table_put(const entry *e) {
    uint64_t hash = pointer_hash(e->key);
    shard *s = shard_of(hash);
    spin_lock(&s->lock);
    if (s->slots == NULL || (s->used + 1) * 10 > (s->mask + 1) * 7) {
        if (!shard_grow(s) && (s->slots == NULL || s->used + 1 > s->mask)) {
            spin_unlock(&s->lock);
            return 0;
        }
    }
    uint32_t i = (uint32_t) hash & s->mask;
    while (s->slots[i].key != 0 && s->slots[i].key != e->key) {
        i = (i + 1) & s->mask;
    }
    int replaced = s->slots[i].key == e->key;
    entry old = s->slots[i];
    s->slots[i] = *e;
    if (!replaced) {
        s->used++;
    }
    spin_unlock(&s->lock);
    if (replaced) {
        /* The old block went away unseen: charge its free now. */
        mrn_charge_free(&old);
    }
    return 1;
}

/* Removes the record of `key` into `out`; 0 when there is none. */
static int table_take(uintptr_t key, entry *out) {
    uint64_t hash = pointer_hash(key);
    shard *s = shard_of(hash);
    spin_lock(&s->lock);
    if (s->slots == NULL) {
        spin_unlock(&s->lock);
        return 0;
    }
    uint32_t mask = s->mask;
    uint32_t i = (uint32_t) hash & mask;
    for (;;) {
        if (s->slots[i].key == 0) {
            spin_unlock(&s->lock);
            return 0;
        }
        if (s->slots[i].key == key) {
            break;
        }
        i = (i + 1) & mask;
    }
    *out = s->slots[i];
    /* Backward-shift deletion: no tombstones, probes stay short. */
    uint32_t hole = i;
    for (uint32_t j = (i + 1) & mask; s->slots[j].key != 0; j = (j + 1) & mask) {
        uint32_t home = (uint32_t) pointer_hash(s->slots[j].key) & mask;
        /* Move j into the hole if its home is not in (hole, j]. */
        if (((j - home) & mask) >= ((j - hole) & mask)) {
            s->slots[hole] = s->slots[j];
            hole = j;
        }
    }
    s->slots[hole].key = 0;
    s->used--;
    spin_unlock(&s->lock);
    return 1;
}

/* ---- unwinding -----------------------------------------------------------------------
 *
 * First the cached unwinder (unwind_rules.c: libgcc's frames, with each return address's rule
 * interpreted once per thread); on x86-64 it does nearly every stack. What it leaves (signal
 * frames, CFI expressions, and every stack on other machines) goes to libgcc, as follows.
 *
 * Measured: the DWARF unwinder (libgcc's _Unwind_Backtrace, which interprets each frame's call
 * frame information) costs about 300 ns per frame; following frame pointers costs a few. DWARF
 * is exact through code built without frame pointers (glibc, the system zlib), which is where
 * the first frames above malloc often are; libjvm and the JDK's own libraries keep frame
 * pointers. So on x86-64 the unwinder runs DWARF until a frame is seen to keep a frame pointer
 * (its rbp is its CFA - 16) and its caller is in the same library, and from the caller on
 * follows the frame-pointer chain: every link must lie higher on this thread's stack than the
 * last and below the stack's top, and every return address inside a loaded object (else the
 * chain has reached the JVM's generated code, whose frames the Java walker reports). A function
 * without frame pointer further up costs the frame of its caller, not a wrong stack.
 */

static uintptr_t own_start, own_end;
static mrn_java_walker java_walker;
static mrn_env_lookup env_lookup;
static int (*find_object)(void *, void *);
static ucontext_t empty_context;

typedef struct {
    uint64_t *frames;
    int count;
    int max;
    uintptr_t stack_high; /* 0: no frame-pointer walking */
    uintptr_t callee_rbp;  /* rbp in the frame reported last */
    uintptr_t callee_object;
} unwind_state;

/* Layout of glibc's struct dl_find_object (2.35). */
typedef struct {
    unsigned long long flags;
    void *map_start;
    void *map_end;
    void *link_map;
    void *eh_frame;
    unsigned long long reserved[8];
} found_object;

/* The start of the loaded object holding `pc`, 0 when none. */
static uintptr_t object_of(uint64_t pc) {
    found_object result;
    if (find_object((void *) (uintptr_t) (pc - 1), &result) != 0) {
        return 0;
    }
    return (uintptr_t) result.map_start;
}

static int in_loaded_object(uint64_t pc) {
    return find_object == NULL || object_of(pc) != 0;
}

#if defined(__x86_64__)
#define FRAME_POINTER_WALK 1

/* Follows the chain from `fp`, which must lie on this thread's stack above `low`. */
static void walk_frame_pointers(unwind_state *u, uintptr_t fp, uintptr_t low) {
    while (u->count < u->max) {
        if ((fp & 7) != 0 || fp < low || fp + 16 > u->stack_high) {
            return;
        }
        uintptr_t next = ((const uintptr_t *) fp)[0];
        uintptr_t ret = ((const uintptr_t *) fp)[1];
        if (ret == 0) {
            return;
        }
        u->frames[u->count++] = ret;
        if (!in_loaded_object(ret) || next <= fp) {
            return;
        }
        fp = next;
    }
}
#endif

static _Unwind_Reason_Code unwind_step(struct _Unwind_Context *context, void *arg) {
    unwind_state *u = arg;
    uintptr_t pc = (uintptr_t) _Unwind_GetIP(context);
    if (pc == 0) {
        return _URC_END_OF_STACK;
    }
    if (pc >= own_start && pc < own_end) {
        return _URC_NO_REASON; /* this library's own frames */
    }
    u->frames[u->count++] = pc;
    if (u->count >= u->max) {
        return _URC_END_OF_STACK;
    }
#ifdef FRAME_POINTER_WALK
    if (u->stack_high > 1) {
        /* Here the context's CFA is that of the frame reported last (this frame's callee). */
        uintptr_t rbp = (uintptr_t) _Unwind_GetGR(context, 6);
        uintptr_t object = object_of(pc);
        if (u->callee_rbp != 0 && u->callee_rbp + 16 == (uintptr_t) _Unwind_GetCFA(context)
            && object != 0 && object == u->callee_object) {
            walk_frame_pointers(u, rbp, (uintptr_t) _Unwind_GetCFA(context));
            return _URC_END_OF_STACK;
        }
        u->callee_rbp = rbp;
        u->callee_object = object;
    }
#endif
    return _URC_NO_REASON;
}

/* The top of the stack mapping holding `sp`, read from /proc/self/maps with plain system calls
 * (no allocation, no lock of libc); 1 when not found. */
static uintptr_t stack_top(uintptr_t sp) {
    int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return 1;
    }
    char buffer[4096];
    size_t have = 0;
    uintptr_t top = 1;
    for (;;) {
        ssize_t got = read(fd, buffer + have, sizeof buffer - have);
        if (got <= 0) {
            break;
        }
        have += (size_t) got;
        size_t line = 0;
        for (size_t i = 0; i < have; i++) {
            if (buffer[i] != '\n') {
                continue;
            }
            uintptr_t low = 0, high = 0;
            size_t k = line;
            for (; k < i && buffer[k] != '-'; k++) {
                char c = buffer[k];
                low = low * 16 + (uintptr_t) (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            }
            for (k++; k < i && buffer[k] != ' '; k++) {
                char c = buffer[k];
                high = high * 16 + (uintptr_t) (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            }
            if (low <= sp && sp < high) {
                top = high;
                goto done;
            }
            line = i + 1;
        }
        memmove(buffer, buffer + line, have - line);
        have -= line;
        if (have == sizeof buffer) {
            have = 0; /* a line longer than the buffer: skip it */
        }
    }
done:
    close(fd);
    return top;
}

/* Finds the top of the calling thread's stack, once (both unwinders bound their reads by it). */
static void know_stack_top(thread_state *t) {
    if (t->stack_high == 0 && find_object != NULL) {
        t->stack_high = stack_top((uintptr_t) __builtin_frame_address(0));
    }
}

/* The native frames by libgcc's unwinder alone (the reference), or with the frame-pointer walk
 * when `fp_walk` is set. */
static int capture_with_libgcc(thread_state *t, uint64_t *frames, int fp_walk) {
    unwind_state u = {frames, 0, MRN_MAX_NATIVE_FRAMES, 0, 0, 0};
#ifdef FRAME_POINTER_WALK
    if (fp_walk && find_object != NULL) {
        u.stack_high = t->stack_high;
    }
#else
    (void) t;
    (void) fp_walk;
#endif
    _Unwind_Backtrace(unwind_step, &u);
    return u.count;
}

/* The native frames by the cached unwinder, from this function's caller on; -1 when it cannot
 * do this stack. Not inlined: its own frame (with frame pointer) gives the caller's registers. */
static __attribute__((noinline)) int capture_cached(thread_state *t, uint64_t *frames,
                                                     int *last_generated) {
    if (t->stack_high <= 1 || find_object == NULL) {
        return -1;
    }
    const uintptr_t *frame = __builtin_frame_address(0);
    mrn_unwind_start start = {frame[1], (uintptr_t) (frame + 2), frame[0], t->stack_high,
                              own_start, own_end, in_loaded_object, -1};
    int n = mrn_unwind_cached(&t->rules, &start, frames, MRN_MAX_NATIVE_FRAMES);
    *last_generated = start.last_generated;
    return n;
}

MRN_VISIBLE void mrn_unwind_both(uint64_t *cached, int *cached_count, uint64_t *reference,
                                 int *reference_count) {
    thread_state *t = &self;
    int was = t->busy;
    t->busy = 1;
    know_stack_top(t);
    int generated;
    *cached_count = capture_cached(t, cached, &generated);
    *reference_count = capture_with_libgcc(t, reference, 0);
    t->busy = was;
}

static int capture(thread_state *t, uint64_t *frames) {
    know_stack_top(t);
    int generated = -1; /* -1: not known, ask the loaded objects */
    int n = capture_cached(t, frames, &generated);
    if (n < 0) {
        generated = -1;
        n = capture_with_libgcc(t, frames, 1);
    }
    if (java_walker != NULL) {
        void *env = env_lookup();
        if (env != NULL) {
            mrn_java_frame java[MRN_MAX_JAVA_FRAMES];
            mrn_java_trace trace = {env, 0, java};
            /* An empty context: the walker then starts only from the thread's last Java frame
             * (recorded when it left Java code), never from a guessed one. */
            java_walker(&trace, MRN_MAX_JAVA_FRAMES, &empty_context);
            if (trace.num_frames > 0) {
                /* The unwinder's last frame is the JVM's generated code it could not unwind
                 * (outside any loaded object): the Java frames stand for it. */
                if (n > 0 && (generated >= 0 ? generated : !in_loaded_object(frames[n - 1]))) {
                    n--;
                }
                for (int i = 0; i < trace.num_frames; i++) {
                    if (java[i].method_id != NULL) {
                        frames[n++] = MRN_JAVA_FRAME | (uint64_t) (uintptr_t) java[i].method_id;
                    }
                }
            }
        }
    }
    return n;
}

/* ---- sampling ------------------------------------------------------------------------ */

static uint64_t sampling_interval;

static uint64_t next_random(thread_state *t) {
    if (t->rng == 0) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        t->rng = mix64((uint64_t) now.tv_nsec ^ ((uint64_t) syscall(SYS_gettid) << 32)) | 1;
    }
    t->rng ^= t->rng << 13;
    t->rng ^= t->rng >> 7;
    t->rng ^= t->rng << 17;
    return t->rng;
}

static int64_t next_countdown(thread_state *t) {
    double u = ((double) (next_random(t) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
    return (int64_t) (-log(u) * (double) sampling_interval) + 1;
}

/* Poisson sampling: each byte is sampled with probability 1/interval, so an allocation of n
 * bytes is sampled with probability p = 1 - exp(-n/interval) and stands for n/p bytes and 1/p
 * allocations (unbiased). */
static int sampled(thread_state *t, size_t size, uint64_t *bytes, uint32_t *count) {
    if (unlikely(t->countdown <= 0 && t->rng == 0)) {
        t->countdown = next_countdown(t);
    }
    t->countdown -= (int64_t) size;
    if (likely(t->countdown > 0)) {
        return 0;
    }
    t->countdown = next_countdown(t);
    double p = -expm1(-(double) size / (double) sampling_interval);
    if (p <= 0) {
        p = 1.0 / (double) sampling_interval;
    }
    *bytes = (uint64_t) llround((double) size / p);
    double weight = llround(1.0 / p);
    *count = weight < 1 ? 1 : weight > 4e9 ? 4000000000u : (uint32_t) weight;
    return 1;
}

/* ---- recording ----------------------------------------------------------------------- */

static void add_live(int64_t bytes, int64_t count) {
    int64_t now = __atomic_add_fetch(&live_bytes, bytes, __ATOMIC_RELAXED) ;
    __atomic_add_fetch(&live_count, count, __ATOMIC_RELAXED);
    if (bytes > 0) {
        int64_t peak = __atomic_load_n(&peak_bytes, __ATOMIC_RELAXED);
        while (now > peak && !__atomic_compare_exchange_n(&peak_bytes, &peak, now, 1,
                                                           __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
        }
    }
}

void mrn_record_alloc(void *ptr, size_t size) {
    thread_state *t = &self;
    if (t->busy) {
        return;
    }
    t->busy = 1;
    uint32_t serial = serial_of(t);
    uint64_t bytes = size;
    uint32_t count = 1;
    if (!__atomic_load_n(&threads[serial].ignored, __ATOMIC_RELAXED)
        && (sampling_interval == 0 || sampled(t, size, &bytes, &count))) {
        table_prefetch((uintptr_t) ptr);
        uint64_t frames[MRN_MAX_FRAMES];
        int n = capture(t, frames);
        uint32_t stack = intern_stack(frames, n);
        uint32_t index = cell_of(t, serial, stack);
        cell *c = &cells[index];
        __atomic_add_fetch(&c->alloc_bytes, (int64_t) bytes, __ATOMIC_RELEASE);
        __atomic_add_fetch(&c->alloc_count, (int64_t) count, __ATOMIC_RELEASE);
        add_live((int64_t) bytes, count);
        entry e = {(uintptr_t) ptr, bytes, index, count};
        if (!table_put(&e)) {
            /* No room to remember it: its free would go unseen, so do not count it. */
            __atomic_sub_fetch(&c->alloc_bytes, (int64_t) bytes, __ATOMIC_RELEASE);
            __atomic_sub_fetch(&c->alloc_count, (int64_t) count, __ATOMIC_RELEASE);
            add_live(-(int64_t) bytes, -(int64_t) count);
        }
    }
    t->busy = 0;
}

void mrn_charge_free(const void *saved) {
    const entry *e = saved;
    cell *c = &cells[e->cell];
    __atomic_add_fetch(&c->free_bytes, (int64_t) e->bytes, __ATOMIC_RELEASE);
    __atomic_add_fetch(&c->free_count, (int64_t) e->count, __ATOMIC_RELEASE);
    add_live(-(int64_t) e->bytes, -(int64_t) e->count);
}

int mrn_take(void *ptr, void *saved) {
    _Static_assert(sizeof(entry) <= MRN_SAVED_SIZE, "saved record too small");
    thread_state *t = &self;
    if (t->busy) {
        return 0;
    }
    t->busy = 1;
    int found = table_take((uintptr_t) ptr, saved);
    t->busy = 0;
    return found;
}

void mrn_put_back(void *saved) {
    thread_state *t = &self;
    t->busy = 1;
    table_put(saved);
    t->busy = 0;
}

void mrn_record_free(void *ptr) {
    entry e;
    thread_state *t = &self;
    if (t->busy) {
        return;
    }
    t->busy = 1;
    if (table_take((uintptr_t) ptr, &e)) {
        mrn_charge_free(&e);
    } else if (sampling_interval == 0) {
        __atomic_add_fetch(&ignored_frees, 1, __ATOMIC_RELAXED);
    }
    t->busy = 0;
}

/* ---- lifecycle ----------------------------------------------------------------------- */

static void stop_in_child(void) {
    __atomic_store_n(&mrn_enabled, 0, __ATOMIC_RELAXED);
    self.serial = 0;
    self.stack_high = 0;
    self.busy = 0;
}

typedef struct {
    uintptr_t base;
    uintptr_t start;
    uintptr_t end;
} own_range;

static int own_range_step(struct dl_phdr_info *object, size_t size, void *arg) {
    (void) size;
    own_range *r = arg;
    if ((uintptr_t) object->dlpi_addr != r->base) {
        return 0;
    }
    for (int i = 0; i < object->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &object->dlpi_phdr[i];
        if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
            uintptr_t start = r->base + ph->p_vaddr;
            uintptr_t end = start + ph->p_memsz;
            if (r->start == 0 || start < r->start) {
                r->start = start;
            }
            if (end > r->end) {
                r->end = end;
            }
        }
    }
    return 1;
}

/* The code of this library, whose frames are left out of stacks. */
static void find_own_range(void) {
    Dl_info info;
    if (!dladdr((void *) &find_own_range, &info)) {
        return;
    }
    own_range r = {(uintptr_t) info.dli_fbase, 0, 0};
    dl_iterate_phdr(own_range_step, &r);
    own_start = r.start;
    own_end = r.end;
}

static _Unwind_Reason_Code count_step(struct _Unwind_Context *context, void *arg) {
    (void) context;
    ++*(int *) arg;
    return _URC_NO_REASON;
}

static int reserve_tables(void) {
    if (shards != NULL) {
        return 0;
    }
    threads = reserve((size_t) MAX_THREADS * sizeof(thread_record));
    stack_slots = reserve((size_t) STACK_SLOTS * sizeof(uint32_t));
    stacks = reserve((size_t) MAX_STACKS * sizeof(stack_meta));
    frame_words = reserve((size_t) FRAME_WORDS * sizeof(uint64_t));
    cell_slots = reserve((size_t) CELL_SLOTS * sizeof(uint32_t));
    cells = reserve((size_t) MAX_CELLS * sizeof(cell));
    cells_seen = reserve((size_t) MAX_CELLS * sizeof(cell_seen));
    shard *table = reserve((size_t) SHARDS * sizeof(shard));
    if (!threads || !stack_slots || !stacks || !frame_words || !cell_slots || !cells
        || !cells_seen || !table) {
        return -1;
    }
    cells[0].serial = MRN_THREAD_OVERFLOW;
    cells[0].stack = MRN_STACK_UNKNOWN;
    threads[MRN_THREAD_OVERFLOW].dirty = 1;
    __atomic_store_n(&shards, table, __ATOMIC_RELEASE);
    return 0;
}

MRN_VISIBLE int mrn_enable(const mrn_config *config) {
    static int once;
    thread_state *t = &self;
    t->busy = 1;
    int result = reserve_tables();
    if (result == 0 && !once) {
        once = 1;
        find_own_range();
        find_object = (int (*)(void *, void *)) dlsym(RTLD_DEFAULT, "_dl_find_object");
        pthread_atfork(NULL, NULL, stop_in_child);
        /* The unwinder sets itself up on first use (it may allocate): do it here. */
        int frames = 0;
        _Unwind_Backtrace(count_step, &frames);
    }
    if (result == 0) {
        sampling_interval = config->sampling_interval;
        env_lookup = config->env_lookup;
        java_walker = config->env_lookup != NULL ? config->java_walker : NULL;
        __atomic_store_n(&mrn_enabled, 1, __ATOMIC_SEQ_CST);
    }
    t->busy = 0;
    return result;
}

MRN_VISIBLE void mrn_disable(void) {
    __atomic_store_n(&mrn_enabled, 0, __ATOMIC_SEQ_CST);
}

MRN_VISIBLE void mrn_get_totals(mrn_totals *out) {
    out->live_bytes = __atomic_load_n(&live_bytes, __ATOMIC_RELAXED);
    out->live_count = __atomic_load_n(&live_count, __ATOMIC_RELAXED);
    out->peak_bytes = __atomic_load_n(&peak_bytes, __ATOMIC_RELAXED);
    out->ignored_frees = __atomic_load_n(&ignored_frees, __ATOMIC_RELAXED);
}

MRN_VISIBLE uint32_t mrn_stack_count(void) {
    return shards == NULL ? 0 : __atomic_load_n(&stack_total, __ATOMIC_ACQUIRE);
}

MRN_VISIBLE int mrn_stack_frames(uint32_t id, uint64_t *out, int max) {
    if (id == 0 || id > mrn_stack_count()) {
        return 0;
    }
    const stack_meta *m = &stacks[id];
    int n = (int) m->length;
    memcpy(out, &frame_words[m->offset], (size_t) (n < max ? n : max) * sizeof(uint64_t));
    return n;
}

MRN_VISIBLE int mrn_set_quiet(int quiet) {
    int was = self.busy;
    self.busy = quiet;
    return was;
}

MRN_VISIBLE uint32_t mrn_current_thread(void) {
    if (shards == NULL) {
        return 0;
    }
    return serial_of(&self);
}

MRN_VISIBLE void mrn_set_java_id(uint32_t serial, int64_t java_id) {
    if (shards == NULL || serial <= MRN_THREAD_OVERFLOW || serial >= MAX_THREADS) {
        return;
    }
    __atomic_store_n(&threads[serial].java_id, java_id, __ATOMIC_RELAXED);
    __atomic_store_n(&threads[serial].dirty, 1, __ATOMIC_RELEASE);
}

MRN_VISIBLE void mrn_ignore_thread(uint32_t serial) {
    if (shards == NULL || serial <= MRN_THREAD_OVERFLOW || serial >= MAX_THREADS) {
        return;
    }
    __atomic_store_n(&threads[serial].ignored, 1, __ATOMIC_RELAXED);
    __atomic_store_n(&threads[serial].dirty, 1, __ATOMIC_RELEASE);
}

MRN_VISIBLE void mrn_drain_threads(void (*fn)(const mrn_thread *, void *), void *ctx) {
    if (shards == NULL) {
        return;
    }
    uint32_t end = __atomic_load_n(&next_serial, __ATOMIC_ACQUIRE);
    if (end > MAX_THREADS) {
        end = MAX_THREADS;
    }
    for (uint32_t serial = MRN_THREAD_OVERFLOW; serial < end; serial++) {
        thread_record *r = &threads[serial];
        if (__atomic_exchange_n(&r->dirty, 0, __ATOMIC_ACQUIRE)) {
            mrn_thread out = {serial, r->tid, __atomic_load_n(&r->java_id, __ATOMIC_RELAXED),
                              __atomic_load_n(&r->ignored, __ATOMIC_RELAXED)};
            fn(&out, ctx);
        }
    }
}

MRN_VISIBLE int64_t mrn_drain_cells(void (*fn)(const mrn_delta *, void *), void *ctx) {
    if (shards == NULL) {
        return 0;
    }
    int64_t ignored_live = 0;
    uint32_t end = __atomic_load_n(&cell_total, __ATOMIC_ACQUIRE);
    for (uint32_t i = 0; i < end; i++) {
        cell *c = &cells[i];
        cell_seen *seen = &cells_seen[i];
        /* Frees first: every free read was preceded by its allocation's increment, so a
         * drain never shows more freed than allocated. */
        int64_t free_count = __atomic_load_n(&c->free_count, __ATOMIC_ACQUIRE);
        int64_t free_bytes = __atomic_load_n(&c->free_bytes, __ATOMIC_ACQUIRE);
        int64_t alloc_count = __atomic_load_n(&c->alloc_count, __ATOMIC_ACQUIRE);
        int64_t alloc_bytes = __atomic_load_n(&c->alloc_bytes, __ATOMIC_ACQUIRE);
        if (__atomic_load_n(&threads[c->serial].ignored, __ATOMIC_RELAXED)) {
            ignored_live += alloc_bytes - free_bytes;
            continue;
        }
        mrn_delta d = {c->serial, c->stack, alloc_bytes - seen->alloc_bytes,
                       alloc_count - seen->alloc_count, free_bytes - seen->free_bytes,
                       free_count - seen->free_count};
        if (d.alloc_bytes != 0 || d.alloc_count != 0 || d.free_bytes != 0 || d.free_count != 0) {
            seen->alloc_bytes = alloc_bytes;
            seen->alloc_count = alloc_count;
            seen->free_bytes = free_bytes;
            seen->free_count = free_count;
            fn(&d, ctx);
        }
    }
    return ignored_live;
}
