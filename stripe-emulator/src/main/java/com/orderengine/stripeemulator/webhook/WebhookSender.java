package com.orderengine.stripeemulator.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** POSTs signed event payloads to one endpoint the way Stripe does, without blocking the caller. */
final class WebhookSender implements AutoCloseable {

    /** Stripe gives an endpoint this long to answer before counting the attempt as failed. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final String USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

    private final URI endpoint;
    private final ExecutorService executor;
    private final HttpClient client;

    WebhookSender(String url) {
        this.endpoint = requireHttpUrl(url);
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        this.client = HttpClient.newBuilder()
                // Plain HTTP/1.1 as Stripe sends; the JDK would otherwise offer an h2c upgrade some servers refuse.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    String url() {
        return endpoint.toString();
    }

    /** Completes with the endpoint's HTTP status, or exceptionally if it could not be reached in time. */
    CompletableFuture<Integer> post(String payload, String signatureHeader) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header("Stripe-Signature", signatureHeader)
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static URI requireHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("The webhook URL must be an absolute http(s) URL: " + url);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "stripe-emulator-webhook-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
