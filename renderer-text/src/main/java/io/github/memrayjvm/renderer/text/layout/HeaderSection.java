package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.api.model.SessionInfo;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.renderer.text.format.Cells;
import io.github.memrayjvm.renderer.text.format.Durations;
import io.github.memrayjvm.renderer.text.format.Sizes;
import io.github.memrayjvm.renderer.text.view.ThreadSelection;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The header's facts, as lines of at most a given width: PID and command, each gauge's current
 * and peak value, duration and samples, the thread shown, the tracker and the meaning of its
 * figures, and the status.
 */
final class HeaderSection {

    private static final String GAP = "   ";

    private HeaderSection() {
    }

    static List<AttributedString> lines(Content content, int width, Glyphs glyphs) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(processLine(content.info(), width, glyphs));
        lines.addAll(pack(gaugeFields(content.state()), width, glyphs));
        lines.addAll(pack(List.of(
                field("Duration", Durations.format(content.state().elapsedMillis())),
                samplesField(content.state())), width, glyphs));
        lines.add(Lines.truncate(threadLine(content), width, glyphs.ellipsis()));
        lines.add(trackerLine(content, width, glyphs));
        lines.add(statusLine(content, width, glyphs));
        return lines;
    }

    /**
     * The most important facts in at most {@code maxLines} lines, for short terminals: status,
     * heap, thread, tracker, duration, samples, PID.
     */
    static List<AttributedString> summary(Content content, int width, int maxLines, Glyphs glyphs) {
        SessionState state = content.state();
        List<AttributedString> fields = new ArrayList<>();
        fields.add(status(content, false, glyphs));
        List<AttributedString> gauges = gaugeFields(state);
        if (!gauges.isEmpty()) {
            fields.add(gauges.get(0));
        }
        fields.add(threadLine(content));
        if (content.hasTracker()) {
            fields.add(new AttributedStringBuilder()
                    .append(Cells.printable(content.tracker().name()), Styles.LABEL)
                    .append(": " + Wording.meaning(content.tracker(), content.figures()))
                    .toAttributedString());
        }
        fields.add(field("Duration", Durations.format(state.elapsedMillis())));
        fields.add(samplesField(state));
        fields.add(field("PID", Long.toString(content.info().pid())));
        List<AttributedString> lines = pack(fields, width, glyphs);
        return lines.size() > maxLines ? lines.subList(0, maxLines) : lines;
    }

    private static AttributedString processLine(SessionInfo info, int width, Glyphs glyphs) {
        AttributedStringBuilder sb = new AttributedStringBuilder(width);
        sb.append("PID:", Styles.LABEL).append(" " + info.pid()).append(GAP);
        sb.append("CMD:", Styles.LABEL).append(" ");
        int room = width - sb.columnLength();
        if (room >= 8) {
            sb.append(Cells.truncateEnd(Cells.printable(info.command()), room, glyphs.ellipsis()));
        }
        return Lines.truncate(sb.toAttributedString(), width, glyphs.ellipsis());
    }

    private static List<AttributedString> gaugeFields(SessionState state) {
        List<AttributedString> fields = new ArrayList<>();
        List<String> gauges = state.info().gauges();
        for (int i = 0; i < gauges.size(); i++) {
            fields.add(new AttributedStringBuilder()
                    .append(Cells.printable(Wording.gaugeLabel(gauges.get(i))) + ":", Styles.LABEL)
                    .append(" " + Sizes.format(state.current(i)))
                    .append(" (peak " + Sizes.format(state.peak(i)) + ")")
                    .toAttributedString());
        }
        return fields;
    }

    private static AttributedString samplesField(SessionState state) {
        AttributedStringBuilder sb = new AttributedStringBuilder()
                .append("Samples:", Styles.LABEL).append(" " + state.sample());
        if (state.dropped() > 0) {
            sb.append(" (" + state.dropped() + " folded)", Styles.DIM);
        }
        return sb.toAttributedString();
    }

    private static AttributedString threadLine(Content content) {
        ThreadSelection threads = content.threads();
        AttributedStringBuilder sb = new AttributedStringBuilder();
        int count = threads.threads().size();
        if (threads.merged()) {
            sb.append("All threads", Styles.LABEL);
            sb.append(" (" + count + (count == 1 ? " thread)" : " threads)"), Styles.DIM);
        } else if (threads.none()) {
            sb.append("No thread", Styles.LABEL).append(" has figures yet", Styles.DIM);
        } else {
            sb.append("Thread " + (threads.index() + 1) + " of " + count, Styles.LABEL);
            sb.append(" (" + content.threadName(threads.threadId()) + ")");
        }
        return sb.toAttributedString();
    }

    private static AttributedString trackerLine(Content content, int width, Glyphs glyphs) {
        if (!content.hasTracker()) {
            return Lines.truncate(Lines.styled("No tracker is running", Styles.DIM), width,
                    glyphs.ellipsis());
        }
        String meaning = ": " + Wording.meaning(content.tracker(), content.figures());
        String position = " (" + (content.view().tracker() + 1) + " of " + content.trackerCount() + ")";
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.append(Cells.printable(content.tracker().name()), Styles.LABEL);
        if (content.trackerCount() > 1
                && sb.columnLength() + Cells.width(position + meaning) <= width) {
            sb.append(position);
        }
        sb.append(meaning);
        String detail = Cells.printable(content.tracker().detail());
        if (!detail.isEmpty() && sb.columnLength() + 3 + Cells.width(detail) <= width) {
            sb.append(glyphs.separator() + detail, Styles.DIM);
        }
        return Lines.truncate(sb.toAttributedString(), width, glyphs.ellipsis());
    }

    private static AttributedString statusLine(Content content, int width, Glyphs glyphs) {
        AttributedString full = status(content, true, glyphs);
        if (full.columnLength() <= width) {
            return full;
        }
        return Lines.truncate(status(content, false, glyphs), width, glyphs.ellipsis());
    }

    private static AttributedString status(Content content, boolean withReason, Glyphs glyphs) {
        SessionState state = content.state();
        AttributedStringBuilder sb = new AttributedStringBuilder().append("Status:", Styles.LABEL)
                .append(" ");
        if (content.view().isPaused()) {
            sb.append("Table updates paused", Styles.PAUSED);
            if (state.ended() || state.sample() == 0) {
                sb.append(glyphs.separator());
            }
        }
        if (state.ended()) {
            sb.append("Remote has disconnected", Styles.DISCONNECTED);
            if (withReason && !state.end().reason().isEmpty()) {
                sb.append(" (" + Cells.printable(state.end().reason()) + ")", Styles.DIM);
            }
        } else if (state.sample() == 0) {
            sb.append("Waiting for the first snapshot", Styles.WAITING);
        } else if (!content.view().isPaused()) {
            sb.append("Live", Styles.LIVE);
        }
        return sb.toAttributedString();
    }

    private static AttributedString field(String label, String value) {
        return new AttributedStringBuilder().append(label + ":", Styles.LABEL).append(" " + value)
                .toAttributedString();
    }

    /** Puts fields side by side while they fit, starting a new line when the next does not. */
    static List<AttributedString> pack(List<AttributedString> fields, int width, Glyphs glyphs) {
        List<AttributedString> lines = new ArrayList<>();
        AttributedStringBuilder line = new AttributedStringBuilder();
        for (AttributedString field : fields) {
            if (line.length() > 0 && line.columnLength() + GAP.length() + field.columnLength() > width) {
                lines.add(Lines.truncate(line.toAttributedString(), width, glyphs.ellipsis()));
                line = new AttributedStringBuilder();
            }
            if (line.length() > 0) {
                line.append(GAP);
            }
            line.append(field);
        }
        if (line.length() > 0) {
            lines.add(Lines.truncate(line.toAttributedString(), width, glyphs.ellipsis()));
        }
        return lines;
    }
}
