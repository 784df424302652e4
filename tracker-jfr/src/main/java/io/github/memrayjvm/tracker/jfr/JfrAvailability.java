package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.tracker.Availability;

/**
 * Whether JFR event streaming can run in this JVM. Checks that the {@code jdk.jfr} module is
 * there before touching any of its classes, then asks JFR ({@code FlightRecorder.isAvailable()},
 * false e.g. with {@code -XX:-FlightRecorder}). Starts nothing.
 */
final class JfrAvailability {

    private JfrAvailability() {
    }

    static Availability check() {
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
            return Availability.no("this Java runtime has no jdk.jfr module (use a full JDK, or "
                    + "add jdk.jfr to the runtime image or to --add-modules)");
        }
        try {
            return JfrProbe.isAvailable() ? Availability.yes()
                    : Availability.no("JFR is not available in this JVM (is it disabled with "
                    + "-XX:-FlightRecorder?)");
        } catch (LinkageError | RuntimeException e) {
            return Availability.no("JFR cannot be used in this JVM: " + e);
        }
    }

    /** Holds the only reference to {@code jdk.jfr}, loaded once the module is known to exist. */
    private static final class JfrProbe {
        static boolean isAvailable() {
            return jdk.jfr.FlightRecorder.isAvailable();
        }
    }
}
