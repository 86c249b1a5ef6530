package io.trustline.testkit.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenJsonTest {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InvoiceRaised(String tenantId, String clientId, Instant occurredAt, BigDecimal amount, Payer payer) {

        InvoiceRaised {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payer(String name) {
    }

    /** Same fields as {@link InvoiceRaised} but no tolerance of unknown fields of its own. */
    record StrictInvoiceRaised(String tenantId, String clientId, Instant occurredAt, BigDecimal amount, Payer payer) {
    }

    private static InvoiceRaised golden() {
        return new InvoiceRaised("northwind-it", "acme-dental", Instant.parse("2026-03-02T08:15:00Z"),
                new BigDecimal("1200.50"), new Payer("Dana Whitfield"));
    }

    // compares even when the build runs with -Dtrustline.golden.update=true, which must not rewrite this test's files
    private static void compare(Object example) {
        GoldenJson.assertMatchesGolden(GoldenJson.publishedName(example.getClass()), example, false, Path.of("unused"));
    }

    @Test
    void anExampleEqualToItsGoldenFile_passes_whateverTheFieldOrder() {
        compare(golden());
    }

    @Test
    void aChangedValue_fails_namingTheGoldenFile() {
        InvoiceRaised renamed = new InvoiceRaised("northwind-it", "acme-dental", Instant.parse("2026-03-02T08:15:00Z"),
                new BigDecimal("1200.50"), new Payer("Dana W."));

        assertThatThrownBy(() -> compare(renamed))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("golden/InvoiceRaised.v1.json")
                .hasMessageContaining("Dana W.");
    }

    @Test
    void anAmountThatLostItsScale_fails() {
        InvoiceRaised rounded = new InvoiceRaised("northwind-it", "acme-dental", Instant.parse("2026-03-02T08:15:00Z"),
                new BigDecimal("1200.5"), new Payer("Dana Whitfield"));

        assertThatThrownBy(() -> compare(rounded)).isInstanceOf(AssertionError.class);
    }

    @Test
    void inUpdateMode_theGoldenFileIsWrittenFromTheExample_andReadBack(@TempDir Path sources) throws Exception {
        InvoiceRaised changed = new InvoiceRaised("northwind-it", "acme-dental", Instant.parse("2026-03-02T08:15:00Z"),
                new BigDecimal("99.90"), new Payer("Dana Whitfield"));

        GoldenJson.assertMatchesGolden("stored/InvoiceRaised.v2", changed, true, sources);

        String written = Files.readString(sources.resolve("stored/InvoiceRaised.v2.json"));
        assertThat(written).contains("\"amount\" : 99.90").endsWith("}\n");
        assertThat(GoldenJson.mapper().readValue(written, InvoiceRaised.class)).isEqualTo(changed);
    }

    @Test
    void aMissingGoldenFile_failsSayingHowToCreateIt() {
        assertThatThrownBy(() -> compare(new Payer("nobody")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/golden/Payer.v1.json")
                .hasMessageContaining("-Dtrustline.golden.update=true");
    }

    @Test
    void anEventThatToleratesUnknownFieldsItself_isReadDespiteFieldsAddedLater() {
        GoldenJson.assertReadDespiteFieldsAddedLater(golden());
    }

    @Test
    void anEventThatReliesOnTheReadersMapperForTolerance_fails() {
        StrictInvoiceRaised strict = new StrictInvoiceRaised("northwind-it", "acme-dental",
                Instant.parse("2026-03-02T08:15:00Z"), new BigDecimal("1200.50"), new Payer("Dana Whitfield"));

        assertThatThrownBy(() -> GoldenJson.assertReadDespiteFieldsAddedLater(strict)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aConsumersExample_variesIds_andKeepsTheRestOfTheGoldenFile() {
        InvoiceRaised value = GoldenJson.example(InvoiceRaised.class)
                .with("tenantId", "tenant-a").with("clientId", "client-1").with("payer.name", "Sam")
                .with("occurredAt", Instant.parse("2027-01-01T00:00:00Z"))
                .value();

        assertThat(value).isEqualTo(new InvoiceRaised("tenant-a", "client-1", Instant.parse("2027-01-01T00:00:00Z"),
                new BigDecimal("1200.50"), new Payer("Sam")));
    }

    @Test
    void aConsumersExample_isTheGoldenJsonItself_andVaryingItLeavesTheOriginalAlone() {
        GoldenExample<InvoiceRaised> example = GoldenJson.example(InvoiceRaised.class);

        example.with("clientId", "client-1");

        assertThat(new String(example.bytes(), StandardCharsets.UTF_8)).contains("1200.50");
        assertThat(example.text("clientId")).isEqualTo("acme-dental");
        assertThat(example.instant("occurredAt")).isEqualTo(Instant.parse("2026-03-02T08:15:00Z"));
        assertThat(example.tree()).isEqualTo(GoldenJson.tree("InvoiceRaised.v1"));
    }

    @Test
    void aConsumersExample_withoutARequiredField_isRejectedWhenRead() {
        GoldenExample<InvoiceRaised> withoutClient = GoldenJson.example(InvoiceRaised.class).without("clientId");

        assertThatThrownBy(withoutClient::value)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("clientId");
    }

    @Revision("3")
    record InvoiceCancelled(String invoiceId) {
    }

    @Test
    void aStoredEvent_isFrozenUnderStored_byItsStreamNameAndRevision() {
        assertThat(GoldenJson.storedName(InvoiceCancelled.class)).isEqualTo("stored/GoldenJsonTest.InvoiceCancelled.v3");
    }

    @Test
    void aStoredEventWithoutARevision_fails() {
        assertThatThrownBy(() -> GoldenJson.storedName(Payer.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("@Revision");
    }
}
