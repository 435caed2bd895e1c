package com.orderengine.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.order.OrderReference;
import com.orderengine.order.db.OrderDao;
import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;

class StatementNamingTemplateEngineTest {

    private static final TestDatabase database = TestPostgres.newDatabase();

    private final CountingEngine wrapped = new CountingEngine();
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final Jdbi jdbi = Jdbi.create(database.dataSource())
            .installPlugin(new SqlObjectPlugin())
            .installPlugin(new PostgresPlugin())
            .setTemplateEngine(new StatementNamingTemplateEngine(wrapped))
            .setSqlLogger(new SqlLogger() {
                @Override
                public void logAfterExecution(StatementContext context) {
                    executed.add(context.getRenderedSql());
                }
            });

    @Test
    void aDaoStatementIsNamedAfterItsMethodAndParsedOnce() {
        OrderDao orders = jdbi.onDemand(OrderDao.class);

        for (int i = 0; i < 5; i++) {
            assertThat(orders.findByReference(OrderReference.random())).isEmpty();
        }

        assertThat(executed)
                .hasSize(5)
                .allSatisfy(sql -> assertThat(sql).startsWith("/* OrderDao.findByReference */ SELECT id, reference"));
        assertThat(wrapped.parses).hasValue(1);
    }

    @Test
    void aStatementOutsideADaoKeepsItsSql() {
        String status = jdbi.withHandle(handle ->
                handle.createQuery("SELECT 'pending'").mapTo(String.class).one());

        assertThat(status).isEqualTo("pending");
        assertThat(executed).containsExactly("SELECT 'pending'");
    }

    /** Jdbi's default engine, counting how often a template is parsed. */
    private static final class CountingEngine implements TemplateEngine {

        private final TemplateEngine engine = new DefinedAttributeTemplateEngine();
        private final AtomicInteger parses = new AtomicInteger();

        @Override
        public String render(String template, StatementContext context) {
            return engine.render(template, context);
        }

        @Override
        public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
            parses.incrementAndGet();
            return engine.parse(template, config);
        }
    }
}
