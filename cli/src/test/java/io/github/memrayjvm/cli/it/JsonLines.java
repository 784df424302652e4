package io.github.memrayjvm.cli.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** What {@code memray live --renderer json} wrote, parsed. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> lines;

    private JsonLines(List<JsonNode> lines) {
        this.lines = lines;
    }

    static JsonLines of(List<String> text) throws JsonProcessingException {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : text) {
            parsed.add(JSON.readTree(line));
        }
        return new JsonLines(parsed);
    }

    /** Like {@link #of}, without a last line cut short (by a killed viewer). */
    static JsonLines ofComplete(List<String> text) throws JsonProcessingException {
        List<String> complete = new ArrayList<>(text);
        if (!complete.isEmpty()) {
            try {
                JSON.readTree(complete.get(complete.size() - 1));
            } catch (JsonProcessingException e) {
                complete.remove(complete.size() - 1);
            }
        }
        return of(complete);
    }

    List<JsonNode> all() {
        return lines;
    }

    List<JsonNode> snapshots() {
        return lines.stream().filter(l -> l.get("type").asText().equals("snapshot")).toList();
    }

    JsonNode first() {
        return lines.get(0);
    }

    JsonNode last() {
        return lines.get(lines.size() - 1);
    }

    JsonNode lastSnapshot() {
        List<JsonNode> snapshots = snapshots();
        return snapshots.get(snapshots.size() - 1);
    }

    /** The summed {@code own} of all locations of a snapshot: all bytes it accounts for. */
    static long totalOwn(JsonNode snapshot) {
        long sum = 0;
        for (JsonNode location : snapshot.get("locations")) {
            sum += location.get("own").asLong();
        }
        return sum;
    }

    /** The {@code total} of the location named {@code function} in a snapshot, or 0. */
    static long total(JsonNode snapshot, String function) {
        long sum = 0;
        for (JsonNode location : snapshot.get("locations")) {
            if (location.get("function").asText().equals(function)) {
                sum += location.get("total").asLong();
            }
        }
        return sum;
    }

    /** The thread names of a snapshot. */
    static List<String> threadNames(JsonNode snapshot) {
        List<String> names = new ArrayList<>();
        snapshot.get("threads").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }
}
