package io.github.memrayjvm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of the results table.
 *
 * @param row    the benchmark's number (1 to 6)
 * @param what   what was measured, e.g. {@code "java-heap overhead: wall ratio"}
 * @param mode   the tool or mode, e.g. {@code "memray jvmti (default)"}
 * @param figure the figure with its spread, e.g. {@code "1.03 (0.99-1.08)"}
 * @param goal   the goal it is held against, or empty
 */
public record Row(int row, String what, String mode, String figure, String goal) {

    /**
     * The rows of an overhead benchmark: the untracked time, then each other mode's ratio to
     * it, held against {@code goal} for memray's modes and marked "peer" for the others.
     *
     * @param stats each mode's times, {@code "untracked"} among them
     */
    static List<Row> overheads(int row, String untrackedWhat, String ratioWhat,
                               Map<String, Stats> stats, String goal) {
        Stats untracked = stats.get("untracked");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(row, untrackedWhat, "untracked", untracked.format(0), ""));
        stats.forEach((mode, s) -> {
            if (!mode.equals("untracked")) {
                rows.add(new Row(row, ratioWhat, mode, s.over(untracked).format(2),
                        mode.startsWith("memray") ? goal : "peer"));
            }
        });
        return rows;
    }
}
