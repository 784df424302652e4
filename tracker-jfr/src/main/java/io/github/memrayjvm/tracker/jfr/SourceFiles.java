package io.github.memrayjvm.tracker.jfr;

/**
 * Derives a Java source file name from a class name. JFR stack traces carry no source file
 * names, so the name shown is a guess from the class name: the top-level class's simple name
 * plus {@code .java} ({@code Foo.java} for {@code pkg.Foo$Inner}, and for a lambda class, which
 * JFR names like {@code pkg.Foo$$Lambda$14+0x0000000800c03000.1344199921}). It is wrong for
 * classes whose source file is named otherwise (Kotlin's {@code FooKt}, several top-level
 * classes in one file, other JVM languages).
 */
final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * The derived source file name of {@code className} (a binary name with dots), or empty when
     * the name is empty.
     */
    static String derivedFrom(String className) {
        int end = className.length();
        for (int i = 0; i < className.length(); i++) {
            char c = className.charAt(i);
            if (c == '$' || c == '+' || c == '/') {
                end = i;
                break;
            }
        }
        int start = className.lastIndexOf('.', end - 1) + 1;
        return end <= start ? "" : className.substring(start, end) + ".java";
    }
}
