package io.github.memrayjvm.tracker.natives;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds minimal ELF images in memory for tests. */
final class ElfSymbolsFixture {

    private ElfSymbolsFixture() {
    }

    /** A shared object whose .symtab holds one function. */
    static ElfSymbols withFunction(long value, long size, String name) {
        byte[] strings = ("\0" + name + "\0").getBytes(StandardCharsets.US_ASCII);
        int symbolsAt = 64;
        int stringsAt = symbolsAt + 48;
        int sectionsAt = stringsAt + strings.length + 8;
        ByteBuffer elf = ByteBuffer.allocate(sectionsAt + 3 * 64).order(ByteOrder.LITTLE_ENDIAN);
        elf.putInt(0, 0x464c457f).put(4, (byte) 2).put(5, (byte) 1);
        elf.putShort(16, (short) 3); // ET_DYN
        elf.putLong(0x28, sectionsAt).putShort(0x3A, (short) 64).putShort(0x3C, (short) 3);
        // symbol 1 (symbol 0 is the null symbol)
        int symbol = symbolsAt + 24;
        elf.putInt(symbol, 1).put(symbol + 4, (byte) 0x12).putShort(symbol + 6, (short) 1)
                .putLong(symbol + 8, value).putLong(symbol + 16, size);
        elf.put(stringsAt, strings);
        int symtab = sectionsAt + 64;
        elf.putInt(symtab + 4, 2).putLong(symtab + 24, symbolsAt).putLong(symtab + 32, 48).putInt(symtab + 40, 2);
        int strtab = sectionsAt + 128;
        elf.putInt(strtab + 4, 3).putLong(strtab + 24, stringsAt).putLong(strtab + 32, strings.length);
        return ElfSymbols.parse(elf);
    }
}
