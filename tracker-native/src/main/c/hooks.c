/*
 * The interposed allocation functions.
 *
 * Why LD_PRELOAD: a preloaded library's malloc is bound before anything in the process
 * allocates (the dynamic loader, libc, the JVM's own start-up), so every later call of the
 * malloc family, from libjvm, JDK libraries, zlib or any JNI library, reaches these functions.
 * Loading the library later (System.load) cannot interpose: the JVM's libraries are already
 * bound to libc's malloc. The launcher sets LD_PRELOAD for the forked JVM only.
 *
 * Each function forwards to the next definition (dlsym(RTLD_NEXT)), so a second preloaded
 * allocator (jemalloc, tcmalloc) keeps working. dlsym may itself allocate, before the real
 * functions are known: those few allocations come from a small static arena, and their frees
 * are ignored.
 *
 * Anonymous mmap/munmap are not interposed: the JVM reserves and commits its Java heap,
 * metaspace and code cache with mmap, and counting those mappings would bury malloc's figures
 * under memory the Java-heap trackers already account for. glibc's malloc calls mmap internally
 * (not through the PLT), so large malloc blocks are counted once, as mallocs.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "memraynative.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

typedef struct {
    void *(*malloc)(size_t);
    void (*free)(void *);
    void *(*calloc)(size_t, size_t);
    void *(*realloc)(void *, size_t);
    int (*posix_memalign)(void **, size_t, size_t);
    void *(*aligned_alloc)(size_t, size_t);
    void *(*memalign)(size_t, size_t);
    void *(*valloc)(size_t);
    void *(*pvalloc)(size_t);
} real_functions;

static real_functions real;
static int real_ready;
static __thread int resolving __attribute__((tls_model("initial-exec")));

/* Bootstrap arena: allocations made while dlsym resolves the real functions. */
#define BOOT_ARENA_SIZE (64 * 1024)
static char boot_arena[BOOT_ARENA_SIZE] __attribute__((aligned(64)));
static size_t boot_used;

static int in_boot_arena(const void *ptr) {
    return (const char *) ptr >= boot_arena && (const char *) ptr < boot_arena + BOOT_ARENA_SIZE;
}

static void *boot_alloc(size_t size, size_t alignment) {
    if (alignment < 16) {
        alignment = 16;
    }
    /* Each block is preceded by its size, for realloc. */
    for (;;) {
        size_t used = __atomic_load_n(&boot_used, __ATOMIC_RELAXED);
        size_t start = (used + sizeof(size_t) + alignment - 1) & ~(alignment - 1);
        if (start + size > BOOT_ARENA_SIZE || start + size < start) {
            return NULL;
        }
        if (__atomic_compare_exchange_n(&boot_used, &used, start + size, 0, __ATOMIC_RELAXED,
                                        __ATOMIC_RELAXED)) {
            memcpy(boot_arena + start - sizeof(size_t), &size, sizeof(size_t));
            return boot_arena + start; /* static storage: already zeroed */
        }
    }
}

static size_t boot_size(const void *ptr) {
    size_t size;
    memcpy(&size, (const char *) ptr - sizeof(size_t), sizeof(size_t));
    return size;
}

static void fail(const char *what) {
    static const char prefix[] = "memray native: cannot resolve ";
    ssize_t ignored = write(2, prefix, sizeof prefix - 1);
    ignored = write(2, what, strlen(what));
    ignored = write(2, "\n", 1);
    (void) ignored;
    _exit(127);
}

static void *next(const char *name, int required) {
    void *fn = dlsym(RTLD_NEXT, name);
    if (fn == NULL && required) {
        fail(name);
    }
    return fn;
}

static void resolve_real(void) {
    if (resolving) {
        return;
    }
    resolving = 1;
    real_functions found;
    found.malloc = (void *(*)(size_t)) next("malloc", 1);
    found.free = (void (*)(void *)) next("free", 1);
    found.calloc = (void *(*)(size_t, size_t)) next("calloc", 1);
    found.realloc = (void *(*)(void *, size_t)) next("realloc", 1);
    found.posix_memalign = (int (*)(void **, size_t, size_t)) next("posix_memalign", 1);
    found.aligned_alloc = (void *(*)(size_t, size_t)) next("aligned_alloc", 0);
    found.memalign = (void *(*)(size_t, size_t)) next("memalign", 0);
    found.valloc = (void *(*)(size_t)) next("valloc", 0);
    found.pvalloc = (void *(*)(size_t)) next("pvalloc", 0);
    real = found;
    __atomic_store_n(&real_ready, 1, __ATOMIC_RELEASE);
    resolving = 0;
}

__attribute__((constructor)) static void memray_native_init(void) {
    if (!__atomic_load_n(&real_ready, __ATOMIC_ACQUIRE)) {
        resolve_real();
    }
}

/* Ensures the real functions are known; false while this thread is resolving them. */
static inline int ready(void) {
    if (likely(__atomic_load_n(&real_ready, __ATOMIC_ACQUIRE))) {
        return 1;
    }
    if (resolving) {
        return 0;
    }
    resolve_real();
    return 1;
}

static inline int enabled(void) {
    return __atomic_load_n(&mrn_enabled, __ATOMIC_RELAXED);
}

void *mrn_real_malloc(size_t size) {
    return ready() ? real.malloc(size) : boot_alloc(size, 16);
}

void mrn_real_free(void *ptr) {
    if (ptr != NULL && !in_boot_arena(ptr) && ready()) {
        real.free(ptr);
    }
}

MRN_VISIBLE void *malloc(size_t size) {
    if (unlikely(!ready())) {
        return boot_alloc(size, 16);
    }
    void *ptr = real.malloc(size);
    if (unlikely(enabled()) && ptr != NULL) {
        mrn_record_alloc(ptr, size);
    }
    return ptr;
}

MRN_VISIBLE void free(void *ptr) {
    if (ptr == NULL || unlikely(in_boot_arena(ptr))) {
        return;
    }
    if (unlikely(!ready())) {
        return;
    }
    /* The record goes before the memory does: once freed, another thread may get the same
     * address from malloc and record it. */
    if (unlikely(enabled())) {
        mrn_record_free(ptr);
    }
    real.free(ptr);
}

MRN_VISIBLE void *calloc(size_t count, size_t size) {
    if (unlikely(!ready())) {
        size_t bytes;
        if (__builtin_mul_overflow(count, size, &bytes)) {
            return NULL;
        }
        return boot_alloc(bytes, 16);
    }
    void *ptr = real.calloc(count, size);
    if (unlikely(enabled()) && ptr != NULL) {
        mrn_record_alloc(ptr, count * size);
    }
    return ptr;
}

MRN_VISIBLE void *realloc(void *ptr, size_t size) {
    if (unlikely(ptr != NULL && in_boot_arena(ptr))) {
        void *moved = malloc(size);
        if (moved != NULL) {
            size_t old = boot_size(ptr);
            memcpy(moved, ptr, old < size ? old : size);
        }
        return moved;
    }
    if (unlikely(!ready())) {
        return boot_alloc(size, 16);
    }
    if (likely(!enabled()) || ptr == NULL) {
        void *moved = real.realloc(ptr, size);
        if (unlikely(enabled()) && moved != NULL) {
            mrn_record_alloc(moved, size);
        }
        return moved;
    }
    uint64_t saved[MRN_SAVED_SIZE / sizeof(uint64_t)];
    int had = mrn_take(ptr, saved);
    void *moved = real.realloc(ptr, size);
    if (moved == NULL && size != 0) {
        /* Failed: the old block is still there, and still charged where it was. */
        if (had) {
            mrn_put_back(saved);
        }
        return NULL;
    }
    if (had) {
        mrn_charge_free(saved);
    }
    if (moved != NULL) {
        mrn_record_alloc(moved, size);
    }
    return moved;
}

MRN_VISIBLE int posix_memalign(void **out, size_t alignment, size_t size) {
    if (unlikely(!ready())) {
        void *ptr = boot_alloc(size, alignment);
        if (ptr == NULL) {
            return ENOMEM;
        }
        *out = ptr;
        return 0;
    }
    int result = real.posix_memalign(out, alignment, size);
    if (unlikely(enabled()) && result == 0 && *out != NULL) {
        mrn_record_alloc(*out, size);
    }
    return result;
}

static void *aligned(void *(*fn)(size_t, size_t), size_t alignment, size_t size) {
    if (unlikely(!ready())) {
        return boot_alloc(size, alignment);
    }
    void *ptr;
    if (fn == NULL) {
        /* Not provided by the next allocator: posix_memalign can do the same. */
        if (real.posix_memalign(&ptr, alignment, size) != 0) {
            return NULL;
        }
    } else {
        ptr = fn(alignment, size);
    }
    if (unlikely(enabled()) && ptr != NULL) {
        mrn_record_alloc(ptr, size);
    }
    return ptr;
}

MRN_VISIBLE void *aligned_alloc(size_t alignment, size_t size) {
    return aligned(ready() ? real.aligned_alloc : NULL, alignment, size);
}

MRN_VISIBLE void *memalign(size_t alignment, size_t size) {
    return aligned(ready() ? real.memalign : NULL, alignment, size);
}

static size_t page_size(void) {
    static size_t cached;
    size_t size = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (size == 0) {
        size = (size_t) sysconf(_SC_PAGESIZE);
        __atomic_store_n(&cached, size, __ATOMIC_RELAXED);
    }
    return size;
}

MRN_VISIBLE void *valloc(size_t size) {
    if (unlikely(!ready())) {
        return boot_alloc(size, page_size());
    }
    if (real.valloc == NULL) {
        return aligned(NULL, page_size(), size);
    }
    void *ptr = real.valloc(size);
    if (unlikely(enabled()) && ptr != NULL) {
        mrn_record_alloc(ptr, size);
    }
    return ptr;
}

MRN_VISIBLE void *pvalloc(size_t size) {
    size_t page = page_size();
    size_t rounded = (size + page - 1) & ~(page - 1);
    if (unlikely(!ready())) {
        return boot_alloc(rounded, page);
    }
    if (real.pvalloc == NULL) {
        return aligned(NULL, page, rounded);
    }
    void *ptr = real.pvalloc(size);
    if (unlikely(enabled()) && ptr != NULL) {
        mrn_record_alloc(ptr, rounded);
    }
    return ptr;
}

MRN_VISIBLE int mrn_is_interposing(void) {
    void *(*bound)(size_t) = (void *(*)(size_t)) dlsym(RTLD_DEFAULT, "malloc");
    return bound == malloc;
}

/* Unloading a library: the cached unwinder's rules for its addresses are stale from now on. */
MRN_VISIBLE int dlclose(void *handle) {
    static int (*real_dlclose)(void *);
    int (*fn)(void *) = __atomic_load_n(&real_dlclose, __ATOMIC_ACQUIRE);
    if (fn == NULL) {
        fn = (int (*)(void *)) dlsym(RTLD_NEXT, "dlclose");
        if (fn == NULL) {
            fail("dlclose");
        }
        __atomic_store_n(&real_dlclose, fn, __ATOMIC_RELEASE);
    }
    int result = fn(handle);
    __atomic_add_fetch(&mrn_code_generation, 1, __ATOMIC_RELEASE);
    return result;
}
