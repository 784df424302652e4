package com.example;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Holds 24 MiB of direct buffers and allocates some heap arrays, for about a second. */
public class Buffers {

    public static void main(String[] args) throws InterruptedException {
        List<ByteBuffer> direct = new ArrayList<>();
        List<byte[]> heap = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < 3; i++) {
                direct.add(ByteBuffer.allocateDirect(1024 * 1024));
            }
            heap.add(new byte[1024 * 1024]);
            Thread.sleep(150);
        }
        System.out.println("holding " + direct.size() + " direct buffers");
    }
}
