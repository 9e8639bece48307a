package fr.guichet.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The address a call comes from: the socket's peer, or, when the peer is a trusted proxy, the nearest address in
 * {@code Forwarded} (or else {@code X-Forwarded-For}) that is not itself a trusted proxy. Only address literals are
 * read (never a name to look up); an IPv6 client is known by its /64, what one subscriber usually holds.
 */
final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private final InetAddressSet trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = proxies(trustedProxies);
    }

    /** The set of trusted proxies; IllegalArgumentException names an entry that is not a CIDR block or address. */
    static InetAddressSet proxies(List<String> entries) {
        InetAddressSet set = new InetAddressSet();
        for (String entry : entries) {
            String e = entry.strip();
            String address = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
            if (literal(address).isEmpty() || !e.matches("[0-9a-fA-F:.]+(/[0-9]{1,3})?")) {
                throw new IllegalArgumentException("trusted proxy: not a CIDR block or an address: " + entry);
            }
            set.add(e);
        }
        return set;
    }

    String of(Context ctx) {
        Optional<InetAddress> peer = literal(ctx.req().getRemoteAddr());
        if (peer.isEmpty()) {
            return ctx.req().getRemoteAddr();
        }
        InetAddress client = peer.get();
        List<String> hops = forwardedHops(ctx);
        for (int i = hops.size() - 1; i >= 0 && trusted.test(client); i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return key(client);
    }

    private static List<String> forwardedHops(Context ctx) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = Collections.list(ctx.req().getHeaders("Forwarded"));
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    hops.add(forElement(element));
                }
            }
            return hops;
        }
        for (String header : Collections.list(ctx.req().getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /** The node named by {@code for=} in one element of {@code Forwarded} (RFC 7239), without quotes or port. */
    private static String forElement(String element) {
        for (String pair : element.split(";")) {
            String p = pair.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
                String node = p.substring(4).strip().replace("\"", "");
                if (node.startsWith("[")) {
                    int end = node.indexOf(']');
                    return end < 0 ? "" : node.substring(1, end);
                }
                int colon = node.indexOf(':');
                return colon >= 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
            }
        }
        return "";
    }

    private static Optional<InetAddress> literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }
}
