/*
 * The data the heap sampler keeps between two drains: interned methods and stacks, the
 * threads that sampled, and counters per (thread, stack). Nothing here calls the JVM, so it is
 * tested on its own (src/test/c).
 *
 * Threading: lookups are lock-free; every insertion happens under the session's mutex and is
 * published with a release store of the element count, so a reader that sees an index below
 * the count sees the whole element. Counters are atomics. The drainer (one thread at a time)
 * reads published elements and the dirty-cell list.
 */
#ifndef MEMRAY_SAMPLER_TABLES_H
#define MEMRAY_SAMPLER_TABLES_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* Deepest stack captured, innermost frames kept. */
#define MRT_MAX_DEPTH 128

/* Counts are kept in fixed point with this many fractional bits (weights are fractional). */
#define MRT_COUNT_SHIFT 16

/* Elements of a growable, never-moving array: CHUNK elements per chunk, up to MAX_CHUNKS. */
#define MRT_CHUNK_SHIFT 12
#define MRT_CHUNK (1u << MRT_CHUNK_SHIFT)
#define MRT_MAX_CHUNKS 2048u

typedef struct mrt_vec {
    void **chunks[MRT_MAX_CHUNKS];
    _Atomic uint32_t count;
} mrt_vec;

/* A method, resolved to names while it was on a live stack. Immutable once published. */
typedef struct mrt_method {
    const void *id;        /* the jmethodID */
    uint32_t index;
    char *class_name;      /* e.g. "com.example.Cache" */
    char *method_name;     /* e.g. "put" */
    char *source_file;     /* e.g. "Cache.java", "" when unknown */
} mrt_method;

/* A stack of methods, innermost first. Immutable once published. */
typedef struct mrt_stack {
    uint64_t hash;
    uint32_t index;
    uint32_t depth;
    const void **ids;      /* jmethodIDs */
    uint32_t *methods;     /* method indices, parallel to ids */
} mrt_stack;

/* A thread that sampled. The stack-to-cell map is touched only by that thread. */
typedef struct mrt_thread {
    uint32_t index;
    _Atomic int ignored;           /* set by the drainer for memray's own threads */
    void *_Atomic handle;          /* an opaque handle (a JNI global ref) for the drainer */
    uint32_t map_capacity;         /* power of two */
    uint32_t map_size;
    uint64_t *map;                 /* (stack index + 1) << 32 | cell index; 0 when empty */
} mrt_thread;

/* Counters of one (thread, stack): cumulative, plus what the drainer has already reported. */
typedef struct mrt_cell {
    uint32_t thread;
    uint32_t stack;
    uint32_t index;
    _Atomic int64_t allocated_bytes;
    _Atomic int64_t allocated_count_fp;
    _Atomic int64_t freed_bytes;
    _Atomic int64_t freed_count_fp;
    int64_t drained[4];            /* drainer only */
    _Atomic int dirty;
    struct mrt_cell *next_dirty;
} mrt_cell;

/* What changed in one cell since the last drain, in whole bytes and counts. */
typedef struct mrt_delta {
    uint32_t thread;
    uint32_t stack;
    int64_t allocated_bytes;
    int64_t allocated_count;
    int64_t freed_bytes;
    int64_t freed_count;
} mrt_delta;

/* A sampled object followed until it dies: an opaque weak reference, its cell and its size. */
typedef struct mrt_followed {
    void *reference;
    uint32_t cell;
    int64_t size;
} mrt_followed;

typedef struct mrt_followed_list {
    mrt_followed *items;
    size_t size;
    size_t capacity;
} mrt_followed_list;

typedef struct mrt_stack_table {
    uint32_t mask;
    mrt_stack *_Atomic *slots;
    struct mrt_stack_table *retired;   /* older, smaller tables, freed with the session */
} mrt_stack_table;

typedef struct mrt_session {
    double interval;                   /* mean sampling interval in bytes, 0 = every object */
    pthread_mutex_t lock;
    mrt_vec methods;
    mrt_vec stacks;
    mrt_vec threads;
    mrt_vec cells;
    mrt_stack_table *_Atomic stack_table;
    /* methods by id, under the lock only */
    uint32_t method_mask;
    uint32_t *method_slots;            /* method index + 1, 0 when empty */
    mrt_cell *_Atomic dirty;
    pthread_mutex_t follow_lock;       /* guards `arriving` */
    mrt_followed_list arriving;        /* followed since the last sweep */
    mrt_followed_list followed;        /* the sweeper's: alive at the last sweep */
    _Atomic int64_t samples;           /* samples counted */
    _Atomic int64_t unfollowed;          /* samples whose frees cannot be followed */
    _Atomic int64_t dropped;           /* samples lost (a table was full, out of memory) */
} mrt_session;

/* Resolves a method's names; returns 0 on success. Strings are malloc'd by the resolver. */
typedef int (*mrt_resolver)(void *context, const void *method_id, char **class_name,
                            char **method_name, char **source_file);

mrt_session *mrt_session_new(int64_t interval);
void mrt_session_free(mrt_session *session);

/* The unbiased weight of one sample of an object of `size` bytes: bytes and count (fixed point). */
void mrt_weights(int64_t size, double interval, int64_t *bytes, int64_t *count_fp);

/* Tells whether a followed object's reference says it died (the GC cleared it). */
typedef int (*mrt_is_dead)(void *context, void *reference);
/* Gives a reference back (it is no longer followed). */
typedef void (*mrt_release)(void *context, void *reference);

/*
 * Follows a sampled object of `size` bytes counted in `cell` through its weak `reference`, until
 * a sweep finds it dead. Any thread; takes the follow lock for an append. Returns 0, or -1 when
 * out of memory (the caller still owns the reference).
 */
int mrt_follow(mrt_session *session, void *reference, uint32_t cell, int64_t size);

/*
 * Asks `is_dead` of every followed object; counts each dead one as freed in its cell (with the
 * weights of its allocation) and gives its reference to `release`. One sweeper at a time (the
 * drainer); objects followed meanwhile wait for the next sweep. Returns how many died. If the
 * sweeper's list cannot grow, the newly followed objects still alive are released and counted
 * in `unfollowed`: they stay counted as live.
 */
size_t mrt_sweep(mrt_session *session, mrt_is_dead is_dead, mrt_release release,
                 void *context);

/* Gives every followed reference to `release` and forgets them (when the session ends). */
void mrt_unfollow_all(mrt_session *session, mrt_release release, void *context);

uint64_t mrt_stack_hash(const void *const *ids, uint32_t depth);
/* The interned stack equal to ids[0..depth), or NULL; lock-free. */
mrt_stack *mrt_stack_find(mrt_session *session, const void *const *ids, uint32_t depth,
                          uint64_t hash);
/* Interns a stack, resolving its unknown methods with `resolve`; NULL when out of room. */
mrt_stack *mrt_stack_intern(mrt_session *session, const void *const *ids, uint32_t depth,
                            mrt_resolver resolve, void *context);

/* Adds a thread record holding `handle`; NULL when out of room. */
mrt_thread *mrt_thread_new(mrt_session *session, void *handle);
/* The cell of (thread, stack), created if needed; call only on `thread`'s own thread. */
mrt_cell *mrt_cell_for(mrt_session *session, mrt_thread *thread, uint32_t stack);

/* Counts one sampled allocation (or its free) of an object of `size` bytes. */
void mrt_count_allocation(mrt_session *session, mrt_cell *cell, int64_t size);
void mrt_count_free(mrt_session *session, mrt_cell *cell, int64_t size);

/*
 * Collects the changes of every cell that changed since the last drain into a malloc'd array
 * (*out, to be freed by the caller); returns how many. One drainer at a time.
 */
size_t mrt_drain(mrt_session *session, mrt_delta **out);

/* "Lcom/example/Cache;" as "com.example.Cache" (malloc'd); other signatures as they are. */
char *mrt_class_name(const char *signature);

uint32_t mrt_vec_count(mrt_vec *vec);
void *mrt_vec_get(mrt_vec *vec, uint32_t index);

#endif
