package io.github.memrayjvm.tracker.natives;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * The function symbols of one ELF file (64-bit, little-endian: Linux on x86-64 and aarch64),
 * from its full symbol table ({@code .symtab}) when it has one, else from its dynamic one
 * ({@code .dynsym}, the exported functions only). Many libraries keep {@code .symtab} (the
 * JDK's {@code libjvm.so} does), which names internal functions that {@code dladdr} cannot.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class ElfSymbols {

    private static final int SHT_SYMTAB = 2;
    private static final int SHT_DYNSYM = 11;
    private static final int STT_FUNC = 2;
    private static final int STT_GNU_IFUNC = 10;
    private static final int ET_EXEC = 2;

    private static final ElfSymbols NONE = new ElfSymbols(false, new long[0], new long[0],
            new int[0], ByteBuffer.allocate(0));

    private final boolean absolute;
    private final long[] starts;
    private final long[] sizes;
    private final int[] names;
    private final ByteBuffer strings;

    private ElfSymbols(boolean absolute, long[] starts, long[] sizes, int[] names, ByteBuffer strings) {
        this.absolute = absolute;
        this.starts = starts;
        this.sizes = sizes;
        this.names = names;
        this.strings = strings;
    }

    /** The symbols of {@code file}; none when it cannot be read or is not such an ELF file. */
    static ElfSymbols read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer elf = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return parse(elf.order(ByteOrder.LITTLE_ENDIAN));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** How many function symbols were found. */
    int size() {
        return starts.length;
    }

    /**
     * The function containing {@code address}.
     *
     * @param address an address in the running process
     * @param base    the file's load address ({@code dladdr}'s {@code dli_fbase})
     */
    Optional<String> functionAt(long address, long base) {
        long value = absolute ? address : address - base;
        int i = Arrays.binarySearch(starts, value);
        if (i < 0) {
            i = -i - 2;
        }
        // Aliases share a start; any of them that contains the address names it.
        for (int j = i; j >= 0 && j > i - 8; j--) {
            if (Long.compareUnsigned(value - starts[j], sizes[j]) < 0) {
                return Optional.of(name(names[j]));
            }
            if (j < i && starts[j] != starts[i]) {
                break;
            }
        }
        return Optional.empty();
    }

    private String name(int offset) {
        int end = offset;
        while (end < strings.limit() && strings.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - offset];
        strings.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static ElfSymbols parse(ByteBuffer elf) {
        if (elf.limit() < 64 || elf.getInt(0) != 0x464c457f || elf.get(4) != 2 || elf.get(5) != 1) {
            return NONE;
        }
        boolean absolute = elf.getShort(16) == ET_EXEC;
        long sectionsOffset = elf.getLong(0x28);
        int entrySize = Short.toUnsignedInt(elf.getShort(0x3A));
        int count = Short.toUnsignedInt(elf.getShort(0x3C));
        int table = -1;
        for (int type : new int[] {SHT_SYMTAB, SHT_DYNSYM}) {
            for (int i = 0; i < count && table < 0; i++) {
                if (elf.getInt(section(sectionsOffset, entrySize, i) + 4) == type) {
                    table = i;
                }
            }
        }
        if (table < 0) {
            return NONE;
        }
        int header = section(sectionsOffset, entrySize, table);
        int symbolsOffset = Math.toIntExact(elf.getLong(header + 24));
        long symbolsSize = elf.getLong(header + 32);
        int stringsHeader = section(sectionsOffset, entrySize, elf.getInt(header + 40));
        ByteBuffer strings = elf.slice(Math.toIntExact(elf.getLong(stringsHeader + 24)),
                Math.toIntExact(elf.getLong(stringsHeader + 32)));
        int symbols = Math.toIntExact(symbolsSize / 24);
        long[] entries = new long[symbols * 3];
        int n = 0;
        for (int i = 0; i < symbols; i++) {
            int at = symbolsOffset + i * 24;
            int type = elf.get(at + 4) & 0xf;
            int sectionIndex = Short.toUnsignedInt(elf.getShort(at + 6));
            long value = elf.getLong(at + 8);
            long size = elf.getLong(at + 16);
            if ((type == STT_FUNC || type == STT_GNU_IFUNC) && sectionIndex != 0 && value != 0 && size > 0) {
                entries[3 * n] = value;
                entries[3 * n + 1] = size;
                entries[3 * n + 2] = Integer.toUnsignedLong(elf.getInt(at));
                n++;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long[] sorted = entries;
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(sorted[3 * a], sorted[3 * b]));
        long[] starts = new long[n];
        long[] sizes = new long[n];
        int[] names = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = entries[3 * order[i]];
            sizes[i] = entries[3 * order[i] + 1];
            names[i] = (int) entries[3 * order[i] + 2];
        }
        return new ElfSymbols(absolute, starts, sizes, names, strings);
    }

    private static int section(long sectionsOffset, int entrySize, int index) {
        return Math.toIntExact(sectionsOffset + (long) index * entrySize);
    }
}
