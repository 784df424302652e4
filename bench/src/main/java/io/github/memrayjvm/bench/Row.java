package io.github.memrayjvm.bench;

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
}
