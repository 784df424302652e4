package io.github.memrayjvm.tracker.natives;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link NativeSource} that hands out prepared drains. */
final class FakeSource implements NativeSource {

    final Deque<long[]> stacks = new ArrayDeque<>();
    final Deque<long[]> threads = new ArrayDeque<>();
    final Deque<long[]> cells = new ArrayDeque<>();
    final Map<Long, String[]> methods = new HashMap<>();
    final Map<Long, String> modules = new HashMap<>();
    final List<Integer> ignored = new ArrayList<>();
    long moduleBase;
    boolean enabled;

    @Override
    public boolean interposing() {
        return true;
    }

    @Override
    public int enable(long samplingInterval, boolean javaFrames, long currentJavaThreadId) {
        enabled = true;
        return 0;
    }

    @Override
    public void disable() {
        enabled = false;
    }

    @Override
    public long[] drainStacks() {
        return stacks.isEmpty() ? new long[0] : stacks.poll();
    }

    @Override
    public long[] drainThreads() {
        return threads.isEmpty() ? new long[0] : threads.poll();
    }

    @Override
    public long[] drainCells() {
        return cells.isEmpty() ? new long[5] : cells.poll();
    }

    @Override
    public void ignoreThread(int serial) {
        ignored.add(serial);
    }

    @Override
    public String module(long pc, long[] base) {
        base[0] = moduleBase;
        return modules.get(pc);
    }

    @Override
    public String demangle(String name) {
        return name.equals("_ZN2os6mallocEm") ? "os::malloc(unsigned long)" : null;
    }

    @Override
    public String[] method(long methodId) {
        return methods.get(methodId);
    }
}
