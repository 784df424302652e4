package io.github.memrayjvm.bench;

/**
 * How many rounds of a workload take about a given time, untracked, on this machine: a short
 * probe, then runs at the rounds the last one suggests until one lands within 15% of the time (at
 * most four). The time is not proportional to the rounds: a short run is mostly JIT warm-up.
 */
final class Calibration {

    /** Times a run of the workload, in milliseconds of its own work. */
    interface Timed {
        double millis(long rounds) throws Exception;
    }

    private Calibration() {
    }

    static long rounds(double seconds, long probe, long min, Timed workload) throws Exception {
        long rounds = probe;
        double target = seconds * 1000;
        for (int pass = 0; pass < 5; pass++) {
            double ms = workload.millis(rounds);
            if (pass > 0 && Math.abs(ms - target) <= 0.15 * target) {
                break;
            }
            rounds = Math.max(min, (long) (rounds * target / Math.max(1, ms)));
        }
        return rounds;
    }
}
