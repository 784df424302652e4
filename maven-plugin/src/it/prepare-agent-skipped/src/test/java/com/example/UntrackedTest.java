package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class UntrackedTest {

    @Test
    void runsWithoutMemraysAgent() {
        assertEquals(0, ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-javaagent:")).count());
        assertEquals("1", System.getProperty("late"));
    }
}
