package com.newsdesk.core.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * What a rate limit counts a client address as. An IPv4 address is one client. An IPv6 host is usually given a whole
 * /64 (RFC 4291's interface identifiers, SLAAC, privacy addresses) and can take any of its 2^64 addresses at will, so
 * an IPv6 address counts as its /64; an IPv4-mapped IPv6 address counts as the IPv4 address.
 */
final class ClientAddress {
    private ClientAddress() {}

    static String counted(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        try {
            // a string with ':' is parsed as an IPv6 literal, never looked up in DNS
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address) {
                byte[] network = new byte[8];
                System.arraycopy(parsed.getAddress(), 0, network, 0, 8);
                return HexFormat.of().formatHex(network) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
