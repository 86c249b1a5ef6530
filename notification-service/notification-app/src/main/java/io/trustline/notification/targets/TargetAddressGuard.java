package io.trustline.notification.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps webhooks away from Trustline's own network: a partner's URL must be https and every address its host
 * resolves to must be public, checked when the endpoint is registered and again before each delivery, because
 * DNS can change in between. Development may allow plain http and some private ranges, never the cloud metadata
 * service.
 */
@ApplicationScoped
public class TargetAddressGuard {

    public static final String ALLOW_HTTP = "trustline.webhooks.allow-http";
    public static final String ALLOW_PRIVATE_ADDRESSES = "trustline.webhooks.allow-private-addresses";
    public static final String ACCEPT_UNRESOLVABLE_HOSTS = "trustline.webhooks.accept-unresolvable-hosts";

    /** Resolves a host name to all of its addresses; {@link InetAddress#getAllByName} outside unit tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog");
    /** Four decimal numbers 0–255 without leading zeros: the one numeric host form every parser reads alike. */
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    /** A last label that is a number (WHATWG URL "ends in a number"): the host is then read as an IPv4 address. */
    private static final Pattern ENDS_IN_NUMBER = Pattern.compile("(^|\\.)(\\d+|0[xX][0-9a-fA-F]*)\\.?$");

    private final boolean allowHttp;
    private final Set<AddressKind> allowedKinds;
    private final boolean acceptUnresolvableHosts;
    private final Resolver resolver;

    @Inject
    public TargetAddressGuard(@ConfigProperty(name = ALLOW_HTTP, defaultValue = "false") boolean allowHttp,
                              @ConfigProperty(name = ALLOW_PRIVATE_ADDRESSES, defaultValue = "false") List<String> allowPrivateAddresses,
                              @ConfigProperty(name = ACCEPT_UNRESOLVABLE_HOSTS, defaultValue = "false") boolean acceptUnresolvableHosts) {
        this(allowHttp, allowedKinds(allowPrivateAddresses), acceptUnresolvableHosts, InetAddress::getAllByName);
    }

    TargetAddressGuard(boolean allowHttp, Set<AddressKind> allowedKinds, boolean acceptUnresolvableHosts, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowedKinds = Set.copyOf(allowedKinds);
        this.acceptUnresolvableHosts = acceptUnresolvableHosts;
        this.resolver = resolver;
    }

    /**
     * Refuses a URL a partner registers unless it is safe to call now. A host that does not resolve is refused too
     * (unless {@value #ACCEPT_UNRESOLVABLE_HOSTS}): it could only be checked once it resolves, at delivery.
     *
     * @throws TargetRefused saying why
     */
    public void checkAtRegistration(URI url) {
        String host = checkForm(url);
        check(url, host, acceptUnresolvableHosts);
    }

    /**
     * Refuses to call a registered URL whose host now resolves to a forbidden address, or no longer resolves.
     * Resolves afresh each time (through the JVM's DNS cache, which the HTTP client's connect then reads too).
     *
     * @throws TargetRefused saying why
     */
    public void checkBeforeDelivery(URI url) {
        String host = checkForm(url);
        check(url, host, false);
    }

    /** The checks that need no DNS; answers the host to resolve. */
    private String checkForm(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new TargetRefused(url, allowHttp ? "must be an http or https URL" : "must be https");
        }
        if (url.getRawUserInfo() != null) {
            throw new TargetRefused(url, "must not contain user-info (user:password@)");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            // java.net.URI leaves the host empty for forms it cannot read as a server: 127.1, 0x7f.0.0.1, a_b.example
            throw new TargetRefused(url, "has no host name or IP address that can be read unambiguously: "
                    + url.getRawAuthority());
        }
        if (host.startsWith("[")) {
            if (host.contains("%")) {
                throw new TargetRefused(url, "must not name an IPv6 zone (" + host + ")");
            }
            return host.substring(1, host.length() - 1);
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (ENDS_IN_NUMBER.matcher(name).find() && !DOTTED_QUAD.matcher(name).matches()) {
            throw new TargetRefused(url, "has an ambiguous numeric host " + host
                    + "; write an IPv4 address as four decimal numbers without leading zeros, such as 203.0.113.7");
        }
        if (METADATA_NAMES.contains(name.endsWith(".") ? name.substring(0, name.length() - 1) : name)) {
            throw new TargetRefused(url, "names the cloud metadata service " + host);
        }
        return host;
    }

    private void check(URI url, String host, boolean acceptUnresolvable) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException unresolvable) {
            if (acceptUnresolvable) {
                return;
            }
            throw new TargetRefused(url, "has a host that does not resolve: " + host);
        }
        // every address: a client may connect to any of them, and an attacker needs only one
        for (InetAddress address : addresses) {
            AddressKind kind = AddressKind.of(address);
            if (kind != AddressKind.PUBLIC && !allowedKinds.contains(kind)) {
                throw new TargetRefused(url, "resolves to " + kind.description() + " " + address.getHostAddress());
            }
        }
    }

    /**
     * Reads {@value #ALLOW_PRIVATE_ADDRESSES}: {@code false} (none), {@code true} (every kind development may
     * allow), or a list of kinds such as {@code loopback} or {@code loopback,private}.
     */
    static Set<AddressKind> allowedKinds(List<String> values) {
        Set<AddressKind> kinds = EnumSet.noneOf(AddressKind.class);
        for (String value : values) {
            String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.equals("FALSE") || name.equals("NONE") || name.isEmpty()) {
                continue;
            }
            if (name.equals("TRUE")) {
                EnumSet.allOf(AddressKind.class).stream().filter(AddressKind::allowableForDevelopment).forEach(kinds::add);
                continue;
            }
            AddressKind kind = allowableKind(name);
            if (kind == null) {
                throw new IllegalArgumentException(ALLOW_PRIVATE_ADDRESSES + " may be false, true or a list of "
                        + "loopback, private, link-local, shared; not '" + value + "'");
            }
            kinds.add(kind);
        }
        return kinds;
    }

    private static AddressKind allowableKind(String name) {
        for (AddressKind kind : AddressKind.values()) {
            if (kind.name().equals(name) && kind.allowableForDevelopment()) {
                return kind;
            }
        }
        return null;
    }
}
