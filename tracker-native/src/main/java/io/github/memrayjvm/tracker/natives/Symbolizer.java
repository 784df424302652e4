package io.github.memrayjvm.tracker.natives;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Location;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
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
    private final Map<Path, ElfSymbols> libraries = new HashMap<>();
    private final long[] base = new long[1];

    Symbolizer(NativeSource source, Function<Path, ElfSymbols> symbolsOf) {
        this.source = source;
        this.symbolsOf = symbolsOf;
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
