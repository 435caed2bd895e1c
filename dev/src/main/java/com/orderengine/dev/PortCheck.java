package com.orderengine.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fails fast, before anything starts, when a port the stack needs is taken. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(String what, int port, String variable) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + what + ") is already in use. Stop whatever "
                    + "uses it, or choose another port with " + variable + "=<port>.");
        }
    }
}
