package io.github.memrayjvm.bench.workload;

/** Hello world: the start-up and exit benchmark's program. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello, world");
    }
}
