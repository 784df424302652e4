package io.github.memrayjvm.tracker.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JfrTrackerProviderTest {

    @Test
    void isFoundByServiceLoaderAsTheFallbackJavaHeapTracker() {
        List<TrackerProvider> found = ServiceLoader.load(TrackerProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("jfr"))
                .collect(Collectors.toList());

        assertThat(found).singleElement().isInstanceOf(JfrTrackerProvider.class);
        TrackerProvider provider = found.get(0);
        assertThat(provider.apiVersion()).isEqualTo(ApiVersion.CURRENT);
        assertThat(provider.defaultPriority()).isEqualTo(50);
        assertThat(provider.description()).contains("JFR");
    }

    @Test
    void isAvailableInThisJvm() {
        assertThat(new JfrTrackerProvider().availability().available()).isTrue();
    }

    @Test
    void refusesABadOptionWhenCreatingTheTracker() {
        assertThatThrownBy(() -> new JfrTrackerProvider()
                .create(new RecorderContext(Map.of("jfr-sample-rate", "lots"))))
                .isInstanceOf(MemrayException.class).hasMessageContaining("jfr-sample-rate");
    }

    @Test
    void closingWithoutStartOrTwiceIsHarmless() throws Exception {
        new JfrTrackerProvider().create(new RecorderContext(Map.of())).close();

        Tracker tracker = new JfrTrackerProvider().create(new RecorderContext(Map.of()));
        tracker.start();
        tracker.close();
        tracker.close();
        assertThatThrownBy(tracker::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isUnavailableWithAClearReasonWhenJfrIsSwitchedOff() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.currentJava(),
                List.of("-XX:-FlightRecorder"), AvailabilityMain.class, List.of(),
                Duration.ofSeconds(60));

        assertThat(result.stdout()).contains("AVAILABLE false")
                .anyMatch(l -> l.startsWith("REASON JFR is not available")
                        && l.contains("-XX:-FlightRecorder"));
    }

    @Test
    void isUnavailableWithAClearReasonWithoutTheJfrModule() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(ForkedJvm.currentJava(),
                List.of("--limit-modules", "java.base"), AvailabilityMain.class, List.of(),
                Duration.ofSeconds(60));

        assertThat(result.stdout()).as(result.stderr()).contains("AVAILABLE false")
                .anyMatch(l -> l.startsWith("REASON ") && l.contains("no jdk.jfr module"));
    }
}
