package io.github.memrayjvm.renderer.text.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Location;
import org.junit.jupiter.api.Test;

class CellsAndNamesTest {

    @Test
    void widthCountsTerminalColumns() {
        assertThat(Cells.width("abc")).isEqualTo(3);
        assertThat(Cells.width("日本")).as("wide characters take two columns").isEqualTo(4);
        assertThat(Cells.width("⣿─")).isEqualTo(2);
    }

    @Test
    void truncationKeepsTheWidthAndMarksTheCut() {
        assertThat(Cells.truncateEnd("abcdefgh", 5, "…")).isEqualTo("abcd…");
        assertThat(Cells.truncateStart("abcdefgh", 5, "…")).isEqualTo("…efgh");
        assertThat(Cells.truncateEnd("abc", 5, "…")).isEqualTo("abc");
        assertThat(Cells.truncateEnd("日本語", 4, "…")).isEqualTo("日…");
        assertThat(Cells.truncateEnd("abcdef", 1, "..")).isEqualTo("a");
    }

    @Test
    void paddingFillsExactlyTheWidth() {
        assertThat(Cells.padLeft("12", 5, "")).isEqualTo("   12");
        assertThat(Cells.padRight("12", 5, "")).isEqualTo("12   ");
        assertThat(Cells.padRight("123456", 5, "…")).isEqualTo("1234…");
    }

    @Test
    void javaMethodsLosePackageLettersBeforeTheirClassAndMethod() {
        Location put = Location.java("com.example.shop.cache.PriceCache", "put", "PriceCache.java");
        assertThat(Names.function(put, 80, "…")).isEqualTo("com.example.shop.cache.PriceCache.put");
        assertThat(Names.function(put, 30, "…")).isEqualTo("c.e.shop.cache.PriceCache.put");
        assertThat(Names.function(put, 20, "…")).as("whole leading segments left out")
                .isEqualTo("…s.c.PriceCache.put");
        assertThat(Names.function(put, 15, "…")).isEqualTo("…PriceCache.put");
        assertThat(Names.function(put, 10, "…")).isEqualTo("…Cache.put");
    }

    @Test
    void nativeSymbolsKeepTheirBeginning() {
        Location symbol = new Location("std::vector<int>::_M_realloc_insert", "libstdc++.so.6",
                Domain.NATIVE);
        assertThat(Names.function(symbol, 12, "…")).isEqualTo("std::vector…");
    }

    @Test
    void filesKeepTheirNameBeforeTheirFolders() {
        assertThat(Names.file("/usr/lib/x86_64-linux-gnu/libz.so.1", 12, "…")).isEqualTo("libz.so.1");
        assertThat(Names.file("AbstractStringBuilder.java", 12, "…")).isEqualTo("…uilder.java");
        assertThat(Names.file("Main.java", 12, "…")).isEqualTo("Main.java");
    }
}
