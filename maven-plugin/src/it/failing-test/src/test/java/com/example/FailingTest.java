package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailingTest {

    @Test
    void failsAfterAllocating() throws InterruptedException {
        int[][] arrays = new int[64][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = new int[64 * 1024];
            Thread.sleep(10);
        }
        assertEquals(42, arrays.length, "the expected failure");
    }
}
