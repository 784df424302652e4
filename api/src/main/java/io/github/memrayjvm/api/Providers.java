package io.github.memrayjvm.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The providers of one SPI, by name, with their API versions checked.
 *
 * <p>Built once from a {@link ProviderLoader}; immutable afterwards and safe to share.
 *
 * @param <P> the provider type
 */
public final class Providers<P extends NamedProvider> {

    private final String kind;
    private final Map<String, P> byName;
    private final List<String> problems;

    private Providers(String kind, Map<String, P> byName, List<String> problems) {
        this.kind = kind;
        this.byName = byName;
        this.problems = problems;
    }

    /**
     * Loads the providers of {@code type}.
     *
     * @param kind what users call this kind of provider, e.g. {@code "tracker"}
     */
    public static <P extends NamedProvider> Providers<P> load(
            Class<P> type, String kind, ProviderLoader loader) {
        List<String> problems = new ArrayList<>();
        Map<String, P> byName = new LinkedHashMap<>();
        for (P provider : loader.load(type, problems)) {
            String name = provider.name();
            if (byName.containsKey(name)) {
                problems.add(kind + " '" + name + "' is provided twice ("
                        + byName.get(name).getClass().getName() + " and "
                        + provider.getClass().getName() + "); using the first");
                continue;
            }
            byName.put(name, provider);
        }
        return new Providers<>(kind, byName, List.copyOf(problems));
    }

    /** The providers found, by name, in discovery order. */
    public Map<String, P> all() {
        return byName;
    }

    /** Problems met while loading (broken or duplicate providers), one line each. */
    public List<String> problems() {
        return problems;
    }

    /** The provider named {@code name}, if there is one (its version is not checked). */
    public Optional<P> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The provider named {@code name}, built for this API version.
     *
     * @throws MemrayException if there is none (the message lists the names found), or if it was
     *                         built for another API version (the message names both)
     */
    public P require(String name) {
        P provider = byName.get(name);
        if (provider == null) {
            StringBuilder message = new StringBuilder("unknown ").append(kind).append(" '")
                    .append(name).append("'; available: ").append(names());
            for (String problem : problems) {
                message.append("\n  (could not load a ").append(kind).append(": ")
                        .append(problem).append(')');
            }
            throw new MemrayException(message.toString());
        }
        checkVersion(kind, provider);
        return provider;
    }

    /** The names found, comma-separated, or {@code "none"}. */
    public String names() {
        return byName.isEmpty() ? "none" : String.join(", ", byName.keySet());
    }

    /**
     * Refuses a provider built for another API version.
     *
     * @throws MemrayException naming the provider, its version and this API's version
     */
    public static void checkVersion(String kind, NamedProvider provider) {
        if (provider.apiVersion() != ApiVersion.CURRENT) {
            throw new MemrayException(kind + " '" + provider.name() + "' ("
                    + provider.getClass().getName() + ") was built for memray API version "
                    + provider.apiVersion() + ", but this memray has API version "
                    + ApiVersion.CURRENT + "; use a build of it for version "
                    + ApiVersion.CURRENT);
        }
    }

    /** One line per provider, {@code name - description}, for help texts. */
    public String describe() {
        return byName.values().stream()
                .map(p -> "  " + p.name() + " - " + p.description())
                .collect(Collectors.joining("\n"));
    }
}
