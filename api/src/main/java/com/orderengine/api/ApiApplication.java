package com.orderengine.api;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.orderengine.account.db.AccountDao;
import com.orderengine.api.account.AccountMails;
import com.orderengine.api.account.AccountResource;
import com.orderengine.api.account.AccountService;
import com.orderengine.api.account.AccountSessions;
import com.orderengine.api.account.MailThrottle;
import com.orderengine.api.account.PasswordHashing;
import com.orderengine.api.account.PasswordPolicy;
import com.orderengine.api.account.SessionCookie;
import com.orderengine.api.account.SignInThrottle;
import com.orderengine.api.checkout.CheckoutOutcomeFilter;
import com.orderengine.api.checkout.CheckoutResource;
import com.orderengine.api.checkout.CheckoutService;
import com.orderengine.api.docs.ApiDocs;
import com.orderengine.api.docs.ApiReferencePage;
import com.orderengine.api.errors.ApiExceptionMapper;
import com.orderengine.api.errors.DatabaseUnavailableMapper;
import com.orderengine.api.errors.JettyErrors;
import com.orderengine.api.errors.JsonProcessingExceptionMapper;
import com.orderengine.api.errors.NotFoundAnswers;
import com.orderengine.api.errors.UnexpectedExceptionMapper;
import com.orderengine.api.errors.ValidationExceptionMapper;
import com.orderengine.api.errors.WebApplicationExceptionMapper;
import com.orderengine.api.http.RequestBodyLimit;
import com.orderengine.api.http.RequestLogging;
import com.orderengine.api.http.SameOriginRequests;
import com.orderengine.api.http.SecurityHeaders;
import com.orderengine.api.order.OrderCancellation;
import com.orderengine.api.order.OrderResource;
import com.orderengine.api.order.OrderViews;
import com.orderengine.api.product.ProductResource;
import com.orderengine.api.storefront.StorefrontPages;
import com.orderengine.api.webhook.StripeEventForwarder;
import com.orderengine.api.webhook.StripeWebhookResource;
import com.orderengine.api.webhook.WebhookAdmission;
import com.orderengine.infrastructure.config.AccountsFactory;
import com.orderengine.infrastructure.config.BacklogFactory;
import com.orderengine.infrastructure.config.OrderEngineBootstrap;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.infrastructure.metrics.PrometheusMetrics;
import com.orderengine.infrastructure.temporal.SearchAttributeRegistrar;
import com.orderengine.infrastructure.temporal.TemporalConnection;
import com.orderengine.order.OrderMetrics;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.RefundDao;
import com.orderengine.order.workflow.OrderWorkflowClient;
import com.orderengine.product.db.ProductDao;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

/** The HTTP API under {@code /api}. It starts and signals workflows; it never runs activities itself. */
public class ApiApplication extends Application<OrderEngineConfiguration> {

    /** A 100-line cart is about 4 KB and a Stripe event rarely 100 KB; anything past 1 MiB is refused unread. */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        new ApiApplication().run(args);
    }

    @Override
    public String getName() {
        return "order-api";
    }

    @Override
    public void initialize(Bootstrap<OrderEngineConfiguration> bootstrap) {
        OrderEngineBootstrap.initialize(bootstrap);
        // The storefront's static files at the site root; the JSON API stays under /api.
        bootstrap.addBundle(new AssetsBundle("/assets/", "/", "index.html", "storefront"));
        bootstrap.addBundle(new AssetsBundle(
                ApiReferencePage.uiResources(), ApiReferencePage.UI_PATH, "index.html", "api-reference-ui"));
    }

    @Override
    public void run(OrderEngineConfiguration configuration, Environment environment) {
        String webhookSecret = configuration.getStripe().requireWebhookSecret();
        ManagedDataSource dataSource = OrderEngineBootstrap.dataSource(configuration, environment);
        Jdbi jdbi = OrderEngineBootstrap.jdbi(configuration, environment, dataSource);
        configuration.getStripe().registerHealthCheck(environment, false, true);
        PrometheusMetrics metrics = OrderEngineBootstrap.metrics(environment);
        OrderMetrics orderMetrics = new OrderMetrics(metrics.registry());
        TemporalConnection temporal = OrderEngineBootstrap.temporal(configuration, environment, metrics);
        // Checkouts start workflows with these attributes: a Temporal whose worker never ran must know them too.
        SearchAttributeRegistrar.ensureRegistered(temporal.stubs(), temporal.namespace());
        BacklogFactory backlog = configuration.getBacklog();
        OrderWorkflowClient workflows =
                new OrderWorkflowClient(temporal.client(), temporal.taskQueue(), backlog.getLaneTaskQueue());
        ProductDao products = jdbi.onDemand(ProductDao.class);
        OrderDao orders = jdbi.onDemand(OrderDao.class);

        strictJson(environment.getObjectMapper());
        environment.jersey().setUrlPattern("/api/*");
        registerErrorMappers(configuration, environment);
        environment.jersey().register(new ProductResource(products));
        environment.jersey().register(ApiDocs.resource());
        environment
                .servlets()
                .addServlet("api-reference", new ApiReferencePage())
                .addMapping(ApiReferencePage.PATH);
        OrderViews views = new OrderViews(orders, jdbi.onDemand(RefundDao.class));
        AccountSessions sessions = accountSessions(configuration.getAccounts(), jdbi);
        registerAccounts(configuration, environment, jdbi, dataSource, views, sessions);
        environment
                .jersey()
                .register(new CheckoutResource(
                        new CheckoutService(products, orders, workflows, configuration.getCheckout()),
                        orders,
                        sessions));
        environment.jersey().register(new CheckoutOutcomeFilter(orderMetrics));
        environment
                .servlets()
                .addFilter("security-headers", new SecurityHeaders())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment
                .servlets()
                .addFilter("request-logging", new RequestLogging())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        environment
                .servlets()
                .addFilter("request-body-limit", new RequestBodyLimit(MAX_REQUEST_BYTES))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        StorefrontPages pages = new StorefrontPages();
        environment
                .servlets()
                .addFilter("storefront-pages", pages)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, StorefrontPages.urlPatterns());
        // Jetty's own answers: those of the application's context, and those given before a request reaches it.
        JettyErrors jettyErrors = new JettyErrors(pages.notFoundPage(), SecurityHeaders.EVERY_ANSWER);
        environment.getApplicationContext().setErrorHandler(jettyErrors);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));
        environment
                .servlets()
                .addFilter("not-found-answers", new NotFoundAnswers(jettyErrors))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment
                .jersey()
                .register(new OrderResource(orders, views, new OrderCancellation(orders, views, workflows)));
        environment
                .jersey()
                .register(new StripeWebhookResource(new StripeEventForwarder(
                        webhookSecret,
                        workflows,
                        orders,
                        environment.getObjectMapper(),
                        orderMetrics,
                        new WebhookAdmission(
                                backlog.getWebhookHandOvers(),
                                backlog.getWebhookBacklogEventsPerSecond(),
                                backlog.getLiveEventAge().toJavaDuration(),
                                Clock.systemUTC()),
                        backlog.getWebhookHandOverTimeout().toJavaDuration(),
                        backlog.getRetryAfter().toJavaDuration())));
    }

    private static AccountSessions accountSessions(AccountsFactory rules, Jdbi jdbi) {
        return new AccountSessions(
                jdbi.onDemand(AccountDao.class),
                Clock.systemUTC(),
                rules.getSessionIdleTimeout().toJavaDuration(),
                rules.getSessionAbsoluteTimeout().toJavaDuration());
    }

    /** Customer accounts, and the same-origin rule for every request a browser could forge. */
    private static void registerAccounts(
            OrderEngineConfiguration configuration,
            Environment environment,
            Jdbi jdbi,
            ManagedDataSource dataSource,
            OrderViews views,
            AccountSessions sessions) {
        AccountsFactory rules = configuration.getAccounts();
        String siteUrl = configuration.getCheckout().getSiteUrl();
        ProxyManager<String> buckets = SignInThrottle.postgresBuckets(dataSource);
        ScheduledExecutorService janitor = environment
                .lifecycle()
                .scheduledExecutorService("sign-in-throttle-cleanup")
                .build();
        AccountService accounts = new AccountService(
                jdbi,
                views,
                sessions,
                new PasswordHashing(),
                new PasswordPolicy(),
                new SignInThrottle(buckets, rules),
                new MailThrottle(buckets, rules),
                new AccountMails(
                        siteUrl,
                        configuration.getMail().getShopName(),
                        configuration.getMail().messageIdDomain()),
                rules,
                Clock.systemUTC());
        // Buckets that are full again say nothing a new one would not, nor do sessions, links and devices past
        // their time: their rows go. A failed round is logged and tried again at the next.
        janitor.scheduleWithFixedDelay(
                () -> {
                    try {
                        ((ExpiredEntriesCleaner) buckets).removeExpired(1_000);
                        accounts.forgetExpired();
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(ApiApplication.class)
                                .warn("Could not forget expired throttle buckets and sessions: {}", e.toString());
                    }
                },
                5,
                5,
                TimeUnit.MINUTES);
        environment
                .jersey()
                .register(new AccountResource(
                        accounts, sessions, rules.getSessionAbsoluteTimeout().toJavaDuration()));
        environment.jersey().register(new SameOriginRequests(siteUrl, SessionCookie.NAME));
    }

    /**
     * Wrong types are errors, not guesses: "2" is not a quantity and 2.5 is not 2. Applied after the
     * configuration was read, so config.yml keeps YAML's usual leniency.
     */
    static void strictJson(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // Like Stripe: a field we do not know is refused, so a client never believes "coupon" or "price" counted.
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    /** Our mappers replace Dropwizard's defaults so every error has the same {"error": "..."} shape. */
    private static void registerErrorMappers(OrderEngineConfiguration configuration, Environment environment) {
        if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new DatabaseUnavailableMapper());
        environment.jersey().register(new JsonProcessingExceptionMapper());
        environment.jersey().register(new ValidationExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new UnexpectedExceptionMapper());
    }
}
