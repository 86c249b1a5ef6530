package io.trustline.notification.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "93.184.215.14, PUBLIC",
            "8.8.8.8, PUBLIC",
            "172.15.255.255, PUBLIC",
            "172.32.0.1, PUBLIC",
            "100.63.255.255, PUBLIC",
            "100.128.0.1, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.0.0.5, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE",
            "169.254.0.1, LINK_LOCAL",
            "169.254.169.254, METADATA",
            "100.100.100.200, METADATA",
            "100.64.0.1, SHARED",
            "100.127.255.255, SHARED",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "255.255.255.255, RESERVED",
            "240.0.0.1, RESERVED",
            "198.18.0.1, RESERVED",
            "192.0.0.170, RESERVED",
            "2606:2800:220:1:248:1893:25c8:1946, PUBLIC",
            "::1, LOOPBACK",
            "::, UNSPECIFIED",
            "fc00::1, PRIVATE",
            "fd12:3456::1, PRIVATE",
            "fec0::1, PRIVATE",
            "fe80::1, LINK_LOCAL",
            "febf::1, LINK_LOCAL",
            "fd00:ec2::254, METADATA",
            "ff02::1, MULTICAST",
            // IPv4 carried in IPv6: classified by the IPv4 address it reaches
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:10.0.0.5, PRIVATE",
            "::ffff:169.254.169.254, METADATA",
            "::ffff:8.8.8.8, PUBLIC",
            "::127.0.0.1, LOOPBACK",
            "::10.0.0.5, PRIVATE",
            "64:ff9b::10.0.0.5, PRIVATE",
            "64:ff9b::169.254.169.254, METADATA",
            "64:ff9b::8.8.8.8, PUBLIC",
            "2002:a00:5::1, PRIVATE",
            "2002:7f00:1::1, LOOPBACK",
            "2002:808:808::1, PUBLIC",
    })
    void classifiesLiteralAddresses(String literal, AddressKind expected) throws Exception {
        assertThat(AddressKind.of(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} as raw IPv6 bytes is {1}")
    @CsvSource({"127.0.0.1, LOOPBACK", "10.0.0.5, PRIVATE", "169.254.169.254, METADATA", "8.8.8.8, PUBLIC"})
    void classifiesAnIpv4MappedAddress_evenWhenTheJdkKeepsItAsIpv6(String ipv4, AddressKind expected) throws Exception {
        byte[] v4 = InetAddress.getByName(ipv4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        // Inet6Address.getByAddress keeps the 16 bytes, where InetAddress.getByAddress would turn them into IPv4
        assertThat(AddressKind.of(java.net.Inet6Address.getByAddress(null, mapped, -1))).isEqualTo(expected);
    }
}
