/*
 * memray's Java-heap sampler: a JVMTI agent library loaded with System.load by the jvmti
 * tracker. JNI_OnLoad keeps the JavaVM; every tracking session obtains its own jvmtiEnv with
 * GetEnv in the live phase (the capabilities it needs are granted then), turns on the JVM's
 * heap sampling (SampledObjectAlloc, JEP 331) and follows every sampled object with a JNI weak
 * reference, so that its death can be counted against the same (thread, stack).
 *
 * The callback only counts: SampledObjectAlloc captures the stack into a buffer on its own C
 * stack, finds the interned stack (lock-free), adds weights to the counters of its
 * (thread, stack), and appends the object's weak reference to the followed list (a short
 * lock). Methods are resolved to names the first time a stack is seen, while they are on that
 * live stack, so no method id is ever used after its class could have unloaded. The Java side
 * drains at every flush, under its own lock (one caller at a time): first the sweep, which
 * counts as freed every followed object whose reference the GC cleared, then the changed
 * counters and newly seen methods, stacks and threads.
 *
 * Weak references, not tags: JVMTI SetTag with ObjectFree events would do the same, but a tag
 * cost the allocating thread about twice what a weak reference and the list append do
 * (bench/RESULTS.md, run F), and each GC then posts an event per dead object. A sweep asks
 * each followed reference once per flush, on memray's thread (about 12 ns a reference).
 */
#include <jni.h>
#include <jvmti.h>

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sampler_tables.h"

static JavaVM *java_vm;
/* The running session: callbacks count into it while it is set. */
static mrt_session *_Atomic running;
static jvmtiEnv *_Atomic running_env;
/* The session being drained: set from start to release, outlives stop for the last drain. */
static mrt_session *drained;
static jvmtiEnv *drained_env;
static int max_depth = 64;
/* Callbacks inside the sampler right now; stop waits for none before tables are freed. */
static _Atomic int inflight;

typedef struct resolver_context {
    jvmtiEnv *env;
    JNIEnv *jni;
} resolver_context;

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) reserved;
    java_vm = vm;
    return JNI_VERSION_1_8;
}

static char *copy_or_empty(const char *text) {
    return strdup(text != NULL ? text : "");
}

static int resolve_method(void *context, const void *method_id, char **class_name,
                          char **method_name, char **source_file) {
    resolver_context *resolver = context;
    jvmtiEnv *env = resolver->env;
    jmethodID method = (jmethodID) method_id;
    jclass klass = NULL;
    char *signature = NULL;
    char *name = NULL;
    char *file = NULL;
    int result = -1;
    if ((*env)->GetMethodDeclaringClass(env, method, &klass) == JVMTI_ERROR_NONE
        && (*env)->GetClassSignature(env, klass, &signature, NULL) == JVMTI_ERROR_NONE
        && (*env)->GetMethodName(env, method, &name, NULL, NULL) == JVMTI_ERROR_NONE) {
        if ((*env)->GetSourceFileName(env, klass, &file) != JVMTI_ERROR_NONE) {
            file = NULL;
        }
        *class_name = mrt_class_name(signature);
        *method_name = copy_or_empty(name);
        *source_file = copy_or_empty(file);
        result = 0;
    }
    (*env)->Deallocate(env, (unsigned char *) signature);
    (*env)->Deallocate(env, (unsigned char *) name);
    (*env)->Deallocate(env, (unsigned char *) file);
    if (klass != NULL) {
        (*resolver->jni)->DeleteLocalRef(resolver->jni, klass);
    }
    return result;
}

static mrt_thread *current_thread(jvmtiEnv *env, JNIEnv *jni, mrt_session *session,
                                  jthread thread) {
    mrt_thread *record = NULL;
    if ((*env)->GetThreadLocalStorage(env, NULL, (void **) &record) != JVMTI_ERROR_NONE) {
        return NULL;
    }
    if (record != NULL) {
        return record;
    }
    jobject handle = thread != NULL ? (*jni)->NewGlobalRef(jni, thread) : NULL;
    record = mrt_thread_new(session, handle);
    if (record == NULL) {
        if (handle != NULL) {
            (*jni)->DeleteGlobalRef(jni, handle);
        }
        return NULL;
    }
    (*env)->SetThreadLocalStorage(env, NULL, record);
    return record;
}

static void sample(jvmtiEnv *env, JNIEnv *jni, mrt_session *session, jthread thread,
                   jobject object, jlong size) {
    mrt_thread *record = current_thread(env, jni, session, thread);
    if (record == NULL) {
        atomic_fetch_add(&session->dropped, 1);
        return;
    }
    if (atomic_load_explicit(&record->ignored, memory_order_relaxed)) {
        return;
    }
    jvmtiFrameInfo frames[MRT_MAX_DEPTH];
    jint depth = 0;
    if ((*env)->GetStackTrace(env, NULL, 0, max_depth, frames, &depth) != JVMTI_ERROR_NONE) {
        atomic_fetch_add(&session->dropped, 1);
        return;
    }
    const void *ids[MRT_MAX_DEPTH];
    for (jint i = 0; i < depth; i++) {
        ids[i] = frames[i].method;
    }
    uint64_t hash = mrt_stack_hash(ids, (uint32_t) depth);
    mrt_stack *stack = mrt_stack_find(session, ids, (uint32_t) depth, hash);
    if (stack == NULL) {
        resolver_context context = {env, jni};
        stack = mrt_stack_intern(session, ids, (uint32_t) depth, resolve_method, &context);
    }
    mrt_cell *cell = stack != NULL ? mrt_cell_for(session, record, stack->index) : NULL;
    if (cell == NULL) {
        atomic_fetch_add(&session->dropped, 1);
        return;
    }
    mrt_count_allocation(session, cell, size);
    jweak reference = (*jni)->NewWeakGlobalRef(jni, object);
    if (reference == NULL || mrt_follow(session, reference, cell->index, size) != 0) {
        if (reference != NULL) {
            (*jni)->DeleteWeakGlobalRef(jni, reference);
        }
        if ((*jni)->ExceptionCheck(jni)) {
            (*jni)->ExceptionClear(jni); /* the JVM's OutOfMemoryError: not the program's */
        }
        atomic_fetch_add(&session->unfollowed, 1);
    }
}

static void JNICALL on_sampled_object_alloc(jvmtiEnv *env, JNIEnv *jni, jthread thread,
                                            jobject object, jclass klass, jlong size) {
    (void) klass;
    atomic_fetch_add(&inflight, 1);
    mrt_session *session = atomic_load(&running);
    if (session != NULL && env == atomic_load(&running_env)) {
        sample(env, jni, session, thread, object, size);
    }
    atomic_fetch_sub(&inflight, 1);
}

static int reference_cleared(void *context, void *reference) {
    JNIEnv *jni = context;
    return (*jni)->IsSameObject(jni, (jweak) reference, NULL) == JNI_TRUE;
}

static void delete_reference(void *context, void *reference) {
    JNIEnv *jni = context;
    (*jni)->DeleteWeakGlobalRef(jni, (jweak) reference);
}

static jstring error_string(JNIEnv *jni, jvmtiEnv *env, const char *what, jvmtiError error) {
    char *name = NULL;
    char message[256];
    if (env != NULL && (*env)->GetErrorName(env, error, &name) == JVMTI_ERROR_NONE) {
        snprintf(message, sizeof(message), "%s failed: %s", what, name);
        (*env)->Deallocate(env, (unsigned char *) name);
    } else {
        snprintf(message, sizeof(message), "%s failed: JVMTI error %d", what, (int) error);
    }
    return (*jni)->NewStringUTF(jni, message);
}

static jvmtiEnv *new_env(void) {
    jvmtiEnv *env = NULL;
    if (java_vm == NULL
        || (*java_vm)->GetEnv(java_vm, (void **) &env, JVMTI_VERSION_11) != JNI_OK) {
        return NULL;
    }
    return env;
}

/* The capabilities a session needs, or the name of the first one this JVM does not offer. */
static const char *missing_capability(const jvmtiCapabilities *offered) {
    if (!offered->can_generate_sampled_object_alloc_events) {
        return "can_generate_sampled_object_alloc_events";
    }
    return NULL;
}

static void wanted_capabilities(const jvmtiCapabilities *offered, jvmtiCapabilities *wanted) {
    memset(wanted, 0, sizeof(*wanted));
    wanted->can_generate_sampled_object_alloc_events = 1;
    wanted->can_get_source_file_name = offered->can_get_source_file_name;
}

JNIEXPORT jstring JNICALL
Java_io_github_memrayjvm_tracker_jvmti_NativeSampler_probe(JNIEnv *jni, jclass type) {
    (void) type;
    jvmtiEnv *env = new_env();
    if (env == NULL) {
        return (*jni)->NewStringUTF(jni, "this JVM offers no JVMTI 11 environment");
    }
    jvmtiCapabilities offered;
    jstring result = NULL;
    jvmtiError error = (*env)->GetPotentialCapabilities(env, &offered);
    if (error != JVMTI_ERROR_NONE) {
        result = error_string(jni, env, "GetPotentialCapabilities", error);
    } else {
        const char *missing = missing_capability(&offered);
        if (missing != NULL) {
            char message[160];
            snprintf(message, sizeof(message), "this JVM does not offer the JVMTI capability %s",
                     missing);
            result = (*jni)->NewStringUTF(jni, message);
        }
    }
    (*env)->DisposeEnvironment(env);
    return result;
}

JNIEXPORT jstring JNICALL
Java_io_github_memrayjvm_tracker_jvmti_NativeSampler_start(JNIEnv *jni, jclass type,
                                                          jlong interval, jint depth) {
    (void) type;
    if (drained != NULL) {
        return (*jni)->NewStringUTF(jni, "the heap sampler is already running");
    }
    if (interval < 0 || interval > 0x7fffffff) {
        return (*jni)->NewStringUTF(jni, "the sampling interval must be 0 to 2147483647 bytes");
    }
    jvmtiEnv *env = new_env();
    if (env == NULL) {
        return (*jni)->NewStringUTF(jni, "this JVM offers no JVMTI 11 environment");
    }
    jvmtiCapabilities offered;
    jvmtiCapabilities wanted;
    jvmtiError error = (*env)->GetPotentialCapabilities(env, &offered);
    const char *what = "GetPotentialCapabilities";
    if (error == JVMTI_ERROR_NONE) {
        wanted_capabilities(&offered, &wanted);
        what = "AddCapabilities";
        error = (*env)->AddCapabilities(env, &wanted);
    }
    if (error == JVMTI_ERROR_NONE) {
        jvmtiEventCallbacks callbacks;
        memset(&callbacks, 0, sizeof(callbacks));
        callbacks.SampledObjectAlloc = on_sampled_object_alloc;
        what = "SetEventCallbacks";
        error = (*env)->SetEventCallbacks(env, &callbacks, (jint) sizeof(callbacks));
    }
    if (error == JVMTI_ERROR_NONE) {
        what = "SetHeapSamplingInterval";
        error = (*env)->SetHeapSamplingInterval(env, (jint) interval);
    }
    mrt_session *session = NULL;
    if (error == JVMTI_ERROR_NONE) {
        session = mrt_session_new(interval);
        if (session == NULL) {
            (*env)->DisposeEnvironment(env);
            return (*jni)->NewStringUTF(jni, "out of memory");
        }
        max_depth = depth < 1 ? 1 : depth > MRT_MAX_DEPTH ? MRT_MAX_DEPTH : depth;
        drained = session;
        drained_env = env;
        atomic_store(&running_env, env);
        atomic_store(&running, session);
        what = "SetEventNotificationMode(SampledObjectAlloc)";
        error = (*env)->SetEventNotificationMode(env, JVMTI_ENABLE,
                                                 JVMTI_EVENT_SAMPLED_OBJECT_ALLOC, NULL);
    }
    if (error != JVMTI_ERROR_NONE) {
        jstring message = error_string(jni, env, what, error);
        if (session != NULL) {
            atomic_store(&running, NULL);
            atomic_store(&running_env, NULL);
            drained = NULL;
            drained_env = NULL;
            /* Nothing was counted or followed yet. */
            (*env)->DisposeEnvironment(env);
            struct timespec pause = {0, 10 * 1000 * 1000};
            nanosleep(&pause, NULL);
            if (atomic_load(&inflight) == 0) {
                mrt_session_free(session);
            }
        } else {
            (*env)->DisposeEnvironment(env);
        }
        return message;
    }
    return NULL;
}

JNIEXPORT jboolean JNICALL
Java_io_github_memrayjvm_tracker_jvmti_NativeSampler_stop(JNIEnv *jni, jclass type,
                                                         jlong wait_millis) {
    (void) jni;
    (void) type;
    jvmtiEnv *env = drained_env;
    if (env == NULL) {
        return JNI_TRUE;
    }
    (*env)->SetEventNotificationMode(env, JVMTI_DISABLE, JVMTI_EVENT_SAMPLED_OBJECT_ALLOC, NULL);
    atomic_store(&running, NULL);
    atomic_store(&running_env, NULL);
    struct timespec pause = {0, 1000 * 1000};
    for (jlong waited = 0; atomic_load(&inflight) != 0 && waited < wait_millis; waited++) {
        nanosleep(&pause, NULL);
    }
    return atomic_load(&inflight) == 0 ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT void JNICALL
Java_io_github_memrayjvm_tracker_jvmti_NativeSampler_release(JNIEnv *jni, jclass type) {
    (void) type;
    mrt_session *session = drained;
    jvmtiEnv *env = drained_env;
    if (session == NULL || atomic_load(&running) != NULL) {
        return;
    }
    drained = NULL;
    drained_env = NULL;
    for (uint32_t i = 0; i < mrt_vec_count(&session->threads); i++) {
        mrt_thread *thread = mrt_vec_get(&session->threads, i);
        jobject handle = atomic_exchange(&thread->handle, NULL);
        if (handle != NULL) {
            (*jni)->DeleteGlobalRef(jni, handle);
        }
    }
    (*env)->DisposeEnvironment(env);
    /* A callback still running (stop timed out) may hold the tables: then they are kept. */
    if (atomic_load(&inflight) == 0) {
        mrt_unfollow_all(session, delete_reference, jni);
        mrt_session_free(session);
    }
}

JNIEXPORT jlongArray JNICALL
Java_io_github_memrayjvm_tracker_jvmti_NativeSampler_drainCells(JNIEnv *jni, jclass type) {
    (void) type;
    mrt_delta *deltas = NULL;
    if (drained != NULL) {
        mrt_sweep(drained, reference_cleared, delete_reference, jni);
    }
    size_t n = drained != NULL ? mrt_drain(drained, &deltas) : 0;
    jlongArray result = (*jni)->NewLongArray(jni, (jsize) (n * 6));
    if (result == NULL || n == 0) {
        free(deltas);
        return result;
    }
    jlong *values = (*jni)->GetLongArrayElements(jni, result, NULL);
    if (values != NULL) {
        for (size_t i = 0; i < n; i++) {
            values[i * 6] = deltas[i].thread;
            values[i * 6 + 1] = deltas[i].stack;
            values[i * 6 + 2] = deltas[i].allocated_bytes;
            values[i * 6 + 3] = deltas[i].allocated_count;
            values[i * 6 + 4] = deltas[i].freed_bytes;
            values[i * 6 + 5] = deltas[i].freed_count;
        }
        (*jni)->ReleaseLongArrayElements(jni, result, values, 0);
    }
    free(deltas);
    return result;
}

JNIEXPORT jobjectArray JNICALL
Java_io_github_memrayjvm_tracker_jvmti_NativeSampler_methods(JNIEnv *jni, jclass type,
                                                            jint from) {
    (void) type;
    uint32_t count = drained != NULL ? mrt_vec_count(&drained->methods) : 0;
    uint32_t start = from < 0 ? 0 : (uint32_t) from;
    uint32_t n = count > start ? count - start : 0;
    jclass string_class = (*jni)->FindClass(jni, "java/lang/String");
    if (string_class == NULL) {
        return NULL;
    }
    jobjectArray result = (*jni)->NewObjectArray(jni, (jsize) (n * 3), string_class, NULL);
    for (uint32_t i = 0; result != NULL && i < n; i++) {
        mrt_method *method = mrt_vec_get(&drained->methods, start + i);
        const char *parts[3] = {method->class_name, method->method_name, method->source_file};
        for (int j = 0; j < 3; j++) {
            jstring text = (*jni)->NewStringUTF(jni, parts[j]);
            if (text == NULL) {
                return NULL;
            }
            (*jni)->SetObjectArrayElement(jni, result, (jsize) (i * 3 + (uint32_t) j), text);
            (*jni)->DeleteLocalRef(jni, text);
        }
    }
    return result;
}

JNIEXPORT jintArray JNICALL
Java_io_github_memrayjvm_tracker_jvmti_NativeSampler_stacks(JNIEnv *jni, jclass type,
                                                           jint from) {
    (void) type;
    uint32_t count = drained != NULL ? mrt_vec_count(&drained->stacks) : 0;
    uint32_t start = from < 0 ? 0 : (uint32_t) from;
    size_t length = 0;
    for (uint32_t i = start; i < count; i++) {
        length += 1 + ((mrt_stack *) mrt_vec_get(&drained->stacks, i))->depth;
    }
    jintArray result = (*jni)->NewIntArray(jni, (jsize) length);
    if (result == NULL || length == 0) {
        return result;
    }
    jint *values = (*jni)->GetIntArrayElements(jni, result, NULL);
    if (values == NULL) {
        return NULL;
    }
    size_t at = 0;
    for (uint32_t i = start; i < count; i++) {
        mrt_stack *stack = mrt_vec_get(&drained->stacks, i);
        values[at++] = (jint) stack->depth;
        for (uint32_t j = 0; j < stack->depth; j++) {
            values[at++] = (jint) stack->methods[j];
        }
    }
    (*jni)->ReleaseIntArrayElements(jni, result, values, 0);
    return result;
}

JNIEXPORT jobjectArray JNICALL
Java_io_github_memrayjvm_tracker_jvmti_NativeSampler_threads(JNIEnv *jni, jclass type,
                                                            jint from) {
    (void) type;
    uint32_t count = drained != NULL ? mrt_vec_count(&drained->threads) : 0;
    uint32_t start = from < 0 ? 0 : (uint32_t) from;
    uint32_t n = count > start ? count - start : 0;
    jclass thread_class = (*jni)->FindClass(jni, "java/lang/Thread");
    if (thread_class == NULL) {
        return NULL;
    }
    jobjectArray result = (*jni)->NewObjectArray(jni, (jsize) n, thread_class, NULL);
    for (uint32_t i = 0; result != NULL && i < n; i++) {
        mrt_thread *thread = mrt_vec_get(&drained->threads, start + i);
        jobject handle = atomic_exchange(&thread->handle, NULL);
        if (handle != NULL) {
            (*jni)->SetObjectArrayElement(jni, result, (jsize) i, handle);
            (*jni)->DeleteGlobalRef(jni, handle);
        }
    }
    return result;
}

JNIEXPORT void JNICALL
Java_io_github_memrayjvm_tracker_jvmti_NativeSampler_ignoreThread(JNIEnv *jni, jclass type,
                                                                 jint index) {
    (void) jni;
    (void) type;
    if (drained != NULL && index >= 0 && (uint32_t) index < mrt_vec_count(&drained->threads)) {
        mrt_thread *thread = mrt_vec_get(&drained->threads, (uint32_t) index);
        atomic_store(&thread->ignored, 1);
    }
}

JNIEXPORT jlongArray JNICALL
Java_io_github_memrayjvm_tracker_jvmti_NativeSampler_statistics(JNIEnv *jni, jclass type) {
    (void) type;
    jlong values[7] = {0};
    if (drained != NULL) {
        values[0] = atomic_load(&drained->samples);
        values[1] = atomic_load(&drained->unfollowed);
        values[2] = atomic_load(&drained->dropped);
        values[3] = mrt_vec_count(&drained->methods);
        values[4] = mrt_vec_count(&drained->stacks);
        values[5] = mrt_vec_count(&drained->threads);
        values[6] = mrt_vec_count(&drained->cells);
    }
    jlongArray result = (*jni)->NewLongArray(jni, 7);
    if (result != NULL) {
        (*jni)->SetLongArrayRegion(jni, result, 0, 7, values);
    }
    return result;
}
