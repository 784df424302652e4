#include "sampler_tables.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MRT_INITIAL_STACK_SLOTS 1024u
#define MRT_INITIAL_METHOD_SLOTS 1024u
#define MRT_INITIAL_THREAD_MAP 16u

static uint64_t mix64(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

uint32_t mrt_vec_count(mrt_vec *vec) {
    return atomic_load(&vec->count);
}

void *mrt_vec_get(mrt_vec *vec, uint32_t index) {
    return vec->chunks[index >> MRT_CHUNK_SHIFT][index & (MRT_CHUNK - 1)];
}

/* Appends under the session lock; the element must already hold its index (the count). */
static int vec_push(mrt_vec *vec, void *item) {
    uint32_t n = atomic_load_explicit(&vec->count, memory_order_relaxed);
    uint32_t chunk = n >> MRT_CHUNK_SHIFT;
    if (chunk >= MRT_MAX_CHUNKS) {
        return -1;
    }
    if (vec->chunks[chunk] == NULL) {
        vec->chunks[chunk] = calloc(MRT_CHUNK, sizeof(void *));
        if (vec->chunks[chunk] == NULL) {
            return -1;
        }
    }
    vec->chunks[chunk][n & (MRT_CHUNK - 1)] = item;
    atomic_store_explicit(&vec->count, n + 1, memory_order_release);
    return 0;
}

static int vec_full(mrt_vec *vec) {
    return (atomic_load_explicit(&vec->count, memory_order_relaxed) >> MRT_CHUNK_SHIFT)
           >= MRT_MAX_CHUNKS;
}

static void vec_free(mrt_vec *vec) {
    for (uint32_t i = 0; i < MRT_MAX_CHUNKS; i++) {
        free(vec->chunks[i]);
        vec->chunks[i] = NULL;
    }
}

static mrt_stack_table *stack_table_new(uint32_t slots) {
    mrt_stack_table *table = calloc(1, sizeof(*table));
    if (table == NULL) {
        return NULL;
    }
    table->slots = calloc(slots, sizeof(*table->slots));
    if (table->slots == NULL) {
        free(table);
        return NULL;
    }
    table->mask = slots - 1;
    return table;
}

mrt_session *mrt_session_new(int64_t interval) {
    mrt_session *session = calloc(1, sizeof(*session));
    if (session == NULL) {
        return NULL;
    }
    session->interval = interval > 0 ? (double) interval : 0.0;
    pthread_mutex_init(&session->lock, NULL);
    pthread_mutex_init(&session->follow_lock, NULL);
    mrt_stack_table *table = stack_table_new(MRT_INITIAL_STACK_SLOTS);
    session->method_slots = calloc(MRT_INITIAL_METHOD_SLOTS, sizeof(uint32_t));
    if (table == NULL || session->method_slots == NULL) {
        free(table != NULL ? table->slots : NULL);
        free(table);
        free(session->method_slots);
        pthread_mutex_destroy(&session->lock);
        pthread_mutex_destroy(&session->follow_lock);
        free(session);
        return NULL;
    }
    session->method_mask = MRT_INITIAL_METHOD_SLOTS - 1;
    atomic_store(&session->stack_table, table);
    return session;
}

void mrt_session_free(mrt_session *session) {
    if (session == NULL) {
        return;
    }
    for (uint32_t i = 0; i < mrt_vec_count(&session->methods); i++) {
        mrt_method *method = mrt_vec_get(&session->methods, i);
        free(method->class_name);
        free(method->method_name);
        free(method->source_file);
        free(method);
    }
    for (uint32_t i = 0; i < mrt_vec_count(&session->stacks); i++) {
        mrt_stack *stack = mrt_vec_get(&session->stacks, i);
        free(stack->ids);
        free(stack->methods);
        free(stack);
    }
    for (uint32_t i = 0; i < mrt_vec_count(&session->threads); i++) {
        mrt_thread *thread = mrt_vec_get(&session->threads, i);
        free(thread->map);
        free(thread);
    }
    for (uint32_t i = 0; i < mrt_vec_count(&session->cells); i++) {
        free(mrt_vec_get(&session->cells, i));
    }
    vec_free(&session->methods);
    vec_free(&session->stacks);
    vec_free(&session->threads);
    vec_free(&session->cells);
    mrt_stack_table *table = atomic_load(&session->stack_table);
    while (table != NULL) {
        mrt_stack_table *older = table->retired;
        free(table->slots);
        free(table);
        table = older;
    }
    free(session->method_slots);
    free(session->arriving.items);
    free(session->followed.items);
    pthread_mutex_destroy(&session->lock);
    pthread_mutex_destroy(&session->follow_lock);
    free(session);
}

void mrt_weights(int64_t size, double interval, int64_t *bytes, int64_t *count_fp) {
    if (interval <= 0 || size <= 0) {
        *bytes = size > 0 ? size : 0;
        *count_fp = (int64_t) 1 << MRT_COUNT_SHIFT;
        return;
    }
    /* The chance that a sample point falls in an object of `size` bytes. */
    double probability = -expm1(-(double) size / interval);
    *bytes = llround((double) size / probability);
    *count_fp = llround(ldexp(1.0 / probability, MRT_COUNT_SHIFT));
}

uint64_t mrt_stack_hash(const void *const *ids, uint32_t depth) {
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ depth;
    for (uint32_t i = 0; i < depth; i++) {
        h = (h << 5 | h >> 59) ^ (uint64_t) (uintptr_t) ids[i];
        h *= 0x9e3779b97f4a7c15ULL;
    }
    return mix64(h);
}

static int same_stack(const mrt_stack *stack, const void *const *ids, uint32_t depth,
                      uint64_t hash) {
    return stack->hash == hash && stack->depth == depth
           && memcmp(stack->ids, ids, depth * sizeof(void *)) == 0;
}

mrt_stack *mrt_stack_find(mrt_session *session, const void *const *ids, uint32_t depth,
                          uint64_t hash) {
    mrt_stack_table *table = atomic_load_explicit(&session->stack_table, memory_order_acquire);
    for (uint32_t i = (uint32_t) hash & table->mask;; i = (i + 1) & table->mask) {
        mrt_stack *stack = atomic_load_explicit(&table->slots[i], memory_order_acquire);
        if (stack == NULL) {
            return NULL;
        }
        if (same_stack(stack, ids, depth, hash)) {
            return stack;
        }
    }
}

static void stack_table_put(mrt_stack_table *table, mrt_stack *stack) {
    uint32_t i = (uint32_t) stack->hash & table->mask;
    while (atomic_load_explicit(&table->slots[i], memory_order_relaxed) != NULL) {
        i = (i + 1) & table->mask;
    }
    atomic_store_explicit(&table->slots[i], stack, memory_order_release);
}

/* Under the lock: makes room for one more stack, keeping the table at most half full. */
static int stack_table_reserve(mrt_session *session) {
    mrt_stack_table *table = atomic_load_explicit(&session->stack_table, memory_order_relaxed);
    uint32_t count = mrt_vec_count(&session->stacks);
    if ((uint64_t) (count + 1) * 2 <= (uint64_t) table->mask + 1) {
        return 0;
    }
    mrt_stack_table *larger = stack_table_new((table->mask + 1) * 2);
    if (larger == NULL) {
        return -1;
    }
    for (uint32_t i = 0; i < count; i++) {
        stack_table_put(larger, mrt_vec_get(&session->stacks, i));
    }
    /* Readers may still probe the old table; it lives as long as the session. */
    larger->retired = table;
    atomic_store_explicit(&session->stack_table, larger, memory_order_release);
    return 0;
}

static uint64_t pointer_hash(const void *p) {
    return mix64((uint64_t) (uintptr_t) p);
}

/* Under the lock: the index of the method with this id, or -1. */
static int64_t method_find(mrt_session *session, const void *id) {
    for (uint32_t i = (uint32_t) pointer_hash(id) & session->method_mask;;
         i = (i + 1) & session->method_mask) {
        uint32_t slot = session->method_slots[i];
        if (slot == 0) {
            return -1;
        }
        mrt_method *method = mrt_vec_get(&session->methods, slot - 1);
        if (method->id == id) {
            return slot - 1;
        }
    }
}

static void method_slot_put(uint32_t *slots, uint32_t mask, const void *id, uint32_t index) {
    uint32_t i = (uint32_t) pointer_hash(id) & mask;
    while (slots[i] != 0) {
        i = (i + 1) & mask;
    }
    slots[i] = index + 1;
}

/* Under the lock: the index of the method with this id, resolved and added if new; -1 on failure. */
static int64_t method_intern(mrt_session *session, const void *id, mrt_resolver resolve,
                             void *context) {
    int64_t known = method_find(session, id);
    if (known >= 0) {
        return known;
    }
    uint32_t count = mrt_vec_count(&session->methods);
    if ((uint64_t) (count + 1) * 2 > (uint64_t) session->method_mask + 1) {
        uint32_t mask = session->method_mask * 2 + 1;
        uint32_t *slots = calloc((size_t) mask + 1, sizeof(uint32_t));
        if (slots == NULL) {
            return -1;
        }
        for (uint32_t i = 0; i < count; i++) {
            method_slot_put(slots, mask, ((mrt_method *) mrt_vec_get(&session->methods, i))->id, i);
        }
        free(session->method_slots);
        session->method_slots = slots;
        session->method_mask = mask;
    }
    mrt_method *method = calloc(1, sizeof(*method));
    if (method == NULL) {
        return -1;
    }
    method->id = id;
    method->index = count;
    if (resolve(context, id, &method->class_name, &method->method_name,
                &method->source_file) != 0) {
        free(method->class_name);
        free(method->method_name);
        free(method->source_file);
        method->class_name = strdup("?");
        method->method_name = strdup("?");
        method->source_file = strdup("");
    }
    if (method->class_name == NULL || method->method_name == NULL || method->source_file == NULL
        || vec_push(&session->methods, method) != 0) {
        free(method->class_name);
        free(method->method_name);
        free(method->source_file);
        free(method);
        return -1;
    }
    method_slot_put(session->method_slots, session->method_mask, id, count);
    return count;
}

mrt_stack *mrt_stack_intern(mrt_session *session, const void *const *ids, uint32_t depth,
                            mrt_resolver resolve, void *context) {
    uint64_t hash = mrt_stack_hash(ids, depth);
    pthread_mutex_lock(&session->lock);
    mrt_stack *stack = mrt_stack_find(session, ids, depth, hash);
    if (stack != NULL) {
        pthread_mutex_unlock(&session->lock);
        return stack;
    }
    if (vec_full(&session->stacks) || stack_table_reserve(session) != 0) {
        pthread_mutex_unlock(&session->lock);
        return NULL;
    }
    stack = calloc(1, sizeof(*stack));
    if (stack != NULL) {
        stack->ids = malloc((depth > 0 ? depth : 1) * sizeof(void *));
        stack->methods = malloc((depth > 0 ? depth : 1) * sizeof(uint32_t));
    }
    if (stack == NULL || stack->ids == NULL || stack->methods == NULL) {
        goto fail;
    }
    for (uint32_t i = 0; i < depth; i++) {
        int64_t method = method_intern(session, ids[i], resolve, context);
        if (method < 0) {
            goto fail;
        }
        stack->ids[i] = ids[i];
        stack->methods[i] = (uint32_t) method;
    }
    stack->hash = hash;
    stack->depth = depth;
    stack->index = mrt_vec_count(&session->stacks);
    if (vec_push(&session->stacks, stack) != 0) {
        goto fail;
    }
    stack_table_put(atomic_load_explicit(&session->stack_table, memory_order_relaxed), stack);
    pthread_mutex_unlock(&session->lock);
    return stack;
fail:
    pthread_mutex_unlock(&session->lock);
    if (stack != NULL) {
        free(stack->ids);
        free(stack->methods);
        free(stack);
    }
    return NULL;
}

mrt_thread *mrt_thread_new(mrt_session *session, void *handle) {
    mrt_thread *thread = calloc(1, sizeof(*thread));
    if (thread == NULL) {
        return NULL;
    }
    thread->map = calloc(MRT_INITIAL_THREAD_MAP, sizeof(uint64_t));
    if (thread->map == NULL) {
        free(thread);
        return NULL;
    }
    thread->map_capacity = MRT_INITIAL_THREAD_MAP;
    atomic_store(&thread->handle, handle);
    pthread_mutex_lock(&session->lock);
    thread->index = mrt_vec_count(&session->threads);
    int failed = vec_push(&session->threads, thread);
    pthread_mutex_unlock(&session->lock);
    if (failed) {
        free(thread->map);
        free(thread);
        return NULL;
    }
    return thread;
}

static void thread_map_put(uint64_t *map, uint32_t capacity, uint64_t entry) {
    uint32_t i = (uint32_t) mix64(entry >> 32) & (capacity - 1);
    while (map[i] != 0) {
        i = (i + 1) & (capacity - 1);
    }
    map[i] = entry;
}

mrt_cell *mrt_cell_for(mrt_session *session, mrt_thread *thread, uint32_t stack) {
    uint64_t key = (uint64_t) stack + 1;
    uint32_t mask = thread->map_capacity - 1;
    for (uint32_t i = (uint32_t) mix64(key) & mask; thread->map[i] != 0; i = (i + 1) & mask) {
        if (thread->map[i] >> 32 == key) {
            return mrt_vec_get(&session->cells, (uint32_t) thread->map[i]);
        }
    }
    if ((thread->map_size + 1) * 2 > thread->map_capacity) {
        uint32_t capacity = thread->map_capacity * 2;
        uint64_t *map = calloc(capacity, sizeof(uint64_t));
        if (map == NULL) {
            return NULL;
        }
        for (uint32_t i = 0; i < thread->map_capacity; i++) {
            if (thread->map[i] != 0) {
                thread_map_put(map, capacity, thread->map[i]);
            }
        }
        free(thread->map);
        thread->map = map;
        thread->map_capacity = capacity;
    }
    mrt_cell *cell = calloc(1, sizeof(*cell));
    if (cell == NULL) {
        return NULL;
    }
    cell->thread = thread->index;
    cell->stack = stack;
    pthread_mutex_lock(&session->lock);
    cell->index = mrt_vec_count(&session->cells);
    int failed = vec_push(&session->cells, cell);
    pthread_mutex_unlock(&session->lock);
    if (failed) {
        free(cell);
        return NULL;
    }
    thread_map_put(thread->map, thread->map_capacity, key << 32 | cell->index);
    thread->map_size++;
    return cell;
}

static void mark_dirty(mrt_session *session, mrt_cell *cell) {
    if (atomic_exchange(&cell->dirty, 1) == 0) {
        mrt_cell *head = atomic_load(&session->dirty);
        do {
            cell->next_dirty = head;
        } while (!atomic_compare_exchange_weak(&session->dirty, &head, cell));
    }
}

void mrt_count_allocation(mrt_session *session, mrt_cell *cell, int64_t size) {
    int64_t bytes;
    int64_t count_fp;
    mrt_weights(size, session->interval, &bytes, &count_fp);
    atomic_fetch_add(&cell->allocated_bytes, bytes);
    atomic_fetch_add(&cell->allocated_count_fp, count_fp);
    atomic_fetch_add_explicit(&session->samples, 1, memory_order_relaxed);
    mark_dirty(session, cell);
}

void mrt_count_free(mrt_session *session, mrt_cell *cell, int64_t size) {
    int64_t bytes;
    int64_t count_fp;
    mrt_weights(size, session->interval, &bytes, &count_fp);
    atomic_fetch_add(&cell->freed_bytes, bytes);
    atomic_fetch_add(&cell->freed_count_fp, count_fp);
    mark_dirty(session, cell);
}

size_t mrt_drain(mrt_session *session, mrt_delta **out) {
    *out = NULL;
    mrt_cell *head = atomic_exchange(&session->dirty, NULL);
    size_t listed = 0;
    /* Flags stay set until each cell is visited below, so nobody relinks the list meanwhile. */
    for (mrt_cell *cell = head; cell != NULL; cell = cell->next_dirty) {
        listed++;
    }
    mrt_delta *deltas = listed > 0 ? malloc(listed * sizeof(*deltas)) : NULL;
    size_t n = 0;
    mrt_cell *cell = head;
    while (cell != NULL) {
        mrt_cell *next = cell->next_dirty;
        atomic_store(&cell->dirty, 0);
        if (deltas == NULL) {
            /* Out of memory: put the cell back so that nothing is lost. */
            mark_dirty(session, cell);
            cell = next;
            continue;
        }
        int64_t now[4] = {
            atomic_load(&cell->allocated_bytes), atomic_load(&cell->allocated_count_fp),
            atomic_load(&cell->freed_bytes), atomic_load(&cell->freed_count_fp),
        };
        mrt_delta delta = {
            .thread = cell->thread,
            .stack = cell->stack,
            .allocated_bytes = now[0] - cell->drained[0],
            .allocated_count = (now[1] >> MRT_COUNT_SHIFT) - (cell->drained[1] >> MRT_COUNT_SHIFT),
            .freed_bytes = now[2] - cell->drained[2],
            .freed_count = (now[3] >> MRT_COUNT_SHIFT) - (cell->drained[3] >> MRT_COUNT_SHIFT),
        };
        memcpy(cell->drained, now, sizeof(now));
        if (delta.allocated_bytes != 0 || delta.allocated_count != 0 || delta.freed_bytes != 0
            || delta.freed_count != 0) {
            deltas[n++] = delta;
        }
        cell = next;
    }
    if (n == 0) {
        free(deltas);
        return 0;
    }
    *out = deltas;
    return n;
}

char *mrt_class_name(const char *signature) {
    size_t length = strlen(signature);
    if (length >= 2 && signature[0] == 'L' && signature[length - 1] == ';') {
        char *name = malloc(length - 1);
        if (name == NULL) {
            return NULL;
        }
        for (size_t i = 1; i < length - 1; i++) {
            name[i - 1] = signature[i] == '/' ? '.' : signature[i];
        }
        name[length - 2] = '\0';
        return name;
    }
    return strdup(signature);
}

/* ---- objects followed until they die ------------------------------------------------------ */

static int followed_reserve(mrt_followed_list *list, size_t more) {
    if (list->size + more <= list->capacity) {
        return 0;
    }
    size_t capacity = list->capacity == 0 ? 1024 : list->capacity;
    while (capacity < list->size + more) {
        capacity *= 2;
    }
    mrt_followed *items = realloc(list->items, capacity * sizeof(mrt_followed));
    if (items == NULL) {
        return -1;
    }
    list->items = items;
    list->capacity = capacity;
    return 0;
}

int mrt_follow(mrt_session *session, void *reference, uint32_t cell, int64_t size) {
    pthread_mutex_lock(&session->follow_lock);
    int result = followed_reserve(&session->arriving, 1);
    if (result == 0) {
        mrt_followed *item = &session->arriving.items[session->arriving.size++];
        item->reference = reference;
        item->cell = cell;
        item->size = size;
    }
    pthread_mutex_unlock(&session->follow_lock);
    return result;
}

/* Counts and releases the dead of `list`, keeping the living in order; returns the dead. */
static size_t sweep_list(mrt_session *session, mrt_followed_list *list, mrt_is_dead is_dead,
                         mrt_release release, void *context) {
    size_t kept = 0;
    size_t dead = 0;
    uint32_t cells = mrt_vec_count(&session->cells);
    for (size_t i = 0; i < list->size; i++) {
        mrt_followed item = list->items[i];
        if (is_dead(context, item.reference)) {
            if (item.cell < cells) {
                mrt_count_free(session, mrt_vec_get(&session->cells, item.cell), item.size);
            }
            release(context, item.reference);
            dead++;
        } else {
            list->items[kept++] = item;
        }
    }
    list->size = kept;
    return dead;
}

/* Takes what arrived since the last sweep, leaving an empty list for the next arrivals. */
static mrt_followed_list take_arriving(mrt_session *session) {
    pthread_mutex_lock(&session->follow_lock);
    mrt_followed_list taken = session->arriving;
    memset(&session->arriving, 0, sizeof(session->arriving));
    pthread_mutex_unlock(&session->follow_lock);
    return taken;
}

/* Gives every reference of `list` to `release` and empties it. */
static void release_all(mrt_followed_list *list, mrt_release release, void *context) {
    for (size_t i = 0; i < list->size; i++) {
        release(context, list->items[i].reference);
    }
    list->size = 0;
}

size_t mrt_sweep(mrt_session *session, mrt_is_dead is_dead, mrt_release release,
                 void *context) {
    mrt_followed_list batch = take_arriving(session);
    size_t dead = sweep_list(session, &session->followed, is_dead, release, context);
    dead += sweep_list(session, &batch, is_dead, release, context);
    if (followed_reserve(&session->followed, batch.size) == 0) {
        if (batch.size > 0) {
            memcpy(session->followed.items + session->followed.size, batch.items,
                   batch.size * sizeof(mrt_followed));
            session->followed.size += batch.size;
        }
    } else {
        atomic_fetch_add(&session->unfollowed, (int64_t) batch.size);
        release_all(&batch, release, context);
    }
    /* the batch's buffer takes the next arrivals, unless some came meanwhile */
    pthread_mutex_lock(&session->follow_lock);
    if (session->arriving.items == NULL && batch.items != NULL) {
        session->arriving.items = batch.items;
        session->arriving.capacity = batch.capacity;
        batch.items = NULL;
    }
    pthread_mutex_unlock(&session->follow_lock);
    free(batch.items);
    return dead;
}

void mrt_unfollow_all(mrt_session *session, mrt_release release, void *context) {
    mrt_followed_list batch = take_arriving(session);
    release_all(&session->followed, release, context);
    release_all(&batch, release, context);
    free(batch.items);
}
