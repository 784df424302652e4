package io.github.memrayjvm.renderer.text.format;

import io.github.memrayjvm.api.model.Domain;
import io.github.memrayjvm.api.model.Location;

/**
 * Shortens location names to a width while keeping what identifies them: a Java method keeps its
 * class and method name and loses package letters first ({@code c.e.cache.Cache.put}), then its
 * beginning; a native symbol keeps its beginning; a file or library path loses its folders, then
 * the beginning of its name.
 */
public final class Names {

    private Names() {
    }

    /** The function of {@code location}, printable, at most {@code width} columns wide. */
    public static String function(Location location, int width, String ellipsis) {
        String name = Cells.printable(location.function());
        if (Cells.width(name) <= width) {
            return name;
        }
        if (location.domain() == Domain.JAVA) {
            return shortenJava(name, width, ellipsis);
        }
        return Cells.truncateEnd(name, width, ellipsis);
    }

    /** A source file or library path, printable, at most {@code width} columns wide. */
    public static String file(String path, int width, String ellipsis) {
        String file = Cells.printable(path);
        if (Cells.width(file) <= width) {
            return file;
        }
        int slash = file.lastIndexOf('/');
        String name = slash >= 0 && slash < file.length() - 1 ? file.substring(slash + 1) : file;
        return Cells.truncateStart(name, width, ellipsis);
    }

    /**
     * Abbreviates packages; then leaves out whole leading segments (marked with the ellipsis);
     * then cuts characters from the start.
     */
    private static String shortenJava(String name, int width, String ellipsis) {
        String abbreviated = abbreviatePackages(name, width);
        if (Cells.width(abbreviated) <= width) {
            return abbreviated;
        }
        String rest = abbreviated;
        int dot = rest.indexOf('.');
        while (dot >= 0 && rest.indexOf('.', dot + 1) >= 0) {
            rest = rest.substring(dot + 1);
            if (Cells.width(ellipsis) + Cells.width(rest) <= width) {
                return ellipsis + rest;
            }
            dot = rest.indexOf('.');
        }
        return Cells.truncateStart(abbreviated, width, ellipsis);
    }

    /**
     * Shortens package segments (all but the last two dot-separated parts: class and method) to
     * their first letter, from the left, until the name fits or every package is one letter.
     */
    static String abbreviatePackages(String name, int width) {
        String[] parts = name.split("\\.", -1);
        if (parts.length <= 2) {
            return name;
        }
        int packages = parts.length - 2;
        for (int i = 0; i < packages && Cells.width(String.join(".", parts)) > width; i++) {
            if (!parts[i].isEmpty()) {
                parts[i] = parts[i].substring(0, Character.charCount(parts[i].codePointAt(0)));
            }
        }
        return String.join(".", parts);
    }
}
