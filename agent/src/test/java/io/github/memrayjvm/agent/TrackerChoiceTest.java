package io.github.memrayjvm.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.MemrayException;
import io.github.memrayjvm.api.ProviderLoader;
import io.github.memrayjvm.api.Providers;
import io.github.memrayjvm.api.tracker.Availability;
import io.github.memrayjvm.api.tracker.Tracker;
import io.github.memrayjvm.api.tracker.TrackerContext;
import io.github.memrayjvm.api.tracker.TrackerProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerChoiceTest {

    record Fake(String name, int defaultPriority, Availability availability)
            implements TrackerProvider {
        @Override
        public int apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public String description() {
            return name;
        }

        @Override
        public Tracker create(TrackerContext context) {
            throw new UnsupportedOperationException();
        }
    }

    static Providers<TrackerProvider> providers(TrackerProvider... fakes) {
        return Providers.load(TrackerProvider.class, "tracker", new ProviderLoader() {
            @Override
            @SuppressWarnings("unchecked")
            public <P> List<P> load(Class<P> type, List<String> broken) {
                return new ArrayList<>((List<P>) List.of(fakes));
            }
        });
    }

    static final Fake JVMTI = new Fake("jvmti", 100, Availability.yes());
    static final Fake JFR = new Fake("jfr", 50, Availability.yes());
    static final Fake NATIVE = new Fake("native", 0, Availability.yes());

    static List<String> names(TrackerChoice choice) {
        return choice.chosen().stream().map(TrackerProvider::name).toList();
    }

    @Test
    void withoutANameTheAvailableJavaHeapTrackerOfHighestPriorityRuns() {
        assertThat(names(TrackerChoice.of(providers(JFR, JVMTI, NATIVE), List.of(), false, false)))
                .containsExactly("jvmti");
        TrackerChoice fallback = TrackerChoice.of(providers(JFR, NATIVE,
                new Fake("jvmti", 100, Availability.no("no library"))), List.of(), true, false);
        assertThat(names(fallback)).containsExactly("jfr", "native");
        assertThat(fallback.warnings()).singleElement().asString()
                .contains("using tracker 'jfr'", "'jvmti' cannot run here: no library");
    }

    @Test
    void namedTrackersRunInOrderAndNativeIsAddedOnce() {
        assertThat(names(TrackerChoice.of(providers(JFR, JVMTI, NATIVE),
                List.of("jfr", "native"), true, false))).containsExactly("jfr", "native");
    }

    @Test
    void aTrackerThatCannotRunIsLeftOutUnlessTheUserInsists() {
        Fake noNative = new Fake("native", 0, Availability.no("needs Linux"));
        TrackerChoice choice = TrackerChoice.of(providers(JVMTI, noNative), List.of(), true, false);
        assertThat(names(choice)).containsExactly("jvmti");
        assertThat(choice.warnings()).containsExactly(
                "tracker 'native' cannot run here (needs Linux); going on without it");
        assertThatThrownBy(() -> TrackerChoice.of(providers(JVMTI, noNative), List.of(), true, true))
                .isInstanceOf(MemrayException.class)
                .hasMessage("tracker 'native' cannot run here: needs Linux");
    }

    @Test
    void unknownNamesAndNoUsableTrackerAreErrorsForTheUser() {
        assertThatThrownBy(() -> TrackerChoice.of(providers(JFR), List.of("jvmtl"), false, false))
                .hasMessageContaining("unknown tracker 'jvmtl'; available: jfr");
        assertThatThrownBy(() -> TrackerChoice.of(providers(NATIVE), List.of(), false, false))
                .hasMessageContaining("no Java-heap tracker can run here");
    }
}
