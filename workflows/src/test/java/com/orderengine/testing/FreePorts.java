package com.orderengine.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Free ports for servers a test starts in another process (PostgreSQL, Temporal's dev server and its UI, the
 * applications). They come from below Linux's ephemeral range (32768 and up): a port from {@code new
 * ServerSocket(0)} is the kind the kernel hands the next outgoing connection too, so between choosing it and the
 * child binding it, any client of this machine (one polling a server that is still starting, for one) can take it
 * and the child fails with "address already in use". No port is handed out twice in one JVM.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int COUNT = 12_000;
    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {}

    public static synchronized int next() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FIRST + RANDOM.nextInt(COUNT);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                HANDED_OUT.add(port);
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + (FIRST + COUNT));
    }
}
