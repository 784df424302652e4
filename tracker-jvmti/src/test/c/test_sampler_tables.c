/*
 * Tests of the heap sampler's tables (no JVM): weights, interning, counters, drains, objects
 * followed until a sweep finds them dead, and counting and following from several threads while
 * a drainer drains and sweeps.
 */
#include "sampler_tables.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;
static int checks_failed_in_test;

#define CHECK(condition)                                                                  \
    do {                                                                                  \
        if (!(condition)) {                                                               \
            fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            checks_failed_in_test++;                                                      \
        }                                                                                 \
    } while (0)

static int resolutions;

static int fake_resolve(void *context, const void *method_id, char **class_name,
                        char **method_name, char **source_file) {
    (void) context;
    char buffer[64];
    resolutions++;
    snprintf(buffer, sizeof(buffer), "m%lu", (unsigned long) (uintptr_t) method_id);
    *class_name = strdup("com.example.Fake");
    *method_name = strdup(buffer);
    *source_file = strdup("Fake.java");
    return 0;
}

static int failing_resolve(void *context, const void *method_id, char **class_name,
                           char **method_name, char **source_file) {
    (void) context;
    (void) method_id;
    (void) class_name;
    (void) method_name;
    (void) source_file;
    return -1;
}

static const void *id(uintptr_t n) {
    return (const void *) (n * 16);
}

static void weights_are_the_inverse_sampling_probability(void) {
    int64_t bytes;
    int64_t count;
    mrt_weights(1024, 0, &bytes, &count);
    CHECK(bytes == 1024 && count == (1 << MRT_COUNT_SHIFT));

    double interval = 512 * 1024;
    mrt_weights(512 * 1024, interval, &bytes, &count);
    double expected = 512 * 1024 / (1 - exp(-1.0));
    CHECK(llabs(bytes - llround(expected)) <= 1);
    CHECK(fabs(ldexp((double) count, -MRT_COUNT_SHIFT) - 1 / (1 - exp(-1.0))) < 1e-4);

    /* A tiny object stands for about one interval of bytes, and interval/size objects. */
    mrt_weights(32, interval, &bytes, &count);
    CHECK(llabs(bytes - (int64_t) (interval + 16)) <= 1);
    CHECK(fabs(ldexp((double) count, -MRT_COUNT_SHIFT) - (interval / 32 + 0.5)) < 0.01);

    /* A huge object is always sampled: it stands for itself. */
    mrt_weights((int64_t) 1 << 32, interval, &bytes, &count);
    CHECK(bytes == (int64_t) 1 << 32 && count == (1 << MRT_COUNT_SHIFT));
}

/* A random number in (0, 1) from a xorshift generator. */
static double uniform(uint64_t *state) {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return ((double) (*state >> 11) + 0.5) / 9007199254740992.0;
}

/*
 * Simulates the JVM's sampler (sample points at exponentially distributed distances, one event
 * for an object that holds at least one) over an interleaved stream of three sizes and checks
 * that the weighted samples estimate each size's bytes within 2% of the truth.
 */
static void weighted_samples_estimate_every_size_without_bias(void) {
    const int64_t sizes[3] = {524304, 4112, 32};
    const int per_round[3] = {1, 89, 4915};
    const double interval = 65536;
    double truth[3] = {0};
    double estimate[3] = {0};
    uint64_t state = 0x9e3779b97f4a7c15ULL;
    double until_sample = -log(uniform(&state)) * interval;
    for (int round = 0; round < 40000; round++) {
        for (int site = 0; site < 3; site++) {
            for (int i = 0; i < per_round[site]; i++) {
                double size = (double) sizes[site];
                truth[site] += size;
                if (until_sample <= size) {
                    int64_t bytes;
                    int64_t count;
                    mrt_weights(sizes[site], interval, &bytes, &count);
                    estimate[site] += (double) bytes;
                    while (until_sample <= size) {
                        until_sample += -log(uniform(&state)) * interval;
                    }
                }
                until_sample -= size;
            }
        }
    }
    for (int site = 0; site < 3; site++) {
        double error = fabs(estimate[site] / truth[site] - 1);
        if (error >= 0.02) {
            fprintf(stderr, "  size %ld: estimate off by %.2f%%\n", (long) sizes[site],
                    100 * error);
        }
        CHECK(error < 0.02);
    }
}

static void class_names_come_from_signatures(void) {
    char *name = mrt_class_name("Lcom/example/Cache$Entry;");
    CHECK(strcmp(name, "com.example.Cache$Entry") == 0);
    free(name);
    name = mrt_class_name("[I");
    CHECK(strcmp(name, "[I") == 0);
    free(name);
}

static void stacks_are_interned_and_methods_resolved_once(void) {
    mrt_session *session = mrt_session_new(1024);
    const void *a[3] = {id(1), id(2), id(3)};
    const void *b[2] = {id(1), id(2)};
    resolutions = 0;
    CHECK(mrt_stack_find(session, a, 3, mrt_stack_hash(a, 3)) == NULL);
    mrt_stack *first = mrt_stack_intern(session, a, 3, fake_resolve, NULL);
    CHECK(first != NULL && first->index == 0 && first->depth == 3);
    CHECK(mrt_stack_find(session, a, 3, mrt_stack_hash(a, 3)) == first);
    CHECK(mrt_stack_intern(session, a, 3, fake_resolve, NULL) == first);
    mrt_stack *prefix = mrt_stack_intern(session, b, 2, fake_resolve, NULL);
    CHECK(prefix != NULL && prefix != first && prefix->index == 1);
    CHECK(resolutions == 3);
    CHECK(prefix->methods[0] == first->methods[0] && prefix->methods[1] == first->methods[1]);
    mrt_method *method = mrt_vec_get(&session->methods, first->methods[2]);
    CHECK(strcmp(method->class_name, "com.example.Fake") == 0);
    CHECK(strcmp(method->method_name, "m48") == 0);
    CHECK(strcmp(method->source_file, "Fake.java") == 0);

    /* An unresolvable method still gets a row. */
    const void *c[1] = {id(99)};
    mrt_stack *unknown = mrt_stack_intern(session, c, 1, failing_resolve, NULL);
    CHECK(unknown != NULL);
    method = mrt_vec_get(&session->methods, unknown->methods[0]);
    CHECK(strcmp(method->method_name, "?") == 0);

    /* Far more stacks than the tables start with: all still found, in order. */
    for (uintptr_t i = 0; i < 5000; i++) {
        const void *many[2] = {id(1000 + i), id(7)};
        mrt_stack *stack = mrt_stack_intern(session, many, 2, fake_resolve, NULL);
        CHECK(stack != NULL && stack->index == 3 + i);
    }
    for (uintptr_t i = 0; i < 5000; i++) {
        const void *many[2] = {id(1000 + i), id(7)};
        mrt_stack *stack = mrt_stack_find(session, many, 2, mrt_stack_hash(many, 2));
        CHECK(stack != NULL && stack->index == 3 + i);
    }
    CHECK(mrt_vec_count(&session->stacks) == 5003);
    mrt_session_free(session);
}

static void cells_count_allocations_and_frees_and_drain_deltas(void) {
    mrt_session *session = mrt_session_new(0);
    mrt_thread *t0 = mrt_thread_new(session, NULL);
    mrt_thread *t1 = mrt_thread_new(session, NULL);
    CHECK(t0->index == 0 && t1->index == 1);
    mrt_cell *c00 = mrt_cell_for(session, t0, 0);
    CHECK(mrt_cell_for(session, t0, 0) == c00);
    mrt_cell *c10 = mrt_cell_for(session, t1, 0);
    CHECK(c10 != c00 && c10->thread == 1 && c10->stack == 0);
    for (uint32_t stack = 1; stack < 100; stack++) {
        mrt_cell *cell = mrt_cell_for(session, t0, stack);
        CHECK(cell != NULL && cell->stack == stack && cell->thread == 0);
    }
    CHECK(mrt_cell_for(session, t0, 0) == c00);

    mrt_delta *deltas;
    CHECK(mrt_drain(session, &deltas) == 0);

    mrt_count_allocation(session, c00, 100);
    mrt_count_allocation(session, c00, 100);
    mrt_count_allocation(session, c10, 40);
    size_t n = mrt_drain(session, &deltas);
    CHECK(n == 2);
    for (size_t i = 0; i < n; i++) {
        if (deltas[i].thread == 0) {
            CHECK(deltas[i].allocated_bytes == 200 && deltas[i].allocated_count == 2);
        } else {
            CHECK(deltas[i].allocated_bytes == 40 && deltas[i].allocated_count == 1);
        }
        CHECK(deltas[i].freed_bytes == 0 && deltas[i].freed_count == 0);
    }
    free(deltas);
    CHECK(mrt_drain(session, &deltas) == 0);

    mrt_count_free(session, c00, 100);
    n = mrt_drain(session, &deltas);
    CHECK(n == 1 && deltas[0].thread == 0 && deltas[0].allocated_bytes == 0
          && deltas[0].freed_bytes == 100 && deltas[0].freed_count == 1);
    free(deltas);
    mrt_session_free(session);
}

/* Fractional counts add up across drains, and freeing everything leaves exactly zero live. */
static void fractional_counts_carry_over_drains(void) {
    mrt_session *session = mrt_session_new(512 * 1024);
    mrt_thread *thread = mrt_thread_new(session, NULL);
    mrt_cell *cell = mrt_cell_for(session, thread, 0);
    int64_t bytes;
    int64_t count_fp;
    mrt_weights(512 * 1024, 512 * 1024, &bytes, &count_fp);
    int64_t allocated = 0;
    int64_t freed = 0;
    int64_t allocated_bytes = 0;
    int64_t freed_bytes = 0;
    for (int i = 0; i < 1000; i++) {
        mrt_count_allocation(session, cell, 512 * 1024);
        mrt_delta *deltas;
        size_t n = mrt_drain(session, &deltas);
        for (size_t j = 0; j < n; j++) {
            allocated += deltas[j].allocated_count;
            allocated_bytes += deltas[j].allocated_bytes;
        }
        free(deltas);
    }
    CHECK(allocated == (1000 * count_fp) >> MRT_COUNT_SHIFT);
    CHECK(allocated_bytes == 1000 * bytes);
    for (int i = 0; i < 1000; i++) {
        mrt_count_free(session, cell, 512 * 1024);
        mrt_delta *deltas;
        size_t n = mrt_drain(session, &deltas);
        for (size_t j = 0; j < n; j++) {
            freed += deltas[j].freed_count;
            freed_bytes += deltas[j].freed_bytes;
        }
        free(deltas);
    }
    CHECK(allocated - freed == 0);
    CHECK(allocated_bytes - freed_bytes == 0);
    mrt_session_free(session);
}

/* ---- followed objects: references are fake, their deaths decided by the test ------------- */

#define FAKE_REFERENCES 200000
static _Atomic int dead[FAKE_REFERENCES];
static _Atomic int released[FAKE_REFERENCES];

static void *reference(int n) {
    return (void *) (uintptr_t) (n * 8 + 8);
}

static int fake_is_dead(void *context, void *ref) {
    (void) context;
    return atomic_load(&dead[((uintptr_t) ref - 8) / 8]);
}

static void fake_release(void *context, void *ref) {
    (void) context;
    atomic_fetch_add(&released[((uintptr_t) ref - 8) / 8], 1);
}

static void forget_fake_references(void) {
    for (int i = 0; i < FAKE_REFERENCES; i++) {
        atomic_store(&dead[i], 0);
        atomic_store(&released[i], 0);
    }
}

#define WORKERS 4
#define SAMPLES_PER_WORKER 200000

typedef struct worker {
    mrt_session *session;
    int number;
} worker;

static void *count_samples(void *argument) {
    worker *self = argument;
    mrt_thread *thread = mrt_thread_new(self->session, NULL);
    for (int i = 0; i < SAMPLES_PER_WORKER; i++) {
        /* 50 shared stacks, interned by whichever worker sees one first. */
        const void *ids[2] = {id(1 + (uintptr_t) (i % 50)), id(500)};
        uint64_t hash = mrt_stack_hash(ids, 2);
        mrt_stack *stack = mrt_stack_find(self->session, ids, 2, hash);
        if (stack == NULL) {
            stack = mrt_stack_intern(self->session, ids, 2, fake_resolve, NULL);
        }
        mrt_cell *cell = mrt_cell_for(self->session, thread, stack->index);
        mrt_count_allocation(self->session, cell, 8 + self->number * 8);
        if (i % 2 == 0) {
            mrt_count_free(self->session, cell, 8 + self->number * 8);
        }
    }
    return NULL;
}

static _Atomic int workers_done;

/* Drains (and sweeps, if asked) until the workers are done, adding up what it drained. */
typedef struct drainer {
    mrt_session *session;
    int sweeps;
    int64_t allocated;
    int64_t freed;
} drainer;

static void *drain_until_done(void *argument) {
    drainer *self = argument;
    for (int last = 0; !last;) {
        last = atomic_load(&workers_done);
        if (self->sweeps) {
            mrt_sweep(self->session, fake_is_dead, fake_release, NULL);
        }
        mrt_delta *deltas;
        size_t n = mrt_drain(self->session, &deltas);
        for (size_t i = 0; i < n; i++) {
            self->allocated += deltas[i].allocated_bytes;
            self->freed += deltas[i].freed_bytes;
        }
        free(deltas);
    }
    return NULL;
}

/* Runs WORKERS threads of `work` on the drainer's session while it drains, until all are done. */
static void run_while_draining(drainer *self, void *(*work)(void *)) {
    pthread_t threads[WORKERS];
    worker workers[WORKERS];
    pthread_t thread;
    atomic_store(&workers_done, 0);
    pthread_create(&thread, NULL, drain_until_done, self);
    for (int i = 0; i < WORKERS; i++) {
        workers[i] = (worker) {self->session, i};
        pthread_create(&threads[i], NULL, work, &workers[i]);
    }
    for (int i = 0; i < WORKERS; i++) {
        pthread_join(threads[i], NULL);
    }
    atomic_store(&workers_done, 1);
    pthread_join(thread, NULL);
}

static void counting_and_draining_run_concurrently(void) {
    mrt_session *session = mrt_session_new(0);
    resolutions = 0;
    drainer totals = {session, 0, 0, 0};
    run_while_draining(&totals, count_samples);
    int64_t expected = 0;
    for (int i = 0; i < WORKERS; i++) {
        expected += (int64_t) SAMPLES_PER_WORKER * (8 + i * 8);
    }
    CHECK(totals.allocated == expected);
    CHECK(totals.freed == expected / 2);
    CHECK(mrt_vec_count(&session->stacks) == 50);
    CHECK(mrt_vec_count(&session->methods) == 51);
    CHECK(mrt_vec_count(&session->cells) == 50 * WORKERS);
    mrt_session_free(session);
}

static void followed_objects_count_as_freed_once_a_sweep_finds_them_dead(void) {
    forget_fake_references();
    mrt_session *session = mrt_session_new(0);
    mrt_thread *thread = mrt_thread_new(session, NULL);
    mrt_cell *cell = mrt_cell_for(session, thread, 0);
    for (int i = 0; i < 3; i++) {
        mrt_count_allocation(session, cell, 100);
        CHECK(mrt_follow(session, reference(i), cell->index, 100) == 0);
    }
    mrt_delta *deltas;
    CHECK(mrt_drain(session, &deltas) == 1 && deltas[0].allocated_bytes == 300);
    free(deltas);

    /* all alive: nothing freed, nothing released */
    CHECK(mrt_sweep(session, fake_is_dead, fake_release, NULL) == 0);
    CHECK(mrt_drain(session, &deltas) == 0);
    CHECK(session->followed.size == 3);

    /* the GC cleared the second one: freed once, with its allocation's weights */
    atomic_store(&dead[1], 1);
    CHECK(mrt_sweep(session, fake_is_dead, fake_release, NULL) == 1);
    CHECK(atomic_load(&released[1]) == 1 && atomic_load(&released[0]) == 0);
    CHECK(mrt_drain(session, &deltas) == 1 && deltas[0].freed_bytes == 100
          && deltas[0].freed_count == 1 && deltas[0].allocated_bytes == 0);
    free(deltas);
    CHECK(mrt_sweep(session, fake_is_dead, fake_release, NULL) == 0);
    CHECK(atomic_load(&released[1]) == 1);

    /* one followed after the sweep and dead before the next: caught by the next */
    mrt_count_allocation(session, cell, 100);
    CHECK(mrt_follow(session, reference(3), cell->index, 100) == 0);
    atomic_store(&dead[3], 1);
    CHECK(mrt_sweep(session, fake_is_dead, fake_release, NULL) == 1);
    CHECK(mrt_drain(session, &deltas) == 1 && deltas[0].freed_bytes == 100);
    free(deltas);

    /* the session ends: the living are released, and counted as nothing */
    mrt_unfollow_all(session, fake_release, NULL);
    CHECK(atomic_load(&released[0]) == 1 && atomic_load(&released[2]) == 1);
    CHECK(atomic_load(&released[3]) == 1);
    CHECK(session->followed.size == 0 && session->arriving.size == 0);
    CHECK(mrt_drain(session, &deltas) == 0);
    CHECK(atomic_load(&session->unfollowed) == 0);
    mrt_session_free(session);
}

#define FOLLOWED_PER_THREAD 40000

static void *follow_objects(void *argument) {
    worker *self = argument;
    mrt_thread *thread = mrt_thread_new(self->session, NULL);
    mrt_cell *cell = mrt_cell_for(self->session, thread, 0);
    for (int i = 0; i < FOLLOWED_PER_THREAD; i++) {
        int n = self->number * FOLLOWED_PER_THREAD + i;
        mrt_count_allocation(self->session, cell, 16);
        mrt_follow(self->session, reference(n), cell->index, 16);
        if (n % 2 == 1) {
            atomic_store(&dead[n], 1); /* every odd object dies right away */
        }
    }
    return NULL;
}

static void following_and_sweeping_run_concurrently(void) {
    forget_fake_references();
    mrt_session *session = mrt_session_new(0);
    drainer totals = {session, 1, 0, 0};
    run_while_draining(&totals, follow_objects);
    int all = WORKERS * FOLLOWED_PER_THREAD;
    CHECK(totals.allocated == (int64_t) all * 16);
    CHECK(totals.freed == (int64_t) all / 2 * 16);
    int released_once = 1;
    for (int n = 0; n < all; n++) {
        released_once &= atomic_load(&released[n]) == (n % 2 == 1 ? 1 : 0);
    }
    CHECK(released_once);
    CHECK(session->followed.size == (size_t) all / 2);
    mrt_unfollow_all(session, fake_release, NULL);
    mrt_session_free(session);
}

int main(void) {
    struct {
        const char *name;
        void (*run)(void);
    } tests[] = {
        {"weights_are_the_inverse_sampling_probability", weights_are_the_inverse_sampling_probability},
        {"weighted_samples_estimate_every_size_without_bias", weighted_samples_estimate_every_size_without_bias},
        {"class_names_come_from_signatures", class_names_come_from_signatures},
        {"stacks_are_interned_and_methods_resolved_once", stacks_are_interned_and_methods_resolved_once},
        {"cells_count_allocations_and_frees_and_drain_deltas", cells_count_allocations_and_frees_and_drain_deltas},
        {"fractional_counts_carry_over_drains", fractional_counts_carry_over_drains},
        {"counting_and_draining_run_concurrently", counting_and_draining_run_concurrently},
        {"followed_objects_count_as_freed_once_a_sweep_finds_them_dead", followed_objects_count_as_freed_once_a_sweep_finds_them_dead},
        {"following_and_sweeping_run_concurrently", following_and_sweeping_run_concurrently},
    };
    int count = (int) (sizeof(tests) / sizeof(tests[0]));
    int passed = 0;
    for (int i = 0; i < count; i++) {
        checks_failed_in_test = 0;
        tests[i].run();
        if (checks_failed_in_test == 0) {
            passed++;
            printf("ok   %s\n", tests[i].name);
        } else {
            failures++;
            printf("FAIL %s\n", tests[i].name);
        }
    }
    printf("native: %d passed, %d failed\n", passed, failures);
    return failures == 0 ? 0 : 1;
}
