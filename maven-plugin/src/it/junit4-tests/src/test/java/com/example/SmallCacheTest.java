package com.example;

import static org.junit.Assert.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.Test;

public class SmallCacheTest {

    @Test
    public void loadsSmallEntries() throws InterruptedException {
        Cache cache = new Cache();
        for (int round = 0; round < 8; round++) {
            cache.load(1024, 1024);
            Thread.sleep(200);
        }
        assertEquals(8 * 1024, cache.size());
        System.out.println("SmallCacheTest ran in " + ManagementFactory.getRuntimeMXBean().getName());
    }
}
