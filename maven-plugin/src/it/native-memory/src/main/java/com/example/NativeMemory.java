package com.example;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Holds 32 MiB of direct buffers (malloc'ed by the JVM) allocated in allocate(). */
public class NativeMemory {

    static final List<ByteBuffer> HELD = new ArrayList<>();

    public static void main(String[] args) throws InterruptedException {
        for (int round = 0; round < 8; round++) {
            allocate();
            Thread.sleep(200);
        }
        System.out.println("holding " + HELD.size() + " direct buffers");
    }

    static void allocate() {
        for (int i = 0; i < 4; i++) {
            HELD.add(ByteBuffer.allocateDirect(1024 * 1024));
        }
    }
}
