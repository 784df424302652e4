package io.github.memrayjvm.renderer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.memrayjvm.api.aggregate.SortOrder;
import io.github.memrayjvm.api.model.Figures;
import io.github.memrayjvm.api.wire.End;
import io.github.memrayjvm.api.wire.Message;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live view on a JLine terminal built on pipes: keys typed as bytes, state changes and
 * screen contents checked, and the terminal put back as it was however the view ends.
 */
class LiveViewTest {

    private static final String RIGHT = "\033[C";
    private static final String LEFT = "\033[D";
    private static final String DOWN = "\033[B";
    private static final String END = "\033[F";
    private static final String HOME = "\033[H";

    private TerminalHarness harness;
    private ScriptedSession session;
    private Attributes before;

    @BeforeEach
    void setUp() throws Exception {
        harness = new TerminalHarness(80, 24);
        before = new Attributes(harness.terminal().getAttributes());
        session = new ScriptedSession(ShopSession.INFO);
        for (List<Message> snapshot : ShopSession.snapshots(120)) {
            session.offer(snapshot);
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void showsTheSessionAndSortsByTheKeysTyped() throws Exception {
        harness.start(session);
        harness.awaitText("Samples: 120");
        assertThat(harness.screen()).contains("PID: 4242", "<Total>", "Heap: 172.0 MiB",
                "All threads (3 threads)", "jfr: allocated since start (estimate)");

        harness.type("o");
        TerminalHarness.Frame own = harness.awaitText("<Own>");
        assertThat(own.view().sort()).isEqualTo(SortOrder.OWN);
        assertThat(tableLines(own).get(0)).startsWith("c.f.j.d.ObjectMapper.readValue");

        harness.type("a");
        TerminalHarness.Frame allocations = harness.awaitText("<Alloc");
        assertThat(allocations.view().sort()).isEqualTo(SortOrder.ALLOCATIONS);

        harness.type("t");
        harness.awaitText("<Total>");
        harness.type("q");
        assertThat(harness.awaitExit()).isZero();
    }

    @Test
    void arrowsWalkThroughThreadsAndMTogglesMerging() throws Exception {
        harness.start(session);
        harness.awaitText("Samples: 120");

        harness.type(RIGHT);
        TerminalHarness.Frame main = harness.awaitText("Thread 1 of 3 (main)");
        assertThat(main.view().merged()).isFalse();
        harness.type(RIGHT);
        TerminalHarness.Frame worker = harness.awaitText("Thread 2 of 3 (worker-1)");
        // a thread's figures are its own: Worker.run is 100% of worker-1's bytes
        assertThat(worker.text()).containsPattern("Worker\\.run +78\\.8 MiB +100\\.00%");
        assertThat(worker.text()).doesNotContain("Main.main");

        harness.type(LEFT);
        harness.awaitText("Thread 1 of 3 (main)");
        harness.type(LEFT);
        harness.awaitText("Thread 3 of 3 (worker-2)");

        harness.type("m");
        harness.awaitText("All threads (3 threads)");
        harness.type("m");
        TerminalHarness.Frame back = harness.awaitText("Thread 3 of 3 (worker-2)");
        assertThat(back.view().merged()).isFalse();
        harness.type("q");
        assertThat(harness.awaitExit()).isZero();
    }

    @Test
    void spacePausesTheTableWhileTheHeaderKeepsGoing() throws Exception {
        harness.start(session);
        String before = tableLines(harness.awaitText("Samples: 120")).get(0);

        harness.type(" ");
        harness.awaitText("Table updates paused");
        for (List<Message> snapshot : ShopSession.snapshots(130).subList(120, 130)) {
            session.offer(snapshot);
        }
        TerminalHarness.Frame paused = harness.awaitText("Samples: 130");
        assertThat(paused.view().isPaused()).isTrue();
        assertThat(tableLines(paused).get(0)).isEqualTo(before);
        assertThat(paused.text()).contains("space Resume");

        harness.type(" ");
        TerminalHarness.Frame resumed = harness.awaitFrame("updates resume",
                frame -> !frame.view().isPaused());
        assertThat(tableLines(resumed).get(0)).isNotEqualTo(before).contains("214.3 MiB");
        harness.type("q");
        harness.awaitExit();
    }

    @Test
    void nSwitchesTrackerAndLSwitchesAllocatedAndLive() throws Exception {
        harness.start(session);
        harness.awaitText("Samples: 120");

        harness.type("n");
        TerminalHarness.Frame nativeTable = harness.awaitText("native (2 of 2): live (not freed yet)");
        assertThat(nativeTable.view().tracker()).isEqualTo(ShopSession.NATIVE);
        assertThat(nativeTable.text()).contains("malloc").doesNotContain("ObjectMapper");
        assertThat(nativeTable.text()).as("footer offers the other meaning")
                .contains("l Allocated").doesNotContain("l Live");

        harness.type("l");
        TerminalHarness.Frame allocated = harness.awaitText("native (2 of 2): allocated since start");
        assertThat(allocated.view().currentFigures()).isEqualTo(Figures.ALLOCATED);
        assertThat(allocated.text()).contains("l Live");

        harness.type("\t");
        TerminalHarness.Frame jfr = harness.awaitText("jfr: allocated since start (estimate)");
        assertThat(jfr.text()).doesNotContain("malloc");
        harness.type("l");
        Thread.sleep(100);
        assertThat(harness.awaitText("jfr: allocated since start").view().currentFigures())
                .as("jfr reports no frees, so 'l' does nothing").isEqualTo(Figures.ALLOCATED);
        harness.type("q");
        harness.awaitExit();
    }

    @Test
    void arrowsAndPagesScrollTheTable() throws Exception {
        harness.terminal().setSize(new Size(120, 17));
        harness.start(session);
        TerminalHarness.Frame first = harness.awaitText("Samples: 120");
        int page = first.screen().viewport().pageRows();
        assertThat(page).isBetween(1, 11);

        harness.type(DOWN);
        assertThat(harness.awaitFrame("scrolled one row", f -> f.view().firstRow() == 1)
                .text()).contains("2-" + (page + 1) + " of 12");
        harness.type(END);
        harness.awaitFrame("at the end", f -> f.view().firstRow() == 12 - page);
        harness.type(DOWN);
        Thread.sleep(100);
        assertThat(harness.awaitFrame("still at the end", f -> true).view().firstRow())
                .isEqualTo(12 - page);
        harness.type(HOME);
        harness.awaitFrame("at the top", f -> f.view().firstRow() == 0);
        harness.type("\033[6~");
        harness.awaitFrame("one page down", f -> f.view().firstRow() == Math.min(page, 12 - page));
        harness.type("q");
        harness.awaitExit();
    }

    @Test
    void theEndOfTheSessionIsShownAndTheDataStaysUntilQ() throws Exception {
        session.offer(List.of(new End(120, "program exited")));
        harness.start(session);
        TerminalHarness.Frame ended = harness.awaitText("Remote has disconnected");
        assertThat(ended.text()).contains("Samples: 120", "com.example.shop.Main.main");
        assertThat(ended.text()).doesNotContain("space Pause");

        int frames = harness.frameCount();
        harness.type(" ");
        harness.type("o");
        TerminalHarness.Frame after = harness.awaitText("<Own>");
        assertThat(after.view().isPaused()).as("nothing to pause after the end").isFalse();
        assertThat(harness.frameCount()).isGreaterThan(frames);
        assertThat(harness.result()).isNotDone();
        harness.type("q");
        assertThat(harness.awaitExit()).isZero();
    }

    @Test
    void followsResizes() throws Exception {
        harness.start(session);
        harness.awaitText("memray live tracking");

        harness.terminal().setSize(new Size(50, 24));
        harness.terminal().raise(Signal.WINCH);
        TerminalHarness.Frame narrow = harness.awaitFrame("drawn 50 wide",
                f -> f.screen().lines().stream().allMatch(l -> l.columnLength() <= 50)
                        && f.text().startsWith(" memray live "));
        assertThat(narrow.screen().lines()).hasSize(24);
        assertThat(narrow.text()).contains("<Total>").doesNotContain("% Own");
        harness.type("q");
        harness.awaitExit();
    }

    @Test
    void quittingPutsTheTerminalBack() throws Exception {
        harness.start(session);
        harness.awaitText("Samples: 120");
        assertThat(harness.terminal().getAttributes().getLocalFlag(LocalFlag.ECHO))
                .as("raw mode while running").isFalse();

        harness.type("q");
        assertThat(harness.awaitExit()).isZero();

        assertRestored();
    }

    @Test
    void escapeQuits() throws Exception {
        harness.start(session);
        harness.awaitText("Samples: 120");
        harness.type("\033");
        assertThat(harness.awaitExit()).isZero();
        assertRestored();
    }

    @Test
    void ctrlCQuitsWithStatus130AndPutsTheTerminalBack() throws Exception {
        harness.start(session);
        harness.awaitText("Samples: 120");
        harness.type("\003");
        assertThat(harness.awaitExit()).isEqualTo(LiveView.INTERRUPTED_STATUS);
        assertRestored();
    }

    @Test
    void aFailurePutsTheTerminalBackAndIsReported() throws Exception {
        harness.start(session);
        harness.awaitText("Samples: 120");
        session.failWith(new IllegalStateException("connection broke"));
        assertThatThrownBy(harness::awaitExit).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("connection broke");
        assertRestored();
    }

    private void assertRestored() {
        Attributes after = harness.terminal().getAttributes();
        for (LocalFlag flag : EnumSet.of(LocalFlag.ECHO, LocalFlag.ICANON, LocalFlag.ISIG)) {
            assertThat(after.getLocalFlag(flag)).as(flag.name()).isEqualTo(before.getLocalFlag(flag));
        }
        String output = harness.output();
        assertThat(output).as("alternate screen entered").contains("\033[?1049h");
        String end = output.substring(output.lastIndexOf("\033[?1049h"));
        assertThat(end).as("alternate screen left").contains("\033[?1049l");
        assertThat(end).as("cursor shown again").containsPattern("\033\\[\\?(\\d+;)*25h");
        assertThat(harness.screen().trim()).as("the normal screen is back (empty here)").isEmpty();
    }

    /** The table's rows as plain text (the lines between the title row and the footer). */
    private static List<String> tableLines(TerminalHarness.Frame frame) {
        List<String> lines = frame.text().lines().toList();
        int title = 0;
        while (!lines.get(title).startsWith("Location")) {
            title++;
        }
        return lines.subList(title + 1, lines.size() - 1);
    }
}
