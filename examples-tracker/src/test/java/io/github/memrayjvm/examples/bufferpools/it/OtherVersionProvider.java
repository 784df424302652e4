package io.github.memrayjvm.examples.bufferpools.it;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.tracker.Availability;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.tracker.TrackerProvider;

/** A tracker provider that claims to be built for the next API version. */
public final class OtherVersionProvider implements TrackerProvider {

    @Override
    public String name() {
        return "other-version";
    }

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT + 1;
    }

    @Override
    public String description() {
        return "built for another API version";
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Tracker create(TrackerContext context) {
        throw new AssertionError("a provider of another API version must never be created");
    }
}
