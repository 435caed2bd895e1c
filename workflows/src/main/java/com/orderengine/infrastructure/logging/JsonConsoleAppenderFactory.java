package com.orderengine.infrastructure.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;

/**
 * {@code type: console-json}: the console appender with Dropwizard's JSON layout and the MDC keys at the top level,
 * one object per line: {@code {"level":"INFO","OrderId":"…","WorkflowId":"order-…","message":"…",…}}. A separate
 * type (not a layout option) so {@code LOG_APPENDER} alone switches config.yml between text and JSON.
 */
@JsonTypeName("console-json")
public class JsonConsoleAppenderFactory extends ConsoleAppenderFactory<ILoggingEvent> {

    public JsonConsoleAppenderFactory() {
        EventJsonLayoutBaseFactory json = new EventJsonLayoutBaseFactory();
        json.setFlattenMdc(true);
        setLayout(json);
    }
}
