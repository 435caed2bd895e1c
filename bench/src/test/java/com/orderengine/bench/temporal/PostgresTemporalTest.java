package com.orderengine.bench.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.bench.options.TemporalMode;
import com.orderengine.bench.process.FreePorts;
import com.orderengine.bench.process.ProjectRoot;
import com.orderengine.bench.resources.ProcessCpu;
import com.orderengine.bench.resources.ProcessMemory;
import com.orderengine.bench.stack.TemporalInfo;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --temporal=postgres} for real: temporal-server 1.29 on an embedded PostgreSQL of its own, set up as the
 * benchmark sets it up, answers as Temporal 1.29, serves the default namespace with the order search attributes,
 * can be measured, and is gone, database included, once closed.
 */
class PostgresTemporalTest {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void temporalServerOnItsOwnPostgresServesTheOrderSearchAttributesAndStops(@TempDir Path directory) {
        TemporalInfo info;
        try (TemporalProcess temporal = TemporalProcess.start(
                        TemporalMode.POSTGRES,
                        ProjectRoot.find(),
                        FreePorts.pick(1).get(0),
                        directory.resolve("state"),
                        directory.resolve("logs"));
                TemporalFrontend frontend = new TemporalFrontend(temporal.address())) {
            info = temporal.info();

            assertThat(frontend.serverVersion())
                    .hasValueSatisfying(version -> assertThat(version).startsWith("1.29."));
            assertThat(frontend.listsPendingOrders("default"))
                    .as(TemporalFrontend.PENDING_ORDERS)
                    .isTrue();
            OperatorServiceStubs operator =
                    OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
                            .setChannel(frontend.stubs().getRawChannel())
                            .validateAndBuildWithDefaults());
            try {
                assertThat(operator.blockingStub()
                                .withDeadlineAfter(5, TimeUnit.SECONDS)
                                .listSearchAttributes(ListSearchAttributesRequest.newBuilder()
                                        .setNamespace("default")
                                        .build())
                                .getCustomAttributesMap())
                        .containsEntry("OrderId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                        .containsEntry("OrderStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
            } finally {
                operator.shutdownNow();
            }

            assertThat(info.role()).startsWith("Temporal: temporal-server 1.29.");
            assertThat(info.command())
                    .contains(".tools/bin/temporal-server --root ")
                    .endsWith("--allow-no-auth start");
            // zonky starts PostgreSQL without fsync and synchronous commits; Temporal's gets both back.
            assertThat(info.database()).contains("temporal_visibility", "fsync on", "synchronous_commit on");
            assertThat(ProcessMemory.residentBytes(info.pid())).isPresent();
            assertThat(ProcessCpu.ticks(info.pid(), false)).isPresent();
            assertThat(ProcessHandle.of(info.databasePid())
                            .map(ProcessCpu::treeTicks)
                            .orElseThrow())
                    .isPresent();
            assertThat(directory.resolve("logs").resolve("temporal-server.yaml"))
                    .isNotEmptyFile();
        }
        assertThat(ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive))
                .as("temporal-server")
                .isNotEqualTo(Optional.of(true));
        assertThat(ProcessHandle.of(info.databasePid()).map(ProcessHandle::isAlive))
                .as("its PostgreSQL")
                .isNotEqualTo(Optional.of(true));
    }
}
