/*
 * The Java side's view of the library (class io.github.memrayjvm.tracker.natives.NativeBridge),
 * and the JVMTI parts: Java frames, Java thread identities.
 *
 * Java frames: a malloc hook may not call into the JVM in general (it runs inside the JVM's own
 * code, holding its locks). It calls only two things: GetEnv (a thread-local read: is this a
 * Java thread?) and AsyncGetCallTrace, the stack walker the JVM provides for signal handlers,
 * which takes no lock and allocates nothing. It is given an empty register context, so it walks
 * only from the Java frame the thread recorded when it left Java code for the JVM or a native
 * method (the state every malloc of a Java thread is made in); when there is none it returns no
 * frames. It needs the JVMTI ClassLoad event enabled, and method ids created for every class
 * (ClassPrepare, and the classes loaded before), or it reports frames without methods.
 *
 * Java thread identities: the ThreadStart event runs on each new thread, where it records the
 * thread's Java id against its OS thread; memray's own threads (named memray-...) are ignored
 * from then on.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <jvmti.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memraynative.h"

#define BRIDGE(name) Java_io_github_memrayjvm_tracker_natives_NativeBridge_##name##0

static JavaVM *vm;
static jvmtiEnv *jvmti;
static jmethodID thread_get_id;
static int source_files;

/* ---- a growable buffer of longs, for the drains ---------------------------------------- */

typedef struct {
    jlong *data;
    size_t size;
    size_t capacity;
    int failed;
} longs;

static void push(longs *b, jlong value) {
    if (b->size == b->capacity) {
        size_t capacity = b->capacity == 0 ? 1024 : b->capacity * 2;
        jlong *data = realloc(b->data, capacity * sizeof(jlong));
        if (data == NULL) {
            b->failed = 1;
            return;
        }
        b->data = data;
        b->capacity = capacity;
    }
    b->data[b->size++] = value;
}

static jlongArray to_array(JNIEnv *env, longs *b) {
    jlongArray array = NULL;
    if (!b->failed) {
        array = (*env)->NewLongArray(env, (jsize) b->size);
        if (array != NULL && b->size > 0) {
            (*env)->SetLongArrayRegion(env, array, 0, (jsize) b->size, b->data);
        }
    }
    free(b->data);
    return array;
}

/* ---- JVMTI ----------------------------------------------------------------------------- */

static void *current_env(void) {
    JNIEnv *env = NULL;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_6) != JNI_OK) {
        return NULL;
    }
    return env;
}

static void JNICALL on_class_load(jvmtiEnv *env, JNIEnv *jni, jthread thread, jclass klass) {
    (void) env;
    (void) jni;
    (void) thread;
    (void) klass;
}

static void create_method_ids(jvmtiEnv *env, jclass klass) {
    jint count = 0;
    jmethodID *methods = NULL;
    if ((*env)->GetClassMethods(env, klass, &count, &methods) == JVMTI_ERROR_NONE) {
        (*env)->Deallocate(env, (unsigned char *) methods);
    }
}

static void JNICALL on_class_prepare(jvmtiEnv *env, JNIEnv *jni, jthread thread, jclass klass) {
    (void) jni;
    (void) thread;
    create_method_ids(env, klass);
}

static void JNICALL on_thread_start(jvmtiEnv *env, JNIEnv *jni, jthread thread) {
    uint32_t serial = mrn_current_thread();
    jlong id = (*jni)->CallLongMethod(jni, thread, thread_get_id);
    if ((*jni)->ExceptionCheck(jni)) {
        (*jni)->ExceptionClear(jni);
        return;
    }
    mrn_set_java_id(serial, id);
    jvmtiThreadInfo info;
    memset(&info, 0, sizeof info);
    if ((*env)->GetThreadInfo(env, thread, &info) == JVMTI_ERROR_NONE) {
        if (info.name != NULL && strncmp(info.name, "memray-", 7) == 0) {
            mrn_ignore_thread(serial);
        }
        (*env)->Deallocate(env, (unsigned char *) info.name);
        (*jni)->DeleteLocalRef(jni, info.thread_group);
        (*jni)->DeleteLocalRef(jni, info.context_class_loader);
    }
}

static int setup_jvmti(JNIEnv *env) {
    if (jvmti != NULL) {
        return 0;
    }
    jvmtiEnv *created = NULL;
    if ((*vm)->GetEnv(vm, (void **) &created, JVMTI_VERSION_1_2) != JNI_OK) {
        return -1;
    }
    jvmtiCapabilities capabilities;
    memset(&capabilities, 0, sizeof capabilities);
    capabilities.can_get_source_file_name = 1;
    source_files = (*created)->AddCapabilities(created, &capabilities) == JVMTI_ERROR_NONE;
    jvmtiEventCallbacks callbacks;
    memset(&callbacks, 0, sizeof callbacks);
    callbacks.ClassLoad = on_class_load;
    callbacks.ClassPrepare = on_class_prepare;
    callbacks.ThreadStart = on_thread_start;
    if ((*created)->SetEventCallbacks(created, &callbacks, sizeof callbacks) != JVMTI_ERROR_NONE) {
        return -1;
    }
    jclass thread_class = (*env)->FindClass(env, "java/lang/Thread");
    if (thread_class == NULL) {
        return -1;
    }
    thread_get_id = (*env)->GetMethodID(env, thread_class, "getId", "()J");
    if (thread_get_id == NULL) {
        return -1;
    }
    jvmti = created;
    return 0;
}

static void set_event(jvmtiEvent event, jvmtiEventMode mode) {
    (*jvmti)->SetEventNotificationMode(jvmti, mode, event, NULL);
}

static void create_all_method_ids(JNIEnv *env) {
    jint count = 0;
    jclass *classes = NULL;
    if ((*jvmti)->GetLoadedClasses(jvmti, &count, &classes) != JVMTI_ERROR_NONE) {
        return;
    }
    for (jint i = 0; i < count; i++) {
        create_method_ids(jvmti, classes[i]);
        (*env)->DeleteLocalRef(env, classes[i]);
    }
    (*jvmti)->Deallocate(jvmti, (unsigned char *) classes);
}

/* ---- the bridge ------------------------------------------------------------------------ */

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *loaded, void *reserved) {
    (void) reserved;
    vm = loaded;
    return JNI_VERSION_1_6;
}

/*
 * -agentpath:libmemraynative.so (besides LD_PRELOAD): the JVM then finds this library's JNI
 * functions itself, so the Java side needs no System.load (a restricted method that makes
 * JDK 24 and later print a warning on the program's standard error). Nothing starts here.
 */
JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *loaded, char *options, void *reserved) {
    (void) options;
    (void) reserved;
    vm = loaded;
    return JNI_OK;
}

JNIEXPORT jboolean JNICALL BRIDGE(interposing)(JNIEnv *env, jclass bridge) {
    (void) env;
    (void) bridge;
    return mrn_is_interposing() ? JNI_TRUE : JNI_FALSE;
}

/* Returns 0: enabled with Java frames (if asked); 1: enabled without them; -1: failed. */
JNIEXPORT jint JNICALL BRIDGE(enable)(JNIEnv *env, jclass bridge, jlong sampling_interval,
                                      jboolean java_frames, jlong current_java_id) {
    (void) bridge;
    int jvmti_ready = setup_jvmti(env) == 0;
    mrn_java_walker walker = NULL;
    if (java_frames && jvmti_ready) {
        walker = (mrn_java_walker) dlsym(RTLD_DEFAULT, "AsyncGetCallTrace");
    }
    if (walker != NULL) {
        set_event(JVMTI_EVENT_CLASS_LOAD, JVMTI_ENABLE);
        set_event(JVMTI_EVENT_CLASS_PREPARE, JVMTI_ENABLE);
        create_all_method_ids(env);
    }
    if (jvmti_ready) {
        set_event(JVMTI_EVENT_THREAD_START, JVMTI_ENABLE);
    }
    mrn_config config = {(uint64_t) sampling_interval, walker, walker != NULL ? current_env : NULL};
    if (mrn_enable(&config) != 0) {
        return -1;
    }
    mrn_set_java_id(mrn_current_thread(), current_java_id);
    return java_frames && walker == NULL ? 1 : 0;
}

JNIEXPORT void JNICALL BRIDGE(disable)(JNIEnv *env, jclass bridge) {
    (void) env;
    (void) bridge;
    mrn_disable();
    if (jvmti != NULL) {
        set_event(JVMTI_EVENT_THREAD_START, JVMTI_DISABLE);
        set_event(JVMTI_EVENT_CLASS_PREPARE, JVMTI_DISABLE);
        set_event(JVMTI_EVENT_CLASS_LOAD, JVMTI_DISABLE);
    }
}

/* New stacks since the last call: [id, length, frames...]... */
JNIEXPORT jlongArray JNICALL BRIDGE(drainStacks)(JNIEnv *env, jclass bridge) {
    (void) bridge;
    static uint32_t drained;
    int was = mrn_set_quiet(1);
    longs b = {0};
    uint32_t end = mrn_stack_count();
    uint64_t frames[MRN_MAX_FRAMES];
    for (uint32_t id = drained + 1; id <= end; id++) {
        int n = mrn_stack_frames(id, frames, MRN_MAX_FRAMES);
        push(&b, id);
        push(&b, n);
        for (int i = 0; i < n; i++) {
            push(&b, (jlong) frames[i]);
        }
    }
    drained = end;
    jlongArray result = to_array(env, &b);
    mrn_set_quiet(was);
    return result;
}

static void push_thread(const mrn_thread *t, void *ctx) {
    longs *b = ctx;
    push(b, t->serial);
    push(b, t->tid);
    push(b, t->java_id);
    push(b, t->ignored);
}

/* Threads whose record changed: [serial, tid, javaId (0: unknown), ignored]... */
JNIEXPORT jlongArray JNICALL BRIDGE(drainThreads)(JNIEnv *env, jclass bridge) {
    (void) bridge;
    int was = mrn_set_quiet(1);
    longs b = {0};
    mrn_drain_threads(push_thread, &b);
    jlongArray result = to_array(env, &b);
    mrn_set_quiet(was);
    return result;
}

static void push_delta(const mrn_delta *d, void *ctx) {
    longs *b = ctx;
    push(b, d->serial);
    push(b, d->stack);
    push(b, d->alloc_bytes);
    push(b, d->alloc_count);
    push(b, d->free_bytes);
    push(b, d->free_count);
}

/*
 * [liveBytes, peakBytes, liveCount, ignoredLiveBytes, ignoredFrees], then per changed cell
 * [serial, stack, allocBytes, allocCount, freedBytes, freedCount]...
 */
JNIEXPORT jlongArray JNICALL BRIDGE(drainCells)(JNIEnv *env, jclass bridge) {
    (void) bridge;
    int was = mrn_set_quiet(1);
    longs b = {0};
    for (int i = 0; i < 5; i++) {
        push(&b, 0);
    }
    int64_t ignored_live = mrn_drain_cells(push_delta, &b);
    mrn_totals totals;
    mrn_get_totals(&totals);
    if (!b.failed) {
        b.data[0] = totals.live_bytes;
        b.data[1] = totals.peak_bytes;
        b.data[2] = totals.live_count;
        b.data[3] = ignored_live;
        b.data[4] = totals.ignored_frees;
    }
    jlongArray result = to_array(env, &b);
    mrn_set_quiet(was);
    return result;
}

JNIEXPORT void JNICALL BRIDGE(ignoreThread)(JNIEnv *env, jclass bridge, jint serial) {
    (void) env;
    (void) bridge;
    mrn_ignore_thread((uint32_t) serial);
}

/* The file of the object holding `pc` (null when none), its load address in base[0]. */
JNIEXPORT jstring JNICALL BRIDGE(module)(JNIEnv *env, jclass bridge, jlong pc, jlongArray base) {
    (void) bridge;
    Dl_info info;
    int was = mrn_set_quiet(1);
    int found = dladdr((void *) (uintptr_t) pc, &info);
    mrn_set_quiet(was);
    if (!found || info.dli_fname == NULL) {
        return NULL;
    }
    jlong load = (jlong) (uintptr_t) info.dli_fbase;
    (*env)->SetLongArrayRegion(env, base, 0, 1, &load);
    return (*env)->NewStringUTF(env, info.dli_fname);
}

typedef char *(*demangler)(const char *, char *, size_t *, int *);

static demangler find_demangler(void) {
    static int looked;
    static demangler found;
    if (!looked) {
        looked = 1;
        found = (demangler) dlsym(RTLD_DEFAULT, "__cxa_demangle");
        if (found == NULL) {
            void *library = dlopen("libstdc++.so.6", RTLD_LAZY | RTLD_LOCAL);
            if (library != NULL) {
                found = (demangler) dlsym(library, "__cxa_demangle");
            }
        }
    }
    return found;
}

/* The demangled C++ name, or null when `name` is not a mangled name or no demangler exists. */
JNIEXPORT jstring JNICALL BRIDGE(demangle)(JNIEnv *env, jclass bridge, jstring name) {
    (void) bridge;
    const char *mangled = (*env)->GetStringUTFChars(env, name, NULL);
    if (mangled == NULL) {
        return NULL;
    }
    jstring result = NULL;
    int was = mrn_set_quiet(1);
    demangler demangle = find_demangler();
    if (demangle != NULL) {
        int status = -1;
        char *plain = demangle(mangled, NULL, NULL, &status);
        if (status == 0 && plain != NULL) {
            result = (*env)->NewStringUTF(env, plain);
        }
        free(plain);
    }
    mrn_set_quiet(was);
    (*env)->ReleaseStringUTFChars(env, name, mangled);
    return result;
}

/* {class signature, method name, source file or null} of a method id, or null if it is gone. */
JNIEXPORT jobjectArray JNICALL BRIDGE(method)(JNIEnv *env, jclass bridge, jlong id) {
    (void) bridge;
    if (jvmti == NULL) {
        return NULL;
    }
    jmethodID method = (jmethodID) (uintptr_t) id;
    char *name = NULL;
    char *class_signature = NULL;
    char *source = NULL;
    jclass holder = NULL;
    jobjectArray result = NULL;
    if ((*jvmti)->GetMethodName(jvmti, method, &name, NULL, NULL) == JVMTI_ERROR_NONE
        && (*jvmti)->GetMethodDeclaringClass(jvmti, method, &holder) == JVMTI_ERROR_NONE
        && (*jvmti)->GetClassSignature(jvmti, holder, &class_signature, NULL) == JVMTI_ERROR_NONE) {
        if (source_files) {
            (*jvmti)->GetSourceFileName(jvmti, holder, &source);
        }
        jclass string_class = (*env)->FindClass(env, "java/lang/String");
        result = (*env)->NewObjectArray(env, 3, string_class, NULL);
        if (result != NULL) {
            (*env)->SetObjectArrayElement(env, result, 0, (*env)->NewStringUTF(env, class_signature));
            (*env)->SetObjectArrayElement(env, result, 1, (*env)->NewStringUTF(env, name));
            if (source != NULL) {
                (*env)->SetObjectArrayElement(env, result, 2, (*env)->NewStringUTF(env, source));
            }
        }
    }
    (*jvmti)->Deallocate(jvmti, (unsigned char *) name);
    (*jvmti)->Deallocate(jvmti, (unsigned char *) class_signature);
    (*jvmti)->Deallocate(jvmti, (unsigned char *) source);
    if (holder != NULL) {
        (*env)->DeleteLocalRef(env, holder);
    }
    return result;
}
