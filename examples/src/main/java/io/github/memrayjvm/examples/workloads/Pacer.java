package io.github.memrayjvm.examples.workloads;

import java.util.concurrent.locks.LockSupport;

/** Keeps a thread's allocation rate at a target, so shares do not depend on CPU speed. */
final class Pacer {

    private final double bytesPerNano;
    private final long start = System.nanoTime();

    Pacer(long bytesPerSecond) {
        this.bytesPerNano = bytesPerSecond / 1e9;
    }

    /** Waits until {@code allocatedSoFar} bytes are within the budget of the time elapsed. */
    void pace(long allocatedSoFar) {
        while (allocatedSoFar > (System.nanoTime() - start) * bytesPerNano) {
            LockSupport.parkNanos(200_000);
        }
    }

    long elapsedNanos() {
        return System.nanoTime() - start;
    }
}
