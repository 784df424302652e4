/*
 * The floor of row 1: what the JVM's heap sampling costs before any profiler does anything.
 * Loaded with -agentpath:libsamplingfloor.so=MODE, it turns on SampledObjectAlloc at the default
 * interval (512 KiB), as memray's jvmti tracker and async-profiler's alloc mode do, and in each
 * sample's callback does only:
 *   MODE 0: nothing;
 *   MODE 1: JVMTI GetStackTrace of the allocating thread (64 frames), the stack every tracker
 *           of this kind must take, and nothing with it;
 *   MODE 2: mode 1, then SetTag on the sampled object (ObjectFree events on): one way a
 *           tracker can follow each sampled object to its free;
 *   MODE 3: mode 1, then a JNI weak global reference to the object, deleted at once: the
 *           other way, the one memray's live view takes (its references are deleted later, by
 *           the sweep that finds them cleared);
 *   MODE 4: AsyncGetCallTrace (64 frames) in place of GetStackTrace, the stack walker the JVM
 *           offers to signal handlers, with the ClassLoad event on and method ids made for every
 *           class as it requires; it counts how many samples it could walk.
 * A tracker cannot cost less than mode 1 without a cheaper stack walk than the JVM offers there.
 *
 * In modes 1 to 4 each callback is timed, and at the JVM's exit one line goes to standard error:
 *   sampling-floor: mode=M samples=N mean-ns=T mean-frames=F walked=W
 * (T: the callback's mean wall time in nanoseconds, the two clock reads included; F: frames per
 * walked stack; W: samples whose stack was taken).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jvmti.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FLOOR_INTERVAL (512 * 1024)
#define FLOOR_DEPTH 64

/* AsyncGetCallTrace's types, as the JVM defines them (it publishes no header). */
typedef struct {
    jint bci;
    jmethodID method;
} asgct_frame;

typedef struct {
    JNIEnv *env;
    jint count;
    asgct_frame *frames;
} asgct_trace;

typedef void (*asgct_function)(asgct_trace *trace, jint depth, void *context);

static int mode;
static asgct_function async_get_call_trace;
static _Atomic long samples;
static _Atomic long nanos;
static _Atomic long frames_taken;
static _Atomic long walked;

static long now_nanos(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1000000000L + now.tv_nsec;
}

static jint take_stack(jvmtiEnv *env, JNIEnv *jni) {
    if (mode == 4) {
        asgct_frame frames[FLOOR_DEPTH];
        asgct_trace trace = {jni, 0, frames};
        async_get_call_trace(&trace, FLOOR_DEPTH, NULL);
        return trace.count;
    }
    jvmtiFrameInfo frames[FLOOR_DEPTH];
    jint count = 0;
    return (*env)->GetStackTrace(env, NULL, 0, FLOOR_DEPTH, frames, &count) == JVMTI_ERROR_NONE
           ? count : -1;
}

static void JNICALL on_sample(jvmtiEnv *env, JNIEnv *jni, jthread thread, jobject object,
                              jclass klass, jlong size) {
    (void) thread;
    (void) klass;
    (void) size;
    if (mode == 0) {
        return;
    }
    long start = now_nanos();
    jint count = take_stack(env, jni);
    if (mode == 2) {
        (*env)->SetTag(env, object, 1);
    } else if (mode == 3) {
        jweak reference = (*jni)->NewWeakGlobalRef(jni, object);
        (*jni)->DeleteWeakGlobalRef(jni, reference);
    }
    atomic_fetch_add(&nanos, now_nanos() - start);
    atomic_fetch_add(&samples, 1);
    if (count > 0) {
        atomic_fetch_add(&walked, 1);
        atomic_fetch_add(&frames_taken, count);
    }
}

static void JNICALL on_object_free(jvmtiEnv *env, jlong tag) {
    (void) env;
    (void) tag;
}

/* AsyncGetCallTrace reports a method only once it has an id: make them as classes arrive. */
static void make_method_ids(jvmtiEnv *env, jclass klass) {
    jint count = 0;
    jmethodID *methods = NULL;
    if ((*env)->GetClassMethods(env, klass, &count, &methods) == JVMTI_ERROR_NONE) {
        (*env)->Deallocate(env, (unsigned char *) methods);
    }
}

static void JNICALL on_class_load(jvmtiEnv *env, JNIEnv *jni, jthread thread, jclass klass) {
    (void) env;
    (void) jni;
    (void) thread;
    (void) klass;
}

static void JNICALL on_class_prepare(jvmtiEnv *env, JNIEnv *jni, jthread thread, jclass klass) {
    (void) jni;
    (void) thread;
    make_method_ids(env, klass);
}

static void JNICALL on_vm_init(jvmtiEnv *env, JNIEnv *jni, jthread thread) {
    (void) jni;
    (void) thread;
    jint count = 0;
    jclass *classes = NULL;
    if (mode == 4 && (*env)->GetLoadedClasses(env, &count, &classes) == JVMTI_ERROR_NONE) {
        for (jint i = 0; i < count; i++) {
            make_method_ids(env, classes[i]);
        }
        (*env)->Deallocate(env, (unsigned char *) classes);
    }
}

static void JNICALL on_vm_death(jvmtiEnv *env, JNIEnv *jni) {
    (void) env;
    (void) jni;
    if (mode == 0) {
        return;
    }
    long n = atomic_load(&samples);
    long taken = atomic_load(&walked);
    fprintf(stderr,
            "sampling-floor: mode=%d samples=%ld mean-ns=%.0f mean-frames=%.1f walked=%ld\n",
            mode, n, n > 0 ? (double) atomic_load(&nanos) / n : 0.0,
            taken > 0 ? (double) atomic_load(&frames_taken) / taken : 0.0, taken);
}

static int enable(jvmtiEnv *env, jvmtiEvent event) {
    return (*env)->SetEventNotificationMode(env, JVMTI_ENABLE, event, NULL) == JVMTI_ERROR_NONE;
}

JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved) {
    (void) reserved;
    jvmtiEnv *env = NULL;
    if ((*vm)->GetEnv(vm, (void **) &env, JVMTI_VERSION_11) != JNI_OK) {
        return JNI_ERR;
    }
    mode = options != NULL ? atoi(options) : 0;
    if (mode < 0 || mode > 4) {
        fprintf(stderr, "sampling-floor: no mode %d (0 to 4)\n", mode);
        return JNI_ERR;
    }
    if (mode == 4) {
        async_get_call_trace = (asgct_function) dlsym(RTLD_DEFAULT, "AsyncGetCallTrace");
        if (async_get_call_trace == NULL) {
            fprintf(stderr, "sampling-floor: this JVM has no AsyncGetCallTrace\n");
            return JNI_ERR;
        }
    }
    jvmtiCapabilities capabilities;
    memset(&capabilities, 0, sizeof(capabilities));
    capabilities.can_generate_sampled_object_alloc_events = 1;
    if (mode == 2) {
        capabilities.can_tag_objects = 1;
        capabilities.can_generate_object_free_events = 1;
    }
    jvmtiEventCallbacks callbacks;
    memset(&callbacks, 0, sizeof(callbacks));
    callbacks.SampledObjectAlloc = on_sample;
    callbacks.ObjectFree = on_object_free;
    callbacks.ClassLoad = on_class_load;
    callbacks.ClassPrepare = on_class_prepare;
    callbacks.VMInit = on_vm_init;
    callbacks.VMDeath = on_vm_death;
    if ((*env)->AddCapabilities(env, &capabilities) != JVMTI_ERROR_NONE
        || (*env)->SetEventCallbacks(env, &callbacks, sizeof(callbacks)) != JVMTI_ERROR_NONE
        || (*env)->SetHeapSamplingInterval(env, FLOOR_INTERVAL) != JVMTI_ERROR_NONE
        || !enable(env, JVMTI_EVENT_SAMPLED_OBJECT_ALLOC) || !enable(env, JVMTI_EVENT_VM_DEATH)
        || (mode == 2 && !enable(env, JVMTI_EVENT_OBJECT_FREE))
        || (mode == 4 && (!enable(env, JVMTI_EVENT_CLASS_LOAD)
                          || !enable(env, JVMTI_EVENT_CLASS_PREPARE)
                          || !enable(env, JVMTI_EVENT_VM_INIT)))) {
        return JNI_ERR;
    }
    return JNI_OK;
}
