package io.github.memrayjvm.tracker.jvmti;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.tracker.AllocationSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An {@link AllocationSink} that writes down every call, for unit tests. */
final class RecordingSink implements AllocationSink {

    final List<String> locations = new ArrayList<>();
    final List<int[]> stacks = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public int location(String function, String file, Domain domain) {
        String key = function + "|" + file + "|" + domain;
        int known = locations.indexOf(key);
        if (known >= 0) {
            return known;
        }
        locations.add(key);
        return locations.size() - 1;
    }

    @Override
    public int stack(int[] locationIds) {
        for (int i = 0; i < stacks.size(); i++) {
            if (Arrays.equals(stacks.get(i), locationIds)) {
                return i;
            }
        }
        stacks.add(locationIds.clone());
        return stacks.size() - 1;
    }

    @Override
    public void allocated(long threadId, int stackId, long bytes, long count) {
        calls.add("allocated " + threadId + " " + stackId + " " + bytes + " " + count);
    }

    @Override
    public void freed(long threadId, int stackId, long bytes, long count) {
        calls.add("freed " + threadId + " " + stackId + " " + bytes + " " + count);
    }

    @Override
    public void thread(long threadId, String name) {
        calls.add("thread " + threadId + " " + name);
    }

    @Override
    public void gauge(long current, long peak) {
        calls.add("gauge " + current + " " + peak);
    }
}
