package io.trustline.intake.integration;

import static io.trustline.intake.integration.IntegrationRequests.autotask;
import static io.trustline.intake.integration.IntegrationRequests.created;
import static io.trustline.intake.integration.IntegrationRequests.halo;
import static io.trustline.intake.integration.IntegrationRequests.uniqueSecret;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.platform.secrets.SecretBox;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IntegrationSecretsStorageTest {

    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;
    @ConfigProperty(name = IntegrationSecretKey.PROPERTY)
    String configuredKey;
    @Inject
    IntegrationSecrets secrets;

    @Test
    void theStoredDocument_holdsNoPlaintextSecret_andTheReceiversGetItDecrypted() {
        String webhookSecret = uniqueSecret("autotask-secret");
        String autotask = created(API_KEY_A, autotask("stored", webhookSecret));
        String username = uniqueSecret("halo-user");
        String password = uniqueSecret("halo-password");
        String halo = created(API_KEY_A, halo("stored", username, password));

        assertThat(raw(autotask).toJson()).doesNotContain(webhookSecret);
        assertThat(raw(halo).toJson()).doesNotContain(username).doesNotContain(password);
        assertThat(secrets.decrypted(TENANT_A, autotask)).contains(new IntegrationCredentials.Autotask(webhookSecret));
        assertThat(secrets.decrypted(TENANT_A, halo)).contains(new IntegrationCredentials.Halo(username, password));
        assertThat(secrets.decrypted(TENANT_B, halo)).as("another tenant's").isEmpty();
        assertThat(new IntegrationCredentials.Halo(username, password).toString()).doesNotContain(username, password);
    }

    @Test
    void aStoredSecret_opensWithTheConfiguredKeyOnly_andForItsOwnIntegrationOnly() {
        String webhookSecret = uniqueSecret("autotask-secret");
        String id = created(API_KEY_A, autotask("sealed", webhookSecret));
        String other = created(API_KEY_A, autotask("other", uniqueSecret("s")));
        String sealed = raw(id).get("secrets", Document.class).getString("webhookSecret");

        assertThat(SecretBox.fromBase64(IntegrationSecretKey.PROPERTY, configuredKey).open(sealed, id)).isEqualTo(webhookSecret);
        assertThatThrownBy(() -> SecretBox.fromBase64(IntegrationSecretKey.PROPERTY, randomKey()).open(sealed, id))
                .isInstanceOf(SecretBox.SecretNotOpened.class);
        assertThatThrownBy(() -> SecretBox.fromBase64(IntegrationSecretKey.PROPERTY, configuredKey).open(sealed, other))
                .as("moved to another integration").isInstanceOf(SecretBox.SecretNotOpened.class);
    }

    @Test
    void theSameSecretSealedTwice_differs() {
        SecretBox box = SecretBox.fromBase64(IntegrationSecretKey.PROPERTY, configuredKey);
        assertThat(box.seal("same", "id")).isNotEqualTo(box.seal("same", "id"));
        assertThatThrownBy(() -> SecretBox.fromBase64(IntegrationSecretKey.PROPERTY, Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    private Document raw(String id) {
        return mongo.getDatabase(database).getCollection(Integrations.COLLECTION).find(Filters.eq("_id", id)).first();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
