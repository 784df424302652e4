package io.github.memrayjvm.api.wire.fuzz;

import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * How many inputs a fuzzing test runs and from which seed: fixed by default so that a failure
 * reproduces, changed with the system properties {@code memray.fuzz.seed} (a number, decimal or
 * {@code 0x} hex), {@code memray.fuzz.inputs} (how many) and {@code memray.fuzz.from} (the
 * first input's number, to rerun one input alone), e.g.
 * {@code mvn verify -pl api -Dtest=WireCodecFuzzTest -Dmemray.fuzz.seed=7 -Dmemray.fuzz.inputs=5000000}.
 * Every input has a random generator of its own, derived from the seed and its number, so input
 * {@code n} is the same whatever ran before it.
 *
 * @param seed   the run's seed
 * @param from   the first input's number
 * @param inputs how many inputs to run
 */
public record FuzzSettings(long seed, long from, long inputs) {

    /** The seed used unless {@code memray.fuzz.seed} says otherwise. */
    public static final long DEFAULT_SEED = 0x6d656d7261794aL;

    /** The settings from the system properties, with {@code defaultInputs} inputs by default. */
    public static FuzzSettings fromSystemProperties(long defaultInputs) {
        return new FuzzSettings(number("memray.fuzz.seed", DEFAULT_SEED),
                number("memray.fuzz.from", 0), number("memray.fuzz.inputs", defaultInputs));
    }

    /** The random generator of input number {@code index}. */
    public SplittableRandom randomFor(long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    /** The end of the input numbers (exclusive). */
    public long end() {
        return from + inputs;
    }

    /** Says which input failed, with its bytes and the properties that run it again alone. */
    public String describe(long index, byte[] input) {
        String hex = HexFormat.of().formatHex(input, 0, Math.min(input.length, 512));
        return "input #" + index + " of seed 0x" + Long.toHexString(seed) + " (" + input.length
                + " bytes: " + hex + (input.length > 512 ? "..." : "") + "); rerun it with"
                + " -Dmemray.fuzz.seed=0x" + Long.toHexString(seed) + " -Dmemray.fuzz.from="
                + index + " -Dmemray.fuzz.inputs=1";
    }

    private static long number(String property, long otherwise) {
        String value = System.getProperty(property, "").trim().replace("_", "");
        if (value.isEmpty()) {
            return otherwise;
        }
        return value.startsWith("0x") ? Long.parseUnsignedLong(value.substring(2), 16)
                : Long.parseLong(value);
    }
}
