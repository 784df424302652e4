package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class CacheTest {

    @Test
    void loadsWhatItIsGiven() throws InterruptedException {
        assertEquals("yes", System.getProperty("from.argline"), "the project's argLine");
        assertEquals("yes", System.getProperty("from.surefire.config"), "the project's config");
        long agents = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-javaagent:") && a.contains("memray-agent"))
                .count();
        assertEquals(1, agents, "memray's agent, once");
        Cache cache = new Cache();
        for (int round = 0; round < 8; round++) {
            cache.load(128, 64 * 1024);
            Thread.sleep(200);
        }
        assertEquals(1024, cache.size());
        System.out.println("CacheTest ran in " + ManagementFactory.getRuntimeMXBean().getName());
    }
}
