package com.example;

import static org.junit.Assert.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.Test;

public class LargeCacheTest {

    @Test
    public void loadsLargeEntries() throws InterruptedException {
        Cache cache = new Cache();
        for (int round = 0; round < 8; round++) {
            cache.load(16, 256 * 1024);
            Thread.sleep(200);
        }
        assertEquals(128, cache.size());
        System.out.println("LargeCacheTest ran in " + ManagementFactory.getRuntimeMXBean().getName());
    }
}
