package dev.sluice.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; // FIPS 180-2 example

    @Test
    void of_matchesTheStandardTestVector() {
        assertThat(HexFormat.of().formatHex(Sha256.of("abc".getBytes(StandardCharsets.UTF_8)))).isEqualTo(ABC);
    }

    @Test
    void hex_givesThePrefixOfTheRequestedLength() {
        assertThat(Sha256.hex("abc", 32)).isEqualTo(ABC);
        assertThat(Sha256.hex("abc", 6)).isEqualTo(ABC.substring(0, 12));
        assertThat(Sha256.hex("東京", 32)).hasSize(64).isEqualTo(HexFormat.of().formatHex(Sha256.of("東京".getBytes(StandardCharsets.UTF_8))));
    }
}
