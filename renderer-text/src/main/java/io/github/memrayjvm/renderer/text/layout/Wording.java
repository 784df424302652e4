package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.model.TrackerDescriptor;

/** The words the screen uses for gauges and the meaning of figures. */
final class Wording {

    private static final String NATIVE_GAUGE = "native";

    private Wording() {
    }

    /** A gauge's short name in the header: {@code Heap}, {@code Native}, or its own name. */
    static String gaugeLabel(String gauge) {
        if (SessionInfo.HEAP_GAUGE.equals(gauge)) {
            return "Heap";
        }
        if (NATIVE_GAUGE.equals(gauge)) {
            return "Native";
        }
        return gauge;
    }

    /** A gauge's plot title. */
    static String gaugeTitle(String gauge) {
        if (SessionInfo.HEAP_GAUGE.equals(gauge)) {
            return "Heap size";
        }
        if (NATIVE_GAUGE.equals(gauge)) {
            return "Native memory";
        }
        return gauge;
    }

    /** What a table's figures mean, e.g. {@code allocated since start (estimate)}. */
    static String meaning(TrackerDescriptor tracker, Figures figures) {
        String meaning = figures == Figures.LIVE ? "live (not freed yet)" : "allocated since start";
        return tracker.estimate() ? meaning + " (estimate)" : meaning;
    }

    /** The footer's word for switching to {@code figures}. */
    static String figuresKeyLabel(Figures figures) {
        return figures == Figures.LIVE ? "Live" : "Allocated";
    }
}
