package io.github.memrayjvm.renderer.text.view;

/** What a key asks the live view to do. */
public enum Command {
    /** Sort by total bytes ({@code t}). */
    SORT_TOTAL,
    /** Sort by own bytes ({@code o}). */
    SORT_OWN,
    /** Sort by allocations ({@code a}). */
    SORT_ALLOCATIONS,
    /** Show the previous thread ({@code ←}). */
    PREVIOUS_THREAD,
    /** Show the next thread ({@code →}). */
    NEXT_THREAD,
    /** Merge all threads, or go back to one thread ({@code m}). */
    TOGGLE_MERGE,
    /** Show the next tracker's table ({@code n}, Tab). */
    NEXT_TRACKER,
    /** Switch between allocated and live figures, for trackers that report frees ({@code l}). */
    TOGGLE_FIGURES,
    /** Plot the next gauge ({@code g}). */
    NEXT_GAUGE,
    /** Scroll up one row. */
    UP,
    /** Scroll down one row. */
    DOWN,
    /** Scroll up one page. */
    PAGE_UP,
    /** Scroll down one page. */
    PAGE_DOWN,
    /** Scroll to the first row. */
    HOME,
    /** Scroll to the last page. */
    END,
    /** Pause or resume table updates ({@code space}). */
    TOGGLE_PAUSE,
    /** Draw the whole screen again (Ctrl-L). */
    REDRAW,
    /** Leave the view ({@code q}, Esc). */
    QUIT
}
