package io.github.memrayjvm.api.aggregate;

import java.util.Comparator;

/** How table rows are ordered: descending by one figure, then by location name. */
public enum SortOrder {
    /** By {@link LocationRow#total()}. */
    TOTAL(Comparator.comparingLong(LocationRow::total)),
    /** By {@link LocationRow#own()}. */
    OWN(Comparator.comparingLong(LocationRow::own)),
    /** By {@link LocationRow#allocations()}. */
    ALLOCATIONS(Comparator.comparingLong(LocationRow::allocations));

    private final Comparator<LocationRow> comparator;

    SortOrder(Comparator<LocationRow> byFigure) {
        this.comparator = byFigure.reversed()
                .thenComparing(row -> row.location().function())
                .thenComparingInt(LocationRow::locationId);
    }

    /** The ordering, largest first. */
    public Comparator<LocationRow> comparator() {
        return comparator;
    }
}
