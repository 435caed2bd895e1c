package com.orderengine.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Ports nobody listens on right now; all sockets stay open until every port is chosen, so none repeats. */
public final class FreePorts {

    private FreePorts() {}

    /**
     * Free ports in {@code [from, to)}, tried at random. For a server that stores its ports where they must fit
     * (temporal-server keeps membership ports in a SMALLINT column: at most 32767); below Linux's ephemeral range
     * (32768 and up), no outgoing connection takes one of them meanwhile either.
     */
    public static List<Integer> pickBetween(int count, int from, int to) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int attempt = 0; ports.size() < count; attempt++) {
                if (attempt > 1000) {
                    throw new IllegalStateException("no " + count + " free ports between " + from + " and " + to);
                }
                int port = ThreadLocalRandom.current().nextInt(from, to);
                if (ports.contains(port)) {
                    continue;
                }
                ServerSocket socket = new ServerSocket();
                try {
                    socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                    sockets.add(socket);
                    ports.add(port);
                } catch (IOException taken) {
                    socket.close();
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeAll(sockets);
        }
    }

    public static List<Integer> pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeAll(sockets);
        }
    }

    private static void closeAll(List<ServerSocket> sockets) {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a probe socket cannot matter
            }
        }
    }
}
