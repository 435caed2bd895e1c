package com.orderengine.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails fast, before anything starts, when a port the stack needs is taken. */
final class PortCheck {

    private PortCheck() {}

    static void requireFree(String what, int port, String variable) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the servers themselves bind: a port in TIME_WAIT after a restart counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + what + ") is already in use. Stop whatever "
                    + "uses it, or choose another port with " + variable + "=<port>.");
        }
    }
}
