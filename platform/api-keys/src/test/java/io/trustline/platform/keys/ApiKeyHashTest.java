package io.trustline.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyHashTest {

    @Test
    void sha256Hex_matchesTheStandardTestVector() {
        assertThat(ApiKeyHash.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sha256Hex_hashesTheUtf8Bytes() {
        // SHA-256 of the two UTF-8 bytes C3 A9 ("é"), not of a platform-charset encoding
        assertThat(ApiKeyHash.sha256Hex("\u00e9")).isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }
}
