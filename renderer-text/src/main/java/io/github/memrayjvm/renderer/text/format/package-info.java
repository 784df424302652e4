/**
 * Pure text formatting for the live view: sizes, durations, percentages, counts, cell padding
 * and truncation by display width, shortening of names, and fitting table columns into a width.
 * Every class here is stateless and safe to use from any thread.
 */
package io.github.memrayjvm.renderer.text.format;
