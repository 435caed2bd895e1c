package com.orderengine.api.account;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client address a throttle counts by. An IPv6 client usually holds a whole /64 and can pick any address in
 * it, so IPv6 addresses count by their /64. Behind a proxy this is the proxy's address unless Dropwizard's
 * {@code useForwardedHeaders} is on (see docs/accounts.md).
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isEmpty()) {
            return "unknown";
        }
        if (!remoteAddress.contains(":")) {
            return remoteAddress;
        }
        try {
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return remoteAddress;
        }
    }
}
