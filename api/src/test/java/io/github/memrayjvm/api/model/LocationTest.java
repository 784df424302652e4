package io.github.memrayjvm.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Locations are hash keys (the recorder interns them): equal by all three parts, and only so. */
class LocationTest {

    @Test
    void equalByFunctionFileAndDomainWithTheSameHash() {
        Location a = new Location("Cache.put", "Cache.java", Domain.JAVA);
        Location b = new Location(new String("Cache.put"), new String("Cache.java"), Domain.JAVA);
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(Location.java("Cache", "put", "Cache.java")).isEqualTo(a);
    }

    @Test
    void differentInAnyPartIsAnotherLocation() {
        Location a = new Location("malloc", "libc.so.6", Domain.NATIVE);
        assertThat(a).isNotEqualTo(new Location("free", "libc.so.6", Domain.NATIVE))
                .isNotEqualTo(new Location("malloc", "libz.so.1", Domain.NATIVE))
                .isNotEqualTo(new Location("malloc", "libc.so.6", Domain.JAVA))
                .isNotEqualTo(null)
                .isNotEqualTo("malloc");
    }
}
