package io.github.memrayjvm.examples.bufferpools.it;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Holds 16 MiB of direct buffers for a moment, then says so and ends. */
public final class DirectBufferProgram {

    private DirectBufferProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            buffers.add(ByteBuffer.allocateDirect(1 << 20));
        }
        Thread.sleep(1000);
        System.out.println("holding " + buffers.size() + " direct buffers");
    }
}
