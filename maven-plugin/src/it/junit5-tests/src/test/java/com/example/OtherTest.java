package com.example;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** Not chosen with -Dtest=CacheTest: running it fails the build. */
class OtherTest {

    @Test
    void mustNotRun() {
        fail("only CacheTest was asked for");
    }
}
