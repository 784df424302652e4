package com.example;

import org.junit.jupiter.api.Test;

class NeverRunTest {

    @Test
    void mustNotRun() {
        System.out.println("NeverRunTest ran");
    }
}
