package io.github.memrayjvm.renderer.text.view;

import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where the table's figures come from: the session as it is now ({@link LiveTables}) or as it
 * was when the user paused table updates ({@link PausedTables}).
 */
public interface TableSource {

    /**
     * The table of one tracker.
     *
     * @param thread one thread's id, or empty for all threads merged
     */
    LocationTable table(int tracker, Figures figures, OptionalLong thread);

    /** The ids of the threads that have figures for {@code tracker}, in the order first seen. */
    List<Long> threads(int tracker);
}
