package io.github.memrayjvm.tracker.natives;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Location;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the library's frame words into locations: native return addresses into
 * {@code Location(function, library file name, NATIVE)} (symbols from the library's ELF symbol
 * tables, C++ names demangled), Java frames (method ids) into {@code Location(Class.method,
 * source file, JAVA)}. Results are cached per frame word and per library.
 *
 * <p>Not thread-safe: used by the drainer only.
 */
final class Symbolizer {

    static final Location UNKNOWN_STACK = new Location("[stack table full]", "", Domain.NATIVE);
    static final Location NO_FRAMES = new Location("[no frames]", "", Domain.NATIVE);
    static final Location UNKNOWN_CODE = new Location("[unknown]", "", Domain.NATIVE);
    static final Location UNLOADED_METHOD = new Location("[unloaded method]", "", Domain.JAVA);

    private final NativeSource source;
    private final Function<Path, ElfSymbols> symbolsOf;
    private final Map<Long, Location> byFrame = new HashMap<>();
    /** Concurrent: {@link #preload} fills it on another thread while flushes read it. */
    private final Map<Path, ElfSymbols> libraries = new ConcurrentHashMap<>();
    private final long[] base = new long[1];

    Symbolizer(NativeSource source, Function<Path, ElfSymbols> symbolsOf) {
        this.source = source;
        this.symbolsOf = symbolsOf;
    }

    /**
     * Reads the symbol tables of the libraries most stacks pass through (the JVM's own, the C
     * library), so that the first flush, which may be the last one at the program's exit, does
     * not have to. Safe to call on another thread than the flushes.
     *
     * @param mapsLines the lines of {@code /proc/self/maps}
     */
    void preload(List<String> mapsLines) {
        for (String line : mapsLines) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            Path path = Paths.get(line.substring(slash).trim());
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            if (name.equals("libjvm.so") || name.startsWith("libc.so")) {
                libraries.computeIfAbsent(path, symbolsOf);
            }
        }
    }

    /** The location of one frame word. */
    Location locate(long frame) {
        return byFrame.computeIfAbsent(frame,
                f -> (f & NativeBridge.JAVA_FRAME) != 0 ? javaFrame(f & ~NativeBridge.JAVA_FRAME)
                        : nativeFrame(f));
    }

    private Location nativeFrame(long pc) {
        // A return address: the call is the instruction before it.
        long address = pc - 1;
        String file = source.module(address, base);
        if (file == null) {
            return UNKNOWN_CODE;
        }
        Path path = Paths.get(file);
        String library = path.getFileName() == null ? file : path.getFileName().toString();
        ElfSymbols symbols = libraries.computeIfAbsent(path, symbolsOf);
        return symbols.functionAt(address, base[0])
                .map(name -> new Location(readable(name), library, Domain.NATIVE))
                .orElseGet(() -> new Location(library + "+0x" + Long.toHexString(address - base[0]),
                        library, Domain.NATIVE));
    }

    private String readable(String symbol) {
        if (!symbol.startsWith("_Z")) {
            return symbol;
        }
        String demangled = source.demangle(symbol);
        return demangled != null ? demangled : symbol;
    }

    private Location javaFrame(long methodId) {
        String[] method = source.method(methodId);
        if (method == null) {
            return UNLOADED_METHOD;
        }
        return Location.java(className(method[0]), method[1], method[2] == null ? "" : method[2]);
    }

    /** {@code Ljava/nio/ByteBuffer;} to {@code java.nio.ByteBuffer}. */
    static String className(String signature) {
        String name = signature;
        if (name.startsWith("L") && name.endsWith(";")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.replace('/', '.');
    }
}
