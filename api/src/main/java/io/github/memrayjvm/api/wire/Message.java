package io.github.memrayjvm.api.wire;

/**
 * A message of the live protocol. A viewer greets ({@link Greeting}); the tracked side answers
 * ({@link Hello} or {@link Refused}); then it sends, a few times a second, a snapshot made of
 * any {@link Definitions} and {@link Counters} messages followed by one {@link Sample} that ends
 * it; and finally {@link End} when the program exits.
 *
 * <p>See {@link WireCodec} for the bytes.
 */
public sealed interface Message permits Greeting, Hello, Refused, Definitions, Counters, Sample, End {
}
