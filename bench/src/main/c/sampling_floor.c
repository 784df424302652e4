/*
 * The floor of row 1: what the JVM's heap sampling costs before any profiler does anything.
 * Loaded with -agentpath:libsamplingfloor.so=MODE, it turns on SampledObjectAlloc at the default
 * interval (512 KiB), as memray's jvmti tracker and async-profiler's alloc mode do, and in each
 * sample's callback does only:
 *   MODE 0: nothing;
 *   MODE 1: JVMTI GetStackTrace of the allocating thread (64 frames), the stack every tracker
 *           of this kind must take, and nothing with it.
 * A tracker cannot cost less than mode 1 without a cheaper stack walk than the JVM offers there.
 */
#include <jvmti.h>
#include <stdlib.h>
#include <string.h>

#define FLOOR_INTERVAL (512 * 1024)
#define FLOOR_DEPTH 64

static int mode;

static void JNICALL on_sample(jvmtiEnv *env, JNIEnv *jni, jthread thread, jobject object,
                              jclass klass, jlong size) {
    (void) jni;
    (void) thread;
    (void) object;
    (void) klass;
    (void) size;
    if (mode >= 1) {
        jvmtiFrameInfo frames[FLOOR_DEPTH];
        jint count = 0;
        (*env)->GetStackTrace(env, NULL, 0, FLOOR_DEPTH, frames, &count);
    }
}

JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved) {
    (void) reserved;
    jvmtiEnv *env = NULL;
    if ((*vm)->GetEnv(vm, (void **) &env, JVMTI_VERSION_11) != JNI_OK) {
        return JNI_ERR;
    }
    mode = options != NULL ? atoi(options) : 0;
    jvmtiCapabilities capabilities;
    memset(&capabilities, 0, sizeof(capabilities));
    capabilities.can_generate_sampled_object_alloc_events = 1;
    jvmtiEventCallbacks callbacks;
    memset(&callbacks, 0, sizeof(callbacks));
    callbacks.SampledObjectAlloc = on_sample;
    if ((*env)->AddCapabilities(env, &capabilities) != JVMTI_ERROR_NONE
        || (*env)->SetEventCallbacks(env, &callbacks, sizeof(callbacks)) != JVMTI_ERROR_NONE
        || (*env)->SetHeapSamplingInterval(env, FLOOR_INTERVAL) != JVMTI_ERROR_NONE
        || (*env)->SetEventNotificationMode(env, JVMTI_ENABLE,
                                            JVMTI_EVENT_SAMPLED_OBJECT_ALLOC, NULL)
               != JVMTI_ERROR_NONE) {
        return JNI_ERR;
    }
    return JNI_OK;
}
