package io.github.memrayjvm.tracker.jfr;

import io.github.memrayjvm.api.tracker.Availability;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import java.util.ServiceLoader;

/**
 * Finds the {@code jfr} tracker with {@link ServiceLoader}, as the agent does, and prints
 * {@code AVAILABLE true|false} and {@code REASON ...}.
 */
public final class AvailabilityMain {

    private AvailabilityMain() {
    }

    public static void main(String[] args) {
        for (TrackerProvider provider : ServiceLoader.load(TrackerProvider.class)) {
            if (provider.name().equals("jfr")) {
                Availability availability = provider.availability();
                System.out.println("AVAILABLE " + availability.available());
                System.out.println("REASON " + availability.reason());
                return;
            }
        }
        System.out.println("NOT FOUND");
    }
}
