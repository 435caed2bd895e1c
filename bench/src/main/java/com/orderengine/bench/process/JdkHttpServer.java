package com.orderengine.bench.process;

/** A JVM flag for the child JVMs that serve HTTP with the JDK's {@code com.sun.net.httpserver}. */
public final class JdkHttpServer {

    /**
     * The JDK's HTTP server leaves Nagle's algorithm on unless told otherwise, and it writes the headers and the
     * body of an answer separately: the body then waits for the client's delayed ACK, about 40 ms on Linux.
     * Measured here: the baseline's checkout at one client took 60 ms with it on and 16 ms with it off. Neither
     * Stripe nor the engine's Jetty (TCP_NODELAY by default) has that stall, so neither may the baseline or the
     * emulator.
     */
    public static final String NO_DELAY = "-Dsun.net.httpserver.nodelay=true";

    private JdkHttpServer() {}
}
