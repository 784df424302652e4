package com.example;

import java.util.ArrayList;
import java.util.List;

/** Keeps what it is given. */
public class Cache {

    private final List<byte[]> entries = new ArrayList<>();

    /** Adds {@code count} entries of {@code size} bytes. */
    public void load(int count, int size) {
        for (int i = 0; i < count; i++) {
            entries.add(new byte[size]);
        }
    }

    public int size() {
        return entries.size();
    }
}
