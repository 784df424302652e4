package io.github.memrayjvm.renderer.text.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Compares screens with the plain-text files in {@code src/test/resources/screens}. Run with
 * {@code -Dmemray.updateScreens=true} (or {@code MEMRAY_UPDATE_SCREENS=true}) to write the files
 * from the current layout instead, then review the change with {@code git diff}.
 */
final class GoldenScreens {

    private static final String FOLDER = "screens/";

    private GoldenScreens() {
    }

    static void check(String name, Screen screen) throws IOException {
        String actual = strip(screen.plainText());
        if (updating()) {
            Path file = Path.of(System.getProperty("basedir", "."), "src", "test", "resources",
                    FOLDER + name + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = GoldenScreens.class.getClassLoader()
                .getResourceAsStream(FOLDER + name + ".txt")) {
            assertThat(in).as("golden screen %s (regenerate with -Dmemray.updateScreens=true)",
                    name).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).as("screen %s", name).isEqualTo(expected);
        }
    }

    private static boolean updating() {
        return Boolean.getBoolean("memray.updateScreens")
                || "true".equalsIgnoreCase(System.getenv("MEMRAY_UPDATE_SCREENS"));
    }

    /** Trailing spaces are not part of what a user sees; they are left out of the files. */
    private static String strip(String text) {
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
    }
}
