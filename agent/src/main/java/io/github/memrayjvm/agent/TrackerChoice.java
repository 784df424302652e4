package io.github.memrayjvm.agent;

import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.Providers;
import io.github.memrayjvm.api.tracker.Availability;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which trackers run, from what the user asked and what can run here. Pure apart from
 * asking providers for their availability.
 *
 * @param chosen   the providers to run, in order
 * @param warnings lines for the user about trackers left out
 */
record TrackerChoice(List<TrackerProvider> chosen, List<String> warnings) {

    /**
     * @param providers every provider found
     * @param requested tracker names the user gave (empty: the default Java-heap tracker)
     * @param addNative {@code true} to add the {@code native} tracker ({@code --native})
     * @param strict    {@code true} to refuse to run when a requested tracker cannot run,
     *                  instead of going on without it
     * @throws MemrayException for an unknown name, a provider of another API version, a
     *                         tracker that cannot run in strict mode, or when none can run
     */
    static TrackerChoice of(Providers<TrackerProvider> providers, List<String> requested,
                            boolean addNative, boolean strict) {
        Set<String> names = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        if (requested.isEmpty()) {
            names.add(defaultJavaHeapTracker(providers, warnings).name());
        } else {
            names.addAll(requested);
        }
        if (addNative) {
            names.add("native");
        }
        List<TrackerProvider> chosen = new ArrayList<>();
        for (String name : names) {
            TrackerProvider provider = providers.require(name);
            Availability availability = provider.availability();
            if (availability.available()) {
                chosen.add(provider);
            } else if (strict) {
                throw new MemrayException("tracker '" + name + "' cannot run here: "
                        + availability.reason());
            } else {
                warnings.add("tracker '" + name + "' cannot run here (" + availability.reason()
                        + "); going on without it");
            }
        }
        if (chosen.isEmpty()) {
            throw new MemrayException("none of the trackers asked for can run here");
        }
        return new TrackerChoice(List.copyOf(chosen), List.copyOf(warnings));
    }

    private static TrackerProvider defaultJavaHeapTracker(Providers<TrackerProvider> providers,
                                                          List<String> warnings) {
        List<TrackerProvider> candidates = providers.all().values().stream()
                .filter(p -> p.defaultPriority() > 0)
                .sorted(Comparator.comparingInt(TrackerProvider::defaultPriority).reversed())
                .toList();
        StringBuilder why = new StringBuilder();
        for (TrackerProvider candidate : candidates) {
            Availability availability = candidate.availability();
            if (availability.available()) {
                if (why.length() > 0) {
                    warnings.add("using tracker '" + candidate.name() + "'" + why);
                }
                return candidate;
            }
            why.append("; '").append(candidate.name()).append("' cannot run here: ")
                    .append(availability.reason());
        }
        throw new MemrayException("no Java-heap tracker can run here" + why
                + " (trackers found: " + providers.names() + ")");
    }
}
