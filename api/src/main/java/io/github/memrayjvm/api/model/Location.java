package io.github.memrayjvm.api.model;

import java.util.Objects;

/**
 * One row of the table: a function or method, where it lives, and what kind of code it is.
 *
 * @param function the function, e.g. {@code com.example.Cache.put} or {@code deflateInit2_};
 *                 never {@code null}
 * @param file     the source file or library, e.g. {@code Cache.java} or {@code libz.so.1};
 *                 never {@code null}, empty when unknown
 * @param domain   what kind of code it is; never {@code null}
 */
public record Location(String function, String file, Domain domain) {

    public Location {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(domain, "domain");
    }

    // equals and hashCode written out: the generated ones bootstrap method handles on first use,
    // work the tracked program's cores would do while it runs (this is a hash key in the agent)
    @Override
    public boolean equals(Object o) {
        return o instanceof Location other && function.equals(other.function)
                && file.equals(other.file) && domain == other.domain;
    }

    @Override
    public int hashCode() {
        return (function.hashCode() * 31 + file.hashCode()) * 31 + domain.hashCode();
    }

    /** A Java method, named {@code className.methodName}, in {@code file}. */
    public static Location java(String className, String methodName, String file) {
        return new Location(className + "." + methodName, file, Domain.JAVA);
    }
}
