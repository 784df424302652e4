package io.github.memrayjvm.renderer.text.view;

import io.github.memrayjvm.api.aggregate.Aggregation;
import io.github.memrayjvm.api.aggregate.LocationTable;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.session.SessionState;
import java.util.List;
import java.util.OptionalLong;

/** Tables computed from the session as it is now. Read on the thread that owns the state. */
public final class LiveTables implements TableSource {

    private final SessionState state;

    public LiveTables(SessionState state) {
        this.state = state;
    }

    @Override
    public LocationTable table(int tracker, Figures figures, OptionalLong thread) {
        return Aggregation.table(state, tracker, figures, thread);
    }

    @Override
    public List<Long> threads(int tracker) {
        return ThreadOrder.threadsOf(state, tracker);
    }
}
