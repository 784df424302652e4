package io.github.memrayjvm.tracker.jvmti;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Allocates from a class that {@link ClassUnloadingTest} loads again and again in throw-away
 * class loaders, so that the methods of sampled stacks belong to classes that unload soon after.
 */
public class UnloadableAllocator implements Runnable {

    static volatile Object sink;

    @Override
    public void run() {
        List<Object> objects = new ArrayList<>();
        IntFunction<Object> make = n -> new byte[n];
        for (int i = 0; i < 64; i++) {
            objects.add(allocate(256 + i));
            objects.add(make.apply(128));
        }
        sink = objects;
    }

    private static Object allocate(int size) {
        return new long[size];
    }
}
