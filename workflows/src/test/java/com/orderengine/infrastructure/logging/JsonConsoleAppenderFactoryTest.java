package com.orderengine.infrastructure.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.DiscoverableSubtypeResolver;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class JsonConsoleAppenderFactoryTest {

    @Test
    void configYmlCanNameItByType() {
        assertThat(new DiscoverableSubtypeResolver().getDiscoveredSubtypes())
                .contains(JsonConsoleAppenderFactory.class);
    }

    @SuppressWarnings("unchecked")
    @Test
    void eachLineIsAJsonObjectWithTheOrderAtTheTopLevel() throws Exception {
        LoggerContext context = new LoggerContext();
        var layout = ((DiscoverableLayoutFactory<ILoggingEvent>) new JsonConsoleAppenderFactory().getLayout())
                .build(context, TimeZone.getTimeZone("UTC"));
        layout.start();
        LoggingEvent event = new LoggingEvent(
                "test", context.getLogger("com.orderengine.test"), Level.INFO, "Order {} -> paid", null, new Object[] {
                    "Yz0jLuZ-0fC1SFgXXeqsfQ"
                });
        event.setMDCPropertyMap(Map.of(
                OrderLogContext.ORDER_ID,
                "Yz0jLuZ-0fC1SFgXXeqsfQ",
                OrderLogContext.WORKFLOW_ID,
                "order-Yz0jLuZ-0fC1SFgXXeqsfQ"));

        String line = layout.doLayout(event);

        assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("OrderId").asText()).isEqualTo("Yz0jLuZ-0fC1SFgXXeqsfQ");
        assertThat(json.path("WorkflowId").asText()).isEqualTo("order-Yz0jLuZ-0fC1SFgXXeqsfQ");
        assertThat(json.path("message").asText()).isEqualTo("Order Yz0jLuZ-0fC1SFgXXeqsfQ -> paid");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
    }
}
