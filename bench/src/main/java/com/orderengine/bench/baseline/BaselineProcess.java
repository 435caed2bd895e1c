package com.orderengine.bench.baseline;

import com.orderengine.bench.process.ChildJvm;
import com.orderengine.bench.process.FreePorts;
import com.orderengine.bench.process.JdkHttpServer;
import com.orderengine.bench.stack.Readiness;
import com.orderengine.bench.stack.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The baseline server running as a child JVM against the target's database and Stripe. */
public final class BaselineProcess implements AutoCloseable {

    private final ChildJvm jvm;
    private final URI base;
    private final URI admin;

    private BaselineProcess(ChildJvm jvm, URI base, URI admin) {
        this.jvm = jvm;
        this.base = base;
        this.admin = admin;
    }

    public static BaselineProcess start(String serverHeap, Target target, Path logDirectory) {
        List<Integer> ports = FreePorts.pick(2);
        Map<String, String> environment = new HashMap<>();
        environment.put("BASELINE_PORT", String.valueOf(ports.get(0)));
        environment.put("BASELINE_ADMIN_PORT", String.valueOf(ports.get(1)));
        environment.put("DATABASE_URL", target.jdbcUrl());
        environment.put("DATABASE_USER", target.dbUser());
        environment.put("DATABASE_PASSWORD", target.dbPassword());
        environment.put("DATABASE_POOL_MAX", "16");
        environment.put("STRIPE_API_BASE", target.stripeApiBase());
        environment.put("STRIPE_SECRET_KEY", target.stripeSecretKey());
        environment.put("SITE_URL", target.api().toString());
        ChildJvm jvm = ChildJvm.start(
                "baseline",
                List.of("-Xmx" + serverHeap, "-XX:+UseG1GC", JdkHttpServer.NO_DELAY),
                BaselineServer.class.getName(),
                environment,
                Path.of("").toAbsolutePath(),
                logDirectory.resolve("baseline.log"));
        URI admin = URI.create("http://127.0.0.1:" + ports.get(1));
        try {
            Readiness.http(jvm, URI.create(admin + "/metrics"), Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
        return new BaselineProcess(jvm, URI.create("http://127.0.0.1:" + ports.get(0)), admin);
    }

    public URI checkout() {
        return URI.create(base + "/checkout");
    }

    public URI admin() {
        return admin;
    }

    public long pid() {
        return jvm.pid();
    }

    public String commandLine() {
        return jvm.commandLine();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
