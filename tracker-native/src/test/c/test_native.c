/*
 * Tests of libmemraynative, run under LD_PRELOAD with the library (see run-tests.sh).
 * Output goes through write(2) only, so that the tests themselves allocate nothing unseen.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "memraynative.h"

static int passed, failed;

static void say(const char *text) {
    ssize_t ignored = write(1, text, strlen(text));
    (void) ignored;
}

static void check(int ok, const char *test, const char *what, long long expected, long long actual) {
    char line[256];
    if (!ok) {
        snprintf(line, sizeof line, "  FAIL %s: %s: expected %lld, got %lld\n", test, what,
                 expected, actual);
        say(line);
    }
}

#define EXPECT_EQ(test, what, expected, actual)                                          \
    do {                                                                                 \
        long long e_ = (long long) (expected), a_ = (long long) (actual);                \
        if (e_ != a_) {                                                                  \
            check(0, test, what, e_, a_);                                                \
            ok = 0;                                                                      \
        }                                                                                \
    } while (0)

static void report(const char *test, int ok) {
    char line[256];
    snprintf(line, sizeof line, "%s %s\n", ok ? "ok  " : "FAIL", test);
    say(line);
    if (ok) {
        passed++;
    } else {
        failed++;
    }
}

static mrn_totals totals(void) {
    mrn_totals t;
    mrn_get_totals(&t);
    return t;
}

/* Sums of drained deltas, per thread serial. */
#define MAX_SERIALS 1024
typedef struct {
    long long alloc_bytes[MAX_SERIALS], alloc_count[MAX_SERIALS];
    long long free_bytes[MAX_SERIALS], free_count[MAX_SERIALS];
} per_thread;

static per_thread drained;

static void add_delta(const mrn_delta *d, void *ctx) {
    per_thread *p = ctx;
    if (d->serial < MAX_SERIALS) {
        p->alloc_bytes[d->serial] += d->alloc_bytes;
        p->alloc_count[d->serial] += d->alloc_count;
        p->free_bytes[d->serial] += d->free_bytes;
        p->free_count[d->serial] += d->free_count;
    }
}

static void drain(void) {
    mrn_drain_cells(add_delta, &drained);
}

static long long live_of(uint32_t serial) {
    return drained.alloc_bytes[serial] - drained.free_bytes[serial];
}

static long long live_count_of(uint32_t serial) {
    return drained.alloc_count[serial] - drained.free_count[serial];
}

static const mrn_config exact = {0, NULL, NULL};

/* ---- every function of the family, in one known sequence ---------------------------- */

static void test_sequence(void) {
    int ok = 1;
    mrn_totals before = totals();
    void *p1 = malloc(100);
    void *p2 = calloc(10, 20);
    void *p3 = realloc(NULL, 300);
    p3 = realloc(p3, 1000);
    void *p4 = NULL;
    int rc = posix_memalign(&p4, 64, 512);
    void *p5 = aligned_alloc(64, 256);
    void *p6 = memalign(128, 333);
    void *p7 = valloc(4000);
    free(p1);
    mrn_totals mid = totals();
    EXPECT_EQ("sequence", "posix_memalign", 0, rc);
    EXPECT_EQ("sequence", "live bytes", 200 + 1000 + 512 + 256 + 333 + 4000,
              mid.live_bytes - before.live_bytes);
    EXPECT_EQ("sequence", "live count", 6, mid.live_count - before.live_count);
    p3 = realloc(p3, 10); /* shrink */
    mid = totals();
    EXPECT_EQ("sequence", "live bytes after shrink", 200 + 10 + 512 + 256 + 333 + 4000,
              mid.live_bytes - before.live_bytes);
    free(p2);
    free(p3);
    free(p4);
    free(p5);
    free(p6);
    free(p7);
    mrn_totals after = totals();
    EXPECT_EQ("sequence", "live bytes at end", 0, after.live_bytes - before.live_bytes);
    EXPECT_EQ("sequence", "live count at end", 0, after.live_count - before.live_count);
    EXPECT_EQ("sequence", "ignored frees", 0, after.ignored_frees - before.ignored_frees);
    report("sequence of malloc/calloc/realloc/free/posix_memalign/aligned_alloc/memalign/valloc", ok);
}

static void test_failures(void) {
    int ok = 1;
    mrn_totals before = totals();
    void *p = malloc(64);
    /* Called through volatile pointers and sizes: the compiler must not judge these calls. */
    void *(*volatile realloc_fn)(void *, size_t) = realloc;
    void *(*volatile calloc_fn)(size_t, size_t) = calloc;
    volatile size_t huge = SIZE_MAX / 2;
    void *q = realloc_fn(p, huge); /* fails: p stays, still charged */
    EXPECT_EQ("failures", "realloc failed", 1, q == NULL);
    void *c = calloc_fn(huge, 4); /* overflow: NULL, nothing recorded */
    EXPECT_EQ("failures", "calloc overflow", 1, c == NULL);
    mrn_totals mid = totals();
    EXPECT_EQ("failures", "live bytes", 64, mid.live_bytes - before.live_bytes);
    free(p);
    void *z = malloc(32);
    z = realloc_fn(z, 0); /* glibc: frees, returns NULL */
    free(z);
    mrn_totals after = totals();
    EXPECT_EQ("failures", "live bytes at end", 0, after.live_bytes - before.live_bytes);
    EXPECT_EQ("failures", "live count at end", 0, after.live_count - before.live_count);
    report("failed realloc keeps the block, failed calloc records nothing, realloc(p, 0) frees", ok);
}

/* ---- frees of memory allocated before tracking started ------------------------------- */

static void *early[16];

static void test_preexisting(void) {
    int ok = 1;
    mrn_totals before = totals();
    for (int i = 0; i < 16; i++) {
        free(early[i]);
    }
    mrn_totals after = totals();
    EXPECT_EQ("preexisting", "live bytes", 0, after.live_bytes - before.live_bytes);
    EXPECT_EQ("preexisting", "live count", 0, after.live_count - before.live_count);
    EXPECT_EQ("preexisting", "ignored frees", 16, after.ignored_frees - before.ignored_frees);
    report("frees of memory allocated before tracking are ignored, not counted negative", ok);
}

/* ---- threads: exact figures per allocating thread ------------------------------------ */

typedef struct {
    int index;
    uint32_t serial;
    void *kept[8];
    void *handed_over;
} worker;

static void *work(void *arg) {
    worker *w = arg;
    w->serial = mrn_current_thread();
    for (int round = 0; round < 1000; round++) {
        void *t = malloc(1 + round % 300);
        free(t);
    }
    for (int i = 0; i <= w->index; i++) {
        w->kept[i] = malloc(1000 * (size_t) (w->index + 1));
    }
    w->handed_over = malloc(777);
    return NULL;
}

static void test_threads(void) {
    int ok = 1;
    enum { N = 6 };
    worker workers[N];
    pthread_t ids[N];
    drain();
    for (int i = 0; i < N; i++) {
        workers[i].index = i;
        pthread_create(&ids[i], NULL, work, &workers[i]);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(ids[i], NULL);
    }
    /* Freed by another thread: charged to the thread that allocated. */
    for (int i = 0; i < N; i++) {
        free(workers[i].handed_over);
    }
    drain();
    for (int i = 0; i < N; i++) {
        uint32_t s = workers[i].serial;
        EXPECT_EQ("threads", "live bytes of a worker", (i + 1) * 1000LL * (i + 1), live_of(s));
        EXPECT_EQ("threads", "live count of a worker", i + 1, live_count_of(s));
        EXPECT_EQ("threads", "allocations of a worker", 1000 + i + 1 + 1, drained.alloc_count[s]);
    }
    for (int i = 0; i < N; i++) {
        for (int k = 0; k <= i; k++) {
            free(workers[i].kept[k]);
        }
    }
    drain();
    for (int i = 0; i < N; i++) {
        EXPECT_EQ("threads", "live bytes of a worker at end", 0, live_of(workers[i].serial));
    }
    report("several threads: live bytes and counts exact per allocating thread", ok);
}

/* ---- stacks: the allocating function is on the recorded stack ------------------------ */

static uint32_t stack_of_size_stack;
static int64_t stack_of_size;

static void find_stack(const mrn_delta *d, void *ctx) {
    (void) ctx;
    if (d->alloc_bytes == stack_of_size && d->alloc_count == 1) {
        stack_of_size_stack = d->stack;
    }
}

__attribute__((noinline)) void *allocate_here(size_t size) {
    void *p = malloc(size);
    __asm__ __volatile__("" ::: "memory");
    return p;
}

static void test_stacks(void) {
    int ok = 1;
    drain();
    stack_of_size = 123457;
    void *p = allocate_here((size_t) stack_of_size);
    mrn_drain_cells(find_stack, NULL);
    EXPECT_EQ("stacks", "a stack was found", 1, stack_of_size_stack != 0);
    uint64_t frames[MRN_MAX_FRAMES];
    int n = mrn_stack_frames(stack_of_size_stack, frames, MRN_MAX_FRAMES);
    int found_here = 0, found_main = 0, found_library = 0;
    for (int i = 0; i < n; i++) {
        Dl_info info;
        if (dladdr((void *) (uintptr_t) (frames[i] - 1), &info) && info.dli_sname != NULL) {
            found_here |= strcmp(info.dli_sname, "allocate_here") == 0 && i == 0;
            found_main |= strcmp(info.dli_sname, "main") == 0;
            found_library |= strncmp(info.dli_sname, "mrn_", 4) == 0
                             || strcmp(info.dli_sname, "malloc") == 0;
        }
    }
    EXPECT_EQ("stacks", "innermost frame is the allocating function", 1, found_here);
    EXPECT_EQ("stacks", "main is on the stack", 1, found_main);
    EXPECT_EQ("stacks", "no frame of the library itself", 0, found_library);
    free(p);
    report("the stack starts at the caller of malloc and reaches main", ok);
}

/* ---- the cached unwinder: the same stacks as libgcc's, frame by frame ------------------ */

static int unwinds_compared, unwinds_cached, unwinds_differing;

static void compare_unwinders(void) {
    uint64_t cached[MRN_MAX_FRAMES], reference[MRN_MAX_FRAMES];
    int n_cached, n_reference;
    /* twice: the first call fills the thread's cache, the second reads it */
    for (int pass = 0; pass < 2; pass++) {
        mrn_unwind_both(cached, &n_cached, reference, &n_reference);
        unwinds_compared++;
        if (n_cached >= 0) {
            unwinds_cached++;
            if (n_cached != n_reference
                || memcmp(cached, reference, (size_t) n_cached * sizeof(uint64_t)) != 0) {
                unwinds_differing++;
            }
        }
    }
}

static int by_value(const void *a, const void *b) {
    compare_unwinders(); /* below qsort: libc's frames, built without frame pointers */
    return *(const int *) a - *(const int *) b;
}

/* Recursion whose frames have a size known only at run time (alloca: rbp-based CFA). */
static __attribute__((noinline)) int descend(int depth, int variable) {
    volatile char *scratch = __builtin_alloca((size_t) (16 + (depth * variable) % 200));
    scratch[0] = (char) depth;
    int sum = scratch[0];
    if (depth > 0) {
        sum += descend(depth - 1, variable);
    } else {
        compare_unwinders();
        int values[4] = {3, 1, 2, 0};
        qsort(values, 4, sizeof(int), by_value);
    }
    return sum;
}

static void *unwind_on_thread(void *arg) {
    (void) arg;
    for (int depth = 0; depth < 40; depth += 3) {
        descend(depth, 7);
    }
    return NULL;
}

static void on_signal(int sig) {
    (void) sig;
    compare_unwinders(); /* through the kernel's signal frame: left to libgcc or the same */
}

static void test_cached_unwinder(void) {
    int ok = 1;
    for (int depth = 0; depth < 40; depth++) {
        descend(depth, depth % 5);
    }
    pthread_t thread;
    pthread_create(&thread, NULL, unwind_on_thread, NULL);
    pthread_join(thread, NULL);
    signal(SIGUSR1, on_signal);
    raise(SIGUSR1);
    signal(SIGUSR1, SIG_DFL);
    char counts[160];
    snprintf(counts, sizeof counts, "     %d stacks compared, %d by the cached unwinder\n",
             unwinds_compared, unwinds_cached);
    say(counts);
    EXPECT_EQ("cached unwinder", "stacks that differ from libgcc's", 0, unwinds_differing);
#if defined(__x86_64__)
    /* all but the signal handler's stacks are done by the cached unwinder itself */
    EXPECT_EQ("cached unwinder", "stacks it did itself", 1, unwinds_cached >= unwinds_compared - 2);
#endif
    report("the cached unwinder reports libgcc's frames (alloca frames, libc, threads, depth)",
           ok);
}

/* ---- fork: the child is not tracked, the parent's figures stay exact ----------------- */

static void test_fork(void) {
    int ok = 1;
    mrn_totals before = totals();
    void *kept = malloc(4096);
    pid_t pid = fork();
    if (pid == 0) {
        mrn_totals in_child = totals();
        void *blocks[1000];
        for (int i = 0; i < 1000; i++) {
            blocks[i] = malloc(64 + i);
        }
        for (int i = 0; i < 1000; i++) {
            free(blocks[i]);
        }
        free(kept);
        mrn_totals child_after = totals();
        _exit(child_after.live_bytes == in_child.live_bytes
              && child_after.ignored_frees == in_child.ignored_frees ? 0 : 3);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_EQ("fork", "child exit status", 0, WIFEXITED(status) ? WEXITSTATUS(status) : 99);
    mrn_totals after = totals();
    EXPECT_EQ("fork", "parent live bytes", 4096, after.live_bytes - before.live_bytes);
    free(kept);
    after = totals();
    EXPECT_EQ("fork", "parent live bytes at end", 0, after.live_bytes - before.live_bytes);
    report("a forked child runs untracked and leaves the parent's figures exact", ok);
}

/* ---- 64 threads at once -------------------------------------------------------------- */

#define MANY 64
#define ROUNDS 20000
#define KEPT 10

static void *churn(void *arg) {
    void **kept = arg;
    unsigned seed = (unsigned) (uintptr_t) arg;
    void *window[8] = {0};
    for (int round = 0; round < ROUNDS; round++) {
        seed = seed * 1103515245u + 12345u;
        int slot = (int) (seed >> 16) % 8;
        free(window[slot]);
        size_t size = 1 + (seed >> 8) % 2048;
        switch (round % 4) {
            case 0: window[slot] = malloc(size); break;
            case 1: window[slot] = calloc(1, size); break;
            case 2: window[slot] = realloc(malloc(16), size); break;
            default: window[slot] = aligned_alloc(32, (size + 31) & ~(size_t) 31); break;
        }
    }
    for (int i = 0; i < 8; i++) {
        free(window[i]);
    }
    for (int i = 0; i < KEPT; i++) {
        kept[i] = malloc(64);
    }
    return NULL;
}

static void test_many_threads(void) {
    int ok = 1;
    static void *kept[MANY][KEPT];
    pthread_t ids[MANY];
    mrn_totals before = totals();
    for (int i = 0; i < MANY; i++) {
        pthread_create(&ids[i], NULL, churn, kept[i]);
    }
    for (int i = 0; i < MANY; i++) {
        pthread_join(ids[i], NULL);
    }
    mrn_totals after = totals();
    /* pthread_create's own blocks (thread-local storage) are freed by the joins. */
    EXPECT_EQ("many threads", "live bytes", MANY * KEPT * 64LL, after.live_bytes - before.live_bytes);
    EXPECT_EQ("many threads", "live count", MANY * KEPT, after.live_count - before.live_count);
    for (int i = 0; i < MANY; i++) {
        for (int k = 0; k < KEPT; k++) {
            free(kept[i][k]);
        }
    }
    after = totals();
    EXPECT_EQ("many threads", "live bytes at end", 0, after.live_bytes - before.live_bytes);
    report("64 threads x 20000 allocations: exact final figures, no deadlock", ok);
}


/* ---- fork and exec while other threads allocate -------------------------------------- */

static volatile int churning;

static void *churn_until_stopped(void *arg) {
    (void) arg;
    void *window[16] = {0};
    unsigned seed = 12345;
    while (__atomic_load_n(&churning, __ATOMIC_RELAXED)) {
        seed = seed * 1103515245u + 12345u;
        int slot = (int) ((seed >> 16) % 16);
        free(window[slot]);
        window[slot] = malloc(1 + (seed >> 8) % 4096);
    }
    for (int i = 0; i < 16; i++) {
        free(window[i]);
    }
    return NULL;
}

/* Waits up to 20 s for a child; a child stuck after fork (a lock held by a thread that does not
 * exist in it) is killed and reported as 98. */
static int wait_child(pid_t pid) {
    int status = 0;
    for (int waited = 0; waited < 20000; waited++) {
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            return WIFEXITED(status) ? WEXITSTATUS(status) : 99;
        }
        usleep(1000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return 98;
}

static void test_fork_while_threads_allocate(void) {
    int ok = 1;
    enum { CHURNERS = 8, FORKS = 40 };
    pthread_t ids[CHURNERS];
    mrn_totals before = totals();
    __atomic_store_n(&churning, 1, __ATOMIC_RELAXED);
    for (int i = 0; i < CHURNERS; i++) {
        pthread_create(&ids[i], NULL, churn_until_stopped, NULL);
    }
    int stuck = 0, wrong = 0;
    for (int f = 0; f < FORKS; f++) {
        pid_t pid = fork();
        if (pid == 0) {
            if (f % 2 == 1) {
                /* exec: a new program under the inherited LD_PRELOAD, never enabled */
                execl("/bin/sh", "sh", "-c", "exit 7", (char *) NULL);
                _exit(97);
            }
            mrn_totals in_child = totals();
            void *blocks[500];
            for (int i = 0; i < 500; i++) {
                blocks[i] = calloc(1, 16 + (size_t) i * 8);
            }
            for (int i = 0; i < 500; i++) {
                blocks[i] = realloc(blocks[i], 32);
                free(blocks[i]);
            }
            mrn_totals child_after = totals();
            _exit(child_after.live_bytes == in_child.live_bytes
                  && child_after.live_count == in_child.live_count ? 0 : 3);
        }
        int code = wait_child(pid);
        stuck += code == 98;
        wrong += code != (f % 2 == 1 ? 7 : 0);
    }
    __atomic_store_n(&churning, 0, __ATOMIC_RELAXED);
    for (int i = 0; i < CHURNERS; i++) {
        pthread_join(ids[i], NULL);
    }
    mrn_totals after = totals();
    EXPECT_EQ("fork with threads", "children stuck after fork", 0, stuck);
    EXPECT_EQ("fork with threads", "children with a wrong exit status", 0, wrong);
    EXPECT_EQ("fork with threads", "parent live bytes at end", 0, after.live_bytes - before.live_bytes);
    EXPECT_EQ("fork with threads", "parent live count at end", 0, after.live_count - before.live_count);
    EXPECT_EQ("fork with threads", "ignored frees", 0, after.ignored_frees - before.ignored_frees);
    report("40 forks (half exec /bin/sh) while 8 threads allocate: children run untracked,"
           " none stuck, the parent's figures exact", ok);
}

/* ---- 64 threads x 1,000,000 allocations and frees each, drained meanwhile ------------ */

typedef struct {
    uint32_t serial;
    uint64_t seed;
    long long ops;
    long long alloc_count, alloc_bytes, free_count, free_bytes;
    int failures;
} stresser;

#define STRESS_SLOTS 16

static void *stress(void *arg) {
    stresser *w = arg;
    w->serial = mrn_current_thread();
    void *slot[STRESS_SLOTS] = {0};
    size_t size_of[STRESS_SLOTS] = {0};
    uint64_t x = w->seed;
    for (long long op = 0; op < w->ops; op++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int s = (int) (x % STRESS_SLOTS);
        /* mostly small blocks, one in 64 up to 64 KiB */
        size_t size = 1 + (size_t) ((x >> 8) % (((x >> 20) & 63) == 0 ? 65536 : 512));
        int kind = (int) ((x >> 32) % 8);
        void *p = NULL;
        if (slot[s] != NULL && kind == 7) {
            p = realloc(slot[s], size); /* charged as a free of the old block and a new one */
        } else {
            if (slot[s] != NULL) {
                free(slot[s]);
            }
            switch (kind) {
                case 4: p = calloc(1, size); break;
                case 5:
                    if (posix_memalign(&p, 64, size) != 0) {
                        p = NULL;
                    }
                    break;
                case 6:
                    size = (size + 63) & ~(size_t) 63;
                    p = aligned_alloc(64, size);
                    break;
                case 7: p = realloc(NULL, size); break;
                default: p = malloc(size); break;
            }
        }
        if (slot[s] != NULL) {
            w->free_count++;
            w->free_bytes += (long long) size_of[s];
        }
        if (p == NULL) {
            w->failures++;
            slot[s] = NULL;
            continue;
        }
        ((volatile char *) p)[0] = 1;
        w->alloc_count++;
        w->alloc_bytes += (long long) size;
        slot[s] = p;
        size_of[s] = size;
    }
    for (int i = 0; i < STRESS_SLOTS; i++) {
        if (slot[i] != NULL) {
            free(slot[i]);
            w->free_count++;
            w->free_bytes += (long long) size_of[i];
        }
    }
    return NULL;
}

static volatile int stress_running;

static double seconds_since(const struct timespec *start) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double) (now.tv_sec - start->tv_sec) + (double) (now.tv_nsec - start->tv_nsec) / 1e9;
}

static void on_alarm(int sig) {
    (void) sig;
    say("FAIL the run did not finish in time (a deadlock?)\n");
    _exit(1);
}

static int run_stress(int threads, long long ops, unsigned seconds) {
    int ok = 1;
    signal(SIGALRM, on_alarm);
    alarm(seconds);
    if (!mrn_is_interposing() || mrn_enable(&exact) != 0) {
        say("FAIL the library is not preloaded or cannot be enabled\n");
        return 2;
    }
    static stresser workers[256];
    static pthread_t ids[256];
    if (threads > 256) {
        threads = 256;
    }
    /* The C library keeps some blocks per thread stack it caches (made by pthread_create in
     * the creating thread): warm that cache up first so the totals compare like with like. */
    for (int i = 0; i < threads; i++) {
        workers[i].ops = 0;
        pthread_create(&ids[i], NULL, stress, &workers[i]);
    }
    for (int i = 0; i < threads; i++) {
        pthread_join(ids[i], NULL);
    }
    memset(workers, 0, sizeof workers);
    drain();
    mrn_totals before = totals();
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < threads; i++) {
        workers[i].seed = 0x9E3779B97F4A7C15ull * (uint64_t) (i + 1);
        workers[i].ops = ops;
        pthread_create(&ids[i], NULL, stress, &workers[i]);
    }
    /* The drainer runs meanwhile, as the Java side's flush does. */
    int drains = 0;
    for (int i = 0; i < threads; i++) {
        while (pthread_tryjoin_np(ids[i], NULL) != 0) {
            drain();
            drains++;
            usleep(2000);
        }
    }
    double took = seconds_since(&start);
    drain();
    mrn_totals after = totals();
    long long issued = 0;
    for (int i = 0; i < threads; i++) {
        stresser *w = &workers[i];
        uint32_t s = w->serial;
        EXPECT_EQ("stress", "failed allocations", 0, w->failures);
        EXPECT_EQ("stress", "a thread serial in range", 1, s > MRN_THREAD_OVERFLOW && s < MAX_SERIALS);
        if (s >= MAX_SERIALS) {
            continue;
        }
        EXPECT_EQ("stress", "allocations of a thread", w->alloc_count, drained.alloc_count[s]);
        EXPECT_EQ("stress", "allocated bytes of a thread", w->alloc_bytes, drained.alloc_bytes[s]);
        EXPECT_EQ("stress", "frees of a thread", w->free_count, drained.free_count[s]);
        EXPECT_EQ("stress", "freed bytes of a thread", w->free_bytes, drained.free_bytes[s]);
        EXPECT_EQ("stress", "live bytes of a thread", 0, live_of(s));
        issued += w->alloc_count;
    }
    EXPECT_EQ("stress", "allocations issued", (long long) threads * ops, issued);
    EXPECT_EQ("stress", "live bytes at end", 0, after.live_bytes - before.live_bytes);
    EXPECT_EQ("stress", "live count at end", 0, after.live_count - before.live_count);
    EXPECT_EQ("stress", "ignored frees", 0, after.ignored_frees - before.ignored_frees);
    mrn_disable();
    char line[256];
    snprintf(line, sizeof line, "%d threads x %lld allocations and frees each (%lld in all,"
             " %d drains meanwhile) in %.1f s: exact per-thread counts, live back to zero",
             threads, ops, issued, drains, took);
    report(line, ok);
    return ok ? 0 : 1;
}

/* ---- sampling ------------------------------------------------------------------------ */

static void test_sampling(void) {
    int ok = 1;
    mrn_disable();
    mrn_config sampling = {4096, NULL, NULL};
    mrn_enable(&sampling);
    mrn_totals before = totals();
    enum { BLOCKS = 20000 };
    static void *blocks[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
        blocks[i] = malloc(256);
    }
    mrn_totals mid = totals();
    long long estimate = mid.live_bytes - before.live_bytes;
    long long truth = 256LL * BLOCKS;
    int close = estimate > truth * 85 / 100 && estimate < truth * 115 / 100;
    EXPECT_EQ("sampling", "estimate within 15% (1 = yes)", 1, close);
    if (!close) {
        check(0, "sampling", "estimate", truth, estimate);
    }
    for (int i = 0; i < BLOCKS; i++) {
        free(blocks[i]);
    }
    mrn_totals after = totals();
    EXPECT_EQ("sampling", "live bytes at end", 0, after.live_bytes - before.live_bytes);
    mrn_disable();
    mrn_enable(&exact);
    report("sampling: scaled live estimate near the truth, back to zero after frees", ok);
}

static int run_disabled(void) {
    /* Preloaded, never enabled: plain malloc behaviour, nothing recorded. */
    int ok = 1;
    char *text = strdup("never enabled");
    void *blocks[100];
    for (int i = 0; i < 100; i++) {
        blocks[i] = malloc(100);
    }
    for (int i = 0; i < 100; i++) {
        free(blocks[i]);
    }
    free(text);
    mrn_totals t = totals();
    EXPECT_EQ("disabled", "live bytes", 0, t.live_bytes);
    EXPECT_EQ("disabled", "stacks", 0, mrn_stack_count());
    EXPECT_EQ("disabled", "interposing", 1, mrn_is_interposing());
    report("preloaded but never enabled: nothing recorded", ok);
    return ok ? 0 : 1;
}

int main(int argc, char **argv) {
    alarm(120); /* a deadlock fails the run instead of hanging the build */
    if (argc > 1 && strcmp(argv[1], "disabled") == 0) {
        return run_disabled();
    }
    if (argc > 1 && strcmp(argv[1], "stress") == 0) {
        /* stress [THREADS [ALLOCATIONS_PER_THREAD [TIMEOUT_SECONDS]]] */
        return run_stress(argc > 2 ? atoi(argv[2]) : 64,
                          argc > 3 ? atoll(argv[3]) : 1000000,
                          argc > 4 ? (unsigned) atoi(argv[4]) : 300);
    }
    for (int i = 0; i < 16; i++) {
        early[i] = malloc(32);
    }
    if (!mrn_is_interposing()) {
        say("FAIL the library is not preloaded\n");
        return 2;
    }
    if (mrn_enable(&exact) != 0) {
        say("FAIL mrn_enable\n");
        return 2;
    }
    test_sequence();
    test_failures();
    test_preexisting();
    test_threads();
    test_stacks();
    test_cached_unwinder();
    test_fork();
    test_many_threads();
    test_fork_while_threads_allocate();
    test_sampling();
    mrn_disable();
    char line[64];
    snprintf(line, sizeof line, "%d passed, %d failed\n", passed, failed);
    say(line);
    return failed == 0 ? 0 : 1;
}
