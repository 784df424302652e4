package io.github.memrayjvm.examples.workloads;

/**
 * Three allocation sites of very different sizes, each its own method so that it is its own row
 * in the table. What they allocate escapes into {@link #KEEP} so the JIT cannot remove it.
 */
public final class Sites {

    /** Elements of the large array: too large for a TLAB, allocated outside. */
    public static final int LARGE_ELEMENTS = 512 * 1024;
    /** Elements of the mid-size array. */
    public static final int MID_ELEMENTS = 4096;
    /** Elements of the tiny array: a 32-byte object. */
    public static final int TINY_ELEMENTS = 16;

    /** Function names as the table shows them. */
    public static final String LARGE = Sites.class.getName() + ".large";
    public static final String MID = Sites.class.getName() + ".mid";
    public static final String TINY = Sites.class.getName() + ".tiny";

    private static final Object[] KEEP = new Object[256];
    private static int next;

    private Sites() {
    }

    public static Object large() {
        return keep(new byte[LARGE_ELEMENTS]);
    }

    public static Object mid() {
        return keep(new byte[MID_ELEMENTS]);
    }

    public static Object tiny() {
        return keep(new byte[TINY_ELEMENTS]);
    }

    private static Object keep(Object o) {
        KEEP[next++ & 255] = o;
        return o;
    }

    /** The heap size of a {@code byte[elements]}: a 16-byte header, rounded up to 8 bytes. */
    public static long byteArraySize(int elements) {
        return (16L + elements + 7) & ~7L;
    }
}
