package io.github.memrayjvm.api;

/**
 * The version of the service-provider interfaces in this artifact.
 *
 * <p>Every provider reports the version it was compiled against by returning {@link #CURRENT}
 * from {@link NamedProvider#apiVersion()}: the constant is inlined by the compiler, so the value
 * a provider returns at run time is the one of the API it was built with. The host refuses a
 * provider whose version differs from its own, with a message naming both.
 *
 * <p>The version changes only when an SPI changes incompatibly.
 */
public final class ApiVersion {

    /** The API version of this artifact. */
    public static final int CURRENT = 1;

    private ApiVersion() {
    }
}
