package io.github.memrayjvm.examples.bufferpools;

import java.lang.management.BufferPoolMXBean;
import javax.management.ObjectName;

/** A buffer pool whose figures the test sets. */
final class FakePool implements BufferPoolMXBean {

    private final String name;
    volatile long used;
    volatile long count;

    FakePool(String name, long used, long count) {
        this.name = name;
        this.used = used;
        this.count = count;
    }

    void set(long used, long count) {
        this.used = used;
        this.count = count;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public long getCount() {
        return count;
    }

    @Override
    public long getTotalCapacity() {
        return used;
    }

    @Override
    public long getMemoryUsed() {
        return used;
    }

    @Override
    public ObjectName getObjectName() {
        return null;
    }
}
