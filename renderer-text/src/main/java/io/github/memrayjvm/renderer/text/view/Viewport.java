package io.github.memrayjvm.renderer.text.view;

/**
 * Which rows of the table a screen shows.
 *
 * @param firstRow the index of the first row shown
 * @param pageRows how many rows fit on the screen
 * @param rowCount how many rows the table has
 */
public record Viewport(int firstRow, int pageRows, int rowCount) {

    /** Before anything was drawn. */
    public static final Viewport NONE = new Viewport(0, 0, 0);

    /** The highest first row that still fills the page. */
    public int lastFirstRow() {
        return Math.max(0, rowCount - pageRows);
    }

    /** {@code row} kept between 0 and {@link #lastFirstRow()}. */
    public int clamp(int row) {
        return Math.max(0, Math.min(row, lastFirstRow()));
    }
}
