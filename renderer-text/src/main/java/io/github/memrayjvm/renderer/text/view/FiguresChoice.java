package io.github.memrayjvm.renderer.text.view;

import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.model.TrackerDescriptor;
import java.util.EnumSet;
import java.util.Set;

/** Which meanings a tracker's table can be shown in. */
public final class FiguresChoice {

    private FiguresChoice() {
    }

    /** Its own meaning, and the other one too when it reports frees. */
    public static Set<Figures> available(TrackerDescriptor tracker) {
        return tracker.reportsFrees() ? EnumSet.allOf(Figures.class) : EnumSet.of(tracker.figures());
    }

    /** {@code true} when the user can switch between allocated and live figures. */
    public static boolean switchable(TrackerDescriptor tracker) {
        return tracker.reportsFrees();
    }

    /** The other meaning. */
    public static Figures other(Figures figures) {
        return figures == Figures.ALLOCATED ? Figures.LIVE : Figures.ALLOCATED;
    }
}
