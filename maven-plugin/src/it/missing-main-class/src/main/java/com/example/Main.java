package com.example;

import java.util.ArrayList;
import java.util.List;

/** Prints its arguments, then allocates about 64 MiB in fill(), in 64 KiB arrays. */
public class Main {

    static final List<byte[]> KEPT = new ArrayList<>();

    public static void main(String[] args) throws InterruptedException {
        for (String arg : args) {
            System.out.println("arg: " + arg);
        }
        for (int round = 0; round < 8; round++) {
            fill();
            Thread.sleep(100);
        }
        System.out.println("kept " + KEPT.size() + " arrays");
    }

    static void fill() {
        for (int i = 0; i < 128; i++) {
            KEPT.add(new byte[64 * 1024]);
        }
    }
}
