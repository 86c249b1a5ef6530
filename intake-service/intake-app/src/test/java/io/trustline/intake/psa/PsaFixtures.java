package io.trustline.intake.psa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The PSAs' documented webhook payloads kept under {@code src/test/resources/psa}, byte for byte. */
public final class PsaFixtures {

    private PsaFixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = PsaFixtures.class.getResourceAsStream("/psa/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture psa/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
