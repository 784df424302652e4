package io.github.memrayjvm.api;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the providers of one SPI. The default implementation uses {@link ServiceLoader}; tests
 * supply their own lists.
 */
@FunctionalInterface
public interface ProviderLoader {

    /**
     * Loads every provider of {@code type}. A provider that cannot be instantiated is reported to
     * {@code broken} (one line saying which and why) and skipped; it never stops the others.
     *
     * @return the providers found, in discovery order; never {@code null}
     */
    <P> List<P> load(Class<P> type, List<String> broken);

    /** A loader that uses {@link ServiceLoader} on the given class loader. */
    static ProviderLoader serviceLoader(ClassLoader classLoader) {
        return new ProviderLoader() {
            @Override
            public <P> List<P> load(Class<P> type, List<String> broken) {
                List<P> found = new ArrayList<>();
                var iterator = ServiceLoader.load(type, classLoader).iterator();
                while (true) {
                    try {
                        if (!iterator.hasNext()) {
                            return found;
                        }
                        found.add(iterator.next());
                    } catch (ServiceConfigurationError | LinkageError e) {
                        broken.add(e.getMessage());
                    }
                }
            }
        };
    }
}
