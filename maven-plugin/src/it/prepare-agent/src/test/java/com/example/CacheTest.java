package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheTest {

    @Test
    void runsWithTheProjectsArgLineAndMemraysAgentOnce() throws InterruptedException {
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertEquals(1, jvmArgs.stream().filter(a -> a.startsWith("-javaagent:")
                && a.contains("memray-agent")).count(), "memray's agent, once: " + jvmArgs);
        assertEquals("yes", System.getProperty("from.pom"), "the argLine property's own value");
        assertEquals("1", System.getProperty("late"), "surefire's <argLine>");
        Cache cache = new Cache();
        for (int round = 0; round < 8; round++) {
            cache.load(128, 64 * 1024);
            Thread.sleep(200);
        }
        assertEquals(1024, cache.size());
    }
}
