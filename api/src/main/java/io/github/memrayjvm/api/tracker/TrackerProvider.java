package io.github.memrayjvm.api.tracker;

import io.github.memrayjvm.api.NamedProvider;

/**
 * Service-provider interface of a tracker: something inside the tracked JVM that sees memory
 * being allocated (and maybe freed) and reports it to memray.
 *
 * <p>Register an implementation in {@code META-INF/services/io.github.memrayjvm.api.tracker.TrackerProvider}.
 * It is selected by {@link #name()} ({@code --tracker NAME}); with no selection, memray runs the
 * available provider of the highest {@link #defaultPriority()}.
 *
 * <p>Threading: methods are called from one memray thread during start-up. Lifecycle: the host
 * calls {@link #availability()}, then at most once {@link #create(TrackerContext)}.
 */
public interface TrackerProvider extends NamedProvider {

    /**
     * Whether this tracker can run in this JVM (platform, JVM version, native library). Must be
     * quick and must not start anything. Never {@code null}.
     */
    Availability availability();

    /**
     * Creates the tracker. It must not report anything before {@link Tracker#start()}.
     *
     * @param context options, the sink to report to, threads; never {@code null}
     * @return a new tracker; never {@code null}
     * @throws io.github.memrayjvm.api.MemrayException for a bad option (the message is shown to
     *                                                 the user)
     */
    Tracker create(TrackerContext context);

    /**
     * How strongly this tracker wants to be chosen when the user names none: the available
     * provider with the highest positive value runs; 0 (the default) means "only when named".
     */
    default int defaultPriority() {
        return 0;
    }
}
