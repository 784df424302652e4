package io.github.memrayjvm.api.aggregate;

import io.github.memrayjvm.api.model.Location;

/**
 * One location's figures in a {@link LocationTable}.
 *
 * @param locationId     the location's id in the session
 * @param location       the location
 * @param total          bytes attributed to it and everything it called (each stack counted
 *                       once, however often the location appears on it)
 * @param own            bytes attributed to it as the innermost frame
 * @param allocations    allocations attributed to it and everything it called
 * @param ownAllocations allocations attributed to it as the innermost frame
 */
public record LocationRow(int locationId, Location location, long total, long own,
                          long allocations, long ownAllocations) {
}
