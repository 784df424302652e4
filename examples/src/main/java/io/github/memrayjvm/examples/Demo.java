package io.github.memrayjvm.examples;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;

/**
 * The demo shown by {@code memray demo}: a small "service" whose threads allocate in ways worth
 * looking at — a cache that keeps growing, request handlers that parse recursively and churn
 * short-lived objects, an image resizer that allocates large arrays, and a compressor holding
 * native memory (direct buffers, zlib). It reports its progress on standard output and ends
 * after the given number of seconds (default 60).
 */
public final class Demo {

    private static final Map<String, byte[]> CACHE = new HashMap<>();
    private static volatile Object sink;
    private static volatile boolean running = true;

    private Demo() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        List<Thread> threads = List.of(
                new Thread(Demo::cacheLoader, "cache-loader"),
                new Thread(() -> requestWorker(1), "request-worker-1"),
                new Thread(() -> requestWorker(2), "request-worker-2"),
                new Thread(Demo::imageResizer, "image-resizer"),
                new Thread(Demo::compressor, "compressor"));
        threads.forEach(Thread::start);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int tick = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            tick++;
            synchronized (CACHE) {
                System.out.println("demo: " + tick + "s, cache holds " + CACHE.size() + " entries");
            }
        }
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("demo: done");
    }

    static void cacheLoader() {
        int key = 0;
        while (running) {
            byte[] value = loadEntry(key);
            synchronized (CACHE) {
                CACHE.put("entry-" + key, value);
                if (CACHE.size() > 20_000) {
                    CACHE.clear();
                }
            }
            key++;
            pause(1);
        }
    }

    static byte[] loadEntry(int key) {
        return new byte[1024 + (key % 16) * 256];
    }

    static void requestWorker(int id) {
        while (running) {
            for (int i = 0; i < 200; i++) {
                sink = handleRequest("{\"user\":" + id + ",\"items\":[1,2,[3,4,[5,6]]]}");
            }
            pause(2);
        }
    }

    static Object handleRequest(String body) {
        return parse(body, 0, new int[] {0});
    }

    /** A toy recursive-descent parser: recursion shows how Total counts a method once. */
    static Object parse(String text, int depth, int[] position) {
        List<Object> values = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        while (position[0] < text.length()) {
            char c = text.charAt(position[0]++);
            if (c == '[') {
                values.add(parse(text, depth + 1, position));
            } else if (c == ']') {
                break;
            } else if (c == ',' && token.length() > 0) {
                values.add(token.toString());
                token = new StringBuilder();
            } else {
                token.append(c);
            }
        }
        values.add(token.toString());
        return values;
    }

    static void imageResizer() {
        while (running) {
            sink = resize(ThreadLocalRandom.current().nextInt(256, 1024));
            pause(50);
        }
    }

    static int[] resize(int side) {
        int[] pixels = new int[side * side];
        pixels[pixels.length - 1] = side;
        return pixels;
    }

    static void compressor() {
        List<ByteBuffer> buffers = new ArrayList<>();
        byte[] input = new byte[64 * 1024];
        byte[] output = new byte[64 * 1024];
        while (running) {
            if (buffers.size() < 32) {
                buffers.add(ByteBuffer.allocateDirect(256 * 1024));
            }
            Deflater deflater = new Deflater();
            deflater.setInput(input);
            deflater.finish();
            deflater.deflate(output);
            deflater.end();
            pause(100);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
