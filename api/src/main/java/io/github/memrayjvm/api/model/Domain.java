package io.github.memrayjvm.api.model;

/** What kind of code a location is. */
public enum Domain {
    /** A Java (or other JVM language) method. */
    JAVA("java"),
    /** A native function (C, C++, the JVM itself), symbolized from a shared library. */
    NATIVE("native"),
    /** Anything else a tracker reports (a pool, a category). */
    OTHER("other");

    private final String label;

    Domain(String label) {
        this.label = label;
    }

    /** The lower-case name used in JSON and on screen. */
    public String label() {
        return label;
    }
}
