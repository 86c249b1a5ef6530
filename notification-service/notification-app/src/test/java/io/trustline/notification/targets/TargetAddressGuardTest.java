package io.trustline.notification.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.platform.failure.FailureKind;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAddressGuardTest {

    /** Production settings: https only, public addresses only. */
    private final TargetAddressGuard strict = new TargetAddressGuard(false, Set.of(), false, InetAddress::getAllByName);

    @Test
    void aPublicHttpsUrl_isAccepted() {
        assertThatCode(() -> strict.checkAtRegistration(URI.create("https://93.184.215.14/hooks"))).doesNotThrowAnyException();
        assertThatCode(() -> strict.checkBeforeDelivery(URI.create("https://[2606:2800:220:1:248:1893:25c8:1946]:8443/h")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "https://10.0.0.5/hook | resolves to a private address 10.0.0.5",
            "https://169.254.169.254/latest | resolves to the cloud metadata address 169.254.169.254",
            "https://[fd00:ec2::254]/latest | resolves to the cloud metadata address fd00:ec2:0:0:0:0:0:254",
            "https://metadata.google.internal/computeMetadata/v1/ | names the cloud metadata service metadata.google.internal",
            "https://METADATA.google.internal./x | names the cloud metadata service METADATA.google.internal.",
            "https://127.0.0.1:8080/hook | resolves to a loopback address 127.0.0.1",
            "https://localhost/hook | resolves to a loopback address 127.0.0.1",
            "https://[::1]/hook | resolves to a loopback address 0:0:0:0:0:0:0:1",
            "https://[::ffff:10.0.0.5]/hook | resolves to a private address 10.0.0.5",
            "https://[::ffff:a9fe:a9fe]/hook | resolves to the cloud metadata address 169.254.169.254",
            "https://[fe80::1]/hook | resolves to a link-local address fe80:0:0:0:0:0:0:1",
            "https://[fc00::1]/hook | resolves to a private address fc00:0:0:0:0:0:0:1",
            "https://100.64.1.1/hook | resolves to a carrier-grade NAT address 100.64.1.1",
            "https://0.0.0.0/hook | resolves to an unspecified address 0.0.0.0",
            "https://[::]/hook | resolves to an unspecified address 0:0:0:0:0:0:0:0",
            "https://224.0.0.1/hook | resolves to a multicast address 224.0.0.1",
            "http://93.184.215.14/hooks | must be https",
            "ftp://93.184.215.14/hooks | must be https",
            "https://partner:secret@93.184.215.14/hooks | must not contain user-info (user:password@)",
            "https://[fe80::1%25eth0]/hook | must not name an IPv6 zone ([fe80::1%25eth0])",
    })
    void aForbiddenTarget_isRefused_sayingWhy(String url, String reason) {
        assertThatThrownBy(() -> strict.checkAtRegistration(URI.create(url)))
                .isInstanceOf(TargetRefused.class)
                .extracting(e -> ((TargetRefused) e).reason()).isEqualTo(reason);
        assertThatThrownBy(() -> strict.checkBeforeDelivery(URI.create(url))).isInstanceOf(TargetRefused.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://2130706433/hook",      // decimal 127.0.0.1: InetAddress reads it so
            "https://0x7f000001/hook",      // hex 127.0.0.1 to curl and browsers
            "https://0177.0.0.1/hook",      // octal 127.0.0.1 to curl, 177.0.0.1 to Java
            "https://010.0.0.5/hook",
            "https://10.0.0.05/hook",
            "https://0/hook",
    })
    void anAmbiguousNumericHost_isRefused_beforeAnyLookup(String url) {
        TargetAddressGuard guard = new TargetAddressGuard(false, Set.of(), true, host -> {
            throw new AssertionError("looked up " + host);
        });
        assertThatThrownBy(() -> guard.checkAtRegistration(URI.create(url)))
                .isInstanceOf(TargetRefused.class)
                .extracting(e -> ((TargetRefused) e).reason()).asString().startsWith("has an ambiguous numeric host");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://127.1/hook", "https://0x7f.0.0.1/hook", "https://10.0.0.5./hook", "https://a_b.example/hook",
            "https://1.2.3.4.5/hook", "https://foo.123/hook"})
    void aHostJavaCannotReadAsAServer_isRefused(String url) {
        assertThatThrownBy(() -> strict.checkAtRegistration(URI.create(url)))
                .isInstanceOf(TargetRefused.class)
                .extracting(e -> ((TargetRefused) e).reason()).asString()
                .startsWith("has no host name or IP address that can be read unambiguously");
    }

    @Test
    void everyResolvedAddressCounts_notJustTheFirst() {
        TargetAddressGuard guard = new TargetAddressGuard(false, Set.of(), false,
                host -> new InetAddress[]{InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.5")});
        assertThatThrownBy(() -> guard.checkAtRegistration(URI.create("https://partner.example/hooks")))
                .isInstanceOf(TargetRefused.class)
                .extracting(e -> ((TargetRefused) e).reason()).isEqualTo("resolves to a private address 10.0.0.5");
    }

    @Test
    void anUnresolvableHost_isRefusedAtRegistration_unlessConfiguredToAcceptIt_butNeverCalled() {
        TargetAddressGuard.Resolver nothing = host -> {
            throw new UnknownHostException(host);
        };
        URI url = URI.create("https://partner.example/hooks");
        assertThatThrownBy(() -> new TargetAddressGuard(false, Set.of(), false, nothing).checkAtRegistration(url))
                .extracting(e -> ((TargetRefused) e).reason()).isEqualTo("has a host that does not resolve: partner.example");

        TargetAddressGuard lenient = new TargetAddressGuard(false, Set.of(), true, nothing);
        assertThatCode(() -> lenient.checkAtRegistration(url)).doesNotThrowAnyException();
        assertThatThrownBy(() -> lenient.checkBeforeDelivery(url))
                .extracting(e -> ((TargetRefused) e).reason()).isEqualTo("has a host that does not resolve: partner.example");
    }

    @Test
    void aHostThatResolvesElsewhereLater_isRefusedAtDelivery_asAPartnersFailure() throws Exception {
        AtomicReference<InetAddress> dns = new AtomicReference<>(InetAddress.getByName("93.184.215.14"));
        TargetAddressGuard guard = new TargetAddressGuard(false, Set.of(), false, host -> new InetAddress[]{dns.get()});
        URI url = URI.create("https://partner.example/hooks");
        guard.checkAtRegistration(url);

        dns.set(InetAddress.getByName("169.254.169.254"));

        assertThatThrownBy(() -> guard.checkBeforeDelivery(url))
                .isInstanceOf(TargetRefused.class)
                .hasMessage("webhook URL https://partner.example/hooks is not called: it resolves to the cloud metadata "
                        + "address 169.254.169.254")
                .satisfies(e -> assertThat(FailureKind.of(e)).isEqualTo(FailureKind.INPUT));
    }

    @Test
    void developmentSettings_allowHttpAndLoopback_butNotOtherPrivateRangesNorMetadata() {
        TargetAddressGuard dev = new TargetAddressGuard(true, List.of("loopback"), false);
        assertThatCode(() -> dev.checkAtRegistration(URI.create("http://127.0.0.1:8089/hooks"))).doesNotThrowAnyException();
        assertThatCode(() -> dev.checkAtRegistration(URI.create("http://localhost:8089/hooks"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> dev.checkAtRegistration(URI.create("http://10.0.0.5/hooks")))
                .extracting(e -> ((TargetRefused) e).reason()).isEqualTo("resolves to a private address 10.0.0.5");
        assertThatThrownBy(() -> dev.checkAtRegistration(URI.create("ftp://127.0.0.1/hooks")))
                .extracting(e -> ((TargetRefused) e).reason()).isEqualTo("must be an http or https URL");

        TargetAddressGuard everything = new TargetAddressGuard(true, List.of("true"), false);
        assertThatCode(() -> everything.checkAtRegistration(URI.create("http://10.0.0.5/hooks"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> everything.checkAtRegistration(URI.create("http://169.254.169.254/latest")))
                .extracting(e -> ((TargetRefused) e).reason())
                .isEqualTo("resolves to the cloud metadata address 169.254.169.254");
    }

    @Test
    void allowPrivateAddresses_readsFalseTrueOrAListOfKinds_andRefusesKindsNeverAllowed() {
        assertThat(TargetAddressGuard.allowedKinds(List.of("false"))).isEmpty();
        assertThat(TargetAddressGuard.allowedKinds(List.of("loopback", "link-local")))
                .containsExactlyInAnyOrder(AddressKind.LOOPBACK, AddressKind.LINK_LOCAL);
        assertThat(TargetAddressGuard.allowedKinds(List.of("true")))
                .isEqualTo(EnumSet.of(AddressKind.LOOPBACK, AddressKind.PRIVATE, AddressKind.LINK_LOCAL, AddressKind.SHARED));
        assertThatThrownBy(() -> TargetAddressGuard.allowedKinds(List.of("metadata")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TargetAddressGuard.ALLOW_PRIVATE_ADDRESSES);
    }
}
