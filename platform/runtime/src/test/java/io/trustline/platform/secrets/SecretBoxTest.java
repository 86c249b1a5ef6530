package io.trustline.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String PROPERTY = "trustline.example.secret-key";

    @Test
    void aSealedSecret_opensWithTheSameKey_forTheSameRecordOnly() {
        SecretBox box = SecretBox.fromBase64(PROPERTY, randomKey());
        String sealed = box.seal("whsec_abc", "record-1");

        assertThat(sealed).startsWith("v1:").doesNotContain("whsec_abc");
        assertThat(box.open(sealed, "record-1")).isEqualTo("whsec_abc");
        assertThatThrownBy(() -> box.open(sealed, "record-2")).isInstanceOf(SecretBox.SecretNotOpened.class)
                .hasMessageContaining(PROPERTY).hasMessageNotContaining("whsec_abc");
        assertThatThrownBy(() -> SecretBox.fromBase64(PROPERTY, randomKey()).open(sealed, "record-1"))
                .isInstanceOf(SecretBox.SecretNotOpened.class);
    }

    @Test
    void aKeyThatIsNot32Bytes_isRefused_namingTheProperty() {
        assertThatThrownBy(() -> SecretBox.fromBase64(PROPERTY, Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PROPERTY).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.fromBase64(PROPERTY, "not base64!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PROPERTY);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
