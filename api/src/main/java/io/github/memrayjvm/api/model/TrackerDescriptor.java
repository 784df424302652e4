package io.github.memrayjvm.api.model;

import java.util.Objects;

/**
 * What a running tracker's figures are, as the viewer shows them.
 *
 * @param name         the tracker's name, e.g. {@code "jfr"}; never {@code null}
 * @param memory       which memory it accounts for; never {@code null}
 * @param figures      the meaning of its main figures; never {@code null}
 * @param estimate     {@code true} when the figures are scaled up from samples
 * @param reportsFrees {@code true} when it reports frees, so that live figures (allocated minus
 *                     freed) can be shown besides allocated ones
 * @param gauge        the name of the gauge it publishes (e.g. {@code "native"}), or empty when
 *                     it publishes none; never {@code null}
 * @param detail       a short line on how the figures are made (e.g. "JFR allocation samples,
 *                     scaled by weight"), or empty; never {@code null}
 */
public record TrackerDescriptor(String name, Memory memory, Figures figures, boolean estimate,
                                boolean reportsFrees, String gauge, String detail) {

    public TrackerDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(gauge, "gauge");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code true} when this tracker publishes a gauge of its own. */
    public boolean hasGauge() {
        return !gauge.isEmpty();
    }
}
