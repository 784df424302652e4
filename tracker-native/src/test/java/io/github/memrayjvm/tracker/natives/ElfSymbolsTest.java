package io.github.memrayjvm.tracker.natives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the ELF reader against {@code nm} on the library this module builds. */
class ElfSymbolsTest {

    @TempDir
    Path directory;

    @Test
    void findsTheFunctionContainingAnAddressLikeNm() throws Exception {
        Path library = NativeLibrary.extractTo(directory);
        Map<String, Long> nm = nm(library);
        ElfSymbols symbols = ElfSymbols.read(library);
        long base = 0x7f0000000000L;

        assertThat(symbols.size()).isGreaterThan(20);
        for (String function : new String[] {"malloc", "mrn_enable", "mrn_drain_cells"}) {
            long start = nm.get(function);
            assertThat(symbols.functionAt(base + start, base)).contains(function);
            assertThat(symbols.functionAt(base + start + 3, base)).contains(function);
        }
        // Static functions are in .symtab only, which dladdr does not read.
        assertThat(symbols.functionAt(base + nm.get("find_own_range") + 1, base)).contains("find_own_range");
        assertThat(symbols.functionAt(base + 1, base)).isEmpty();
    }

    @Test
    void aFileThatIsNotElfHasNoSymbols() throws IOException {
        Path text = Files.writeString(directory.resolve("not-elf.so"), "just text, long enough to be read as a header .....");
        assertThat(ElfSymbols.read(text).size()).isZero();
        assertThat(ElfSymbols.read(directory.resolve("missing.so")).size()).isZero();
    }

    private static Map<String, Long> nm(Path library) throws Exception {
        Process process = new ProcessBuilder("nm", "--defined-only", library.toString()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        Map<String, Long> addresses = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && (parts[1].equals("T") || parts[1].equals("t"))) {
                addresses.put(parts[2], Long.parseUnsignedLong(parts[0], 16));
            }
        }
        return addresses;
    }
}
