package io.trustline.notification.targets;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/** What an IP address is, as far as calling a partner there is concerned. */
public enum AddressKind {

    PUBLIC("a public address", false),
    LOOPBACK("a loopback address", true),
    /** 10/8, 172.16/12, 192.168/16, fc00::/7, and the deprecated IPv6 site-local fec0::/10. */
    PRIVATE("a private address", true),
    /** 169.254/16, fe80::/10. */
    LINK_LOCAL("a link-local address", true),
    /** 100.64/10, the carrier-grade NAT range (RFC 6598). */
    SHARED("a carrier-grade NAT address", true),
    /** 0/8 and {@code ::}: "this host", which reaches the local machine on most systems. */
    UNSPECIFIED("an unspecified address", false),
    MULTICAST("a multicast address", false),
    /** 240/4 (with the broadcast address), 192.0.0/24, 198.18/15: never a partner's server. */
    RESERVED("a reserved address", false),
    /** The cloud instance metadata services: a webhook there would hand out the host's credentials. */
    METADATA("the cloud metadata address", false);

    private static final byte[] AWS_IPV6_METADATA = address("fd00:ec2::254");
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private final String description;
    private final boolean allowableForDevelopment;

    AddressKind(String description, boolean allowableForDevelopment) {
        this.description = description;
        this.allowableForDevelopment = allowableForDevelopment;
    }

    /** E.g. "a private address", to be followed by the address. */
    public String description() {
        return description;
    }

    /** Whether configuration may let webhooks reach this kind (local runs and tests call receivers on loopback). */
    public boolean allowableForDevelopment() {
        return allowableForDevelopment;
    }

    public static AddressKind of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? ofIpv4(bytes) : ofIpv6(bytes);
    }

    private static AddressKind ofIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        int fourth = b[3] & 0xff;
        if (first == 169 && second == 254 && third == 169 && fourth == 254
                || first == 100 && second == 100 && third == 100 && fourth == 200) { // AWS, GCP, Azure; Alibaba
            return METADATA;
        }
        if (first == 0) {
            return UNSPECIFIED;
        }
        if (first == 127) {
            return LOOPBACK;
        }
        if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
            return PRIVATE;
        }
        if (first == 169 && second == 254) {
            return LINK_LOCAL;
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return SHARED;
        }
        if (first >= 224 && first < 240) {
            return MULTICAST;
        }
        if (first >= 240 || first == 192 && second == 0 && third == 0 || first == 198 && (second & 0xfe) == 18) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] b) {
        if (Arrays.equals(b, AWS_IPV6_METADATA)) {
            return METADATA;
        }
        if (allZero(b, 0, 15)) {
            return b[15] == 0 ? UNSPECIFIED : b[15] == 1 ? LOOPBACK : ofIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        // forms that carry an IPv4 address: what they reach is what that address is
        boolean mapped = allZero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = allZero(b, 0, 12);
        boolean nat64 = Arrays.equals(Arrays.copyOfRange(b, 0, 12), NAT64_PREFIX);
        if (mapped || compatible || nat64) {
            return ofIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0x20 && b[1] == 0x02) { // 6to4: 2002:AABB:CCDD::/48 embeds AA.BB.CC.DD
            AddressKind embedded = ofIpv4(Arrays.copyOfRange(b, 2, 6));
            if (embedded != PUBLIC) {
                return embedded;
            }
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return PRIVATE;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return PRIVATE;
        }
        if (first == 0xff) {
            return MULTICAST;
        }
        return PUBLIC;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
