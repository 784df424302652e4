package io.github.memrayjvm.api.model;

/** What a tracker's byte and count figures mean. */
public enum Figures {
    /** Bytes and counts allocated since tracking started, freed or not. */
    ALLOCATED("allocated"),
    /** Bytes and counts allocated and not yet freed. */
    LIVE("live");

    private final String label;

    Figures(String label) {
        this.label = label;
    }

    /** The lower-case name used in JSON and on screen. */
    public String label() {
        return label;
    }
}
