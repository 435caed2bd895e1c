package com.orderengine.bench.baseline;

import com.stripe.StripeClient;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline as its own process: the JDK's HTTP server with 64 request threads, a pool of 16 connections (as
 * config.yml's), and stripe-java configured as the engine's worker configures it. Started by the benchmark with
 * the same -Xmx as the local stack, so the two servers can be compared.
 */
public final class BaselineServer {

    static final int REQUEST_THREADS = 64;

    private BaselineServer() {}

    public static void main(String[] args) throws IOException {
        BaselineSettings settings = BaselineSettings.fromEnvironment(System.getenv());
        HikariDataSource database = pool(settings);
        StripeClient stripe = StripeClient.builder()
                .setApiKey(settings.stripeSecretKey())
                .setApiBase(settings.stripeApiBase())
                .setConnectTimeout(5_000)
                .setReadTimeout(20_000)
                .setMaxNetworkRetries(0)
                .build();

        ExecutorService requests = Executors.newFixedThreadPool(REQUEST_THREADS);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.port()), 1024);
        server.createContext("/checkout", new CheckoutHandler(new BaselineCheckout(database, stripe, settings)));
        server.setExecutor(requests);

        HttpServer admin = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.adminPort()), 16);
        admin.createContext("/metrics", new MetricsHandler());
        admin.setExecutor(Executors.newSingleThreadExecutor());

        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop(0);
                            admin.stop(0);
                            requests.shutdownNow();
                            database.close();
                        },
                        "baseline-shutdown"));
        server.start();
        admin.start();
        System.out.println("Baseline checkout on http://127.0.0.1:" + settings.port() + "/checkout");
    }

    private static HikariDataSource pool(BaselineSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword());
        config.setMaximumPoolSize(settings.poolMax());
        config.setMinimumIdle(2);
        config.setConnectionTimeout(5_000);
        config.setPoolName("baseline");
        return new HikariDataSource(config);
    }
}
