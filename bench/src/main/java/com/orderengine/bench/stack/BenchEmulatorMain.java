package com.orderengine.bench.stack;

import com.orderengine.dev.OrderLogTagger;
import com.orderengine.stripeemulator.StripeEmulator;
import com.orderengine.stripeemulator.StripeEmulatorOptions;
import com.stripe.Stripe;
import java.util.concurrent.CountDownLatch;

/**
 * The Stripe emulator the engine and the baseline share during a run, in its own JVM: it has no webhook URL, so
 * paying a session sends nothing and the benchmark's own signed event is the only one the engine receives; and it
 * keeps its state in memory, so it never rewrites a state file holding every session of the run.
 */
public final class BenchEmulatorMain {

    private BenchEmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        StripeEmulator emulator = StripeEmulator.start(StripeEmulatorOptions.defaults()
                .withHost("127.0.0.1")
                .withPort(Integer.parseInt(System.getenv("STRIPE_EMULATOR_PORT")))
                .withApiVersion(Stripe.API_VERSION)
                .withLogTagger(new OrderLogTagger()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "bench-emulator-shutdown"));
        System.out.println("Benchmark Stripe emulator on " + emulator.baseUrl() + " (no webhook URL)");
        stopped.await();
    }
}
