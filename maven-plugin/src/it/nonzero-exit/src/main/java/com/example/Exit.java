package com.example;

/** Allocates a little, says so on standard error, and exits with status 3. */
public class Exit {

    public static void main(String[] args) throws InterruptedException {
        byte[][] kept = new byte[32][];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new byte[256 * 1024];
            Thread.sleep(20);
        }
        System.err.println("giving up with status 3 after " + kept.length + " arrays");
        System.exit(3);
    }
}
