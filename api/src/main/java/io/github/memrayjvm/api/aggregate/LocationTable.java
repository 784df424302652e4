package io.github.memrayjvm.api.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of every location with something attributed, for one tracker, one meaning and one
 * thread selection.
 *
 * @param rows        the rows, in no promised order (see {@link #sorted})
 * @param bytes       all bytes the table accounts for (the sum of every row's own bytes): the
 *                    100% of its percentages
 * @param allocations all allocations the table accounts for
 */
public record LocationTable(List<LocationRow> rows, long bytes, long allocations) {

    public LocationTable {
        rows = List.copyOf(rows);
    }

    /** The rows ordered by {@code order}, largest first. */
    public List<LocationRow> sorted(SortOrder order) {
        List<LocationRow> copy = new ArrayList<>(rows);
        copy.sort(order.comparator());
        return copy;
    }

    /** {@code part} as a percentage of {@link #bytes()}, 0 when the table is empty. */
    public double percentOfBytes(long part) {
        return bytes == 0 ? 0 : 100.0 * part / bytes;
    }
}
