package io.github.memrayjvm.api.model;

/** Which memory a tracker accounts for; figures of different memories are never summed. */
public enum Memory {
    /** Objects on the Java heap. */
    JAVA_HEAP("java-heap"),
    /** Memory from the C allocator (malloc and friends) and anonymous mappings. */
    NATIVE("native"),
    /** Anything else (a buffer pool, a cache, a third party's own accounting). */
    OTHER("other");

    private final String label;

    Memory(String label) {
        this.label = label;
    }

    /** The lower-case name used in JSON and on screen. */
    public String label() {
        return label;
    }
}
