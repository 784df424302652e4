package io.github.memrayjvm.api;

/**
 * What every service provider of memray has in common: a name users select it by, the API
 * version it was built for, and a one-line description shown when listing providers.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} and must have a public no-argument
 * constructor. Constructing a provider must be cheap and free of side effects: the host may
 * construct providers it does not use (to list them). Methods of this interface may be called
 * from any thread and must return the same values every time.
 */
public interface NamedProvider {

    /**
     * The name users select this provider by, e.g. {@code "jfr"}, {@code "tcp"}, {@code "json"}:
     * lower case, no spaces, never {@code null}; unique among providers of the same kind.
     */
    String name();

    /**
     * The API version this provider was compiled against. Implementations return
     * {@link ApiVersion#CURRENT} (a compile-time constant), nothing else.
     */
    int apiVersion();

    /** One line saying what this provider does, for listings; never {@code null}. */
    String description();
}
