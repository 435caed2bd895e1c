package com.orderengine.bench.temporal;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Questions the benchmark asks a Temporal frontend over gRPC, each with a short deadline, to tell it is ready. */
public final class TemporalFrontend implements AutoCloseable {

    /** The query the engine's recovery pass and the Temporal UI run: it fails while OrderStatus is unknown. */
    public static final String PENDING_ORDERS = "OrderStatus=\"pending\"";

    private final WorkflowServiceStubs stubs;

    public TemporalFrontend(String address) {
        this.stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    }

    /** The server's version, or empty while it does not answer (the Java test server never does). */
    public Optional<String> serverVersion() {
        return ask(stub ->
                stub.getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).getServerVersion());
    }

    public boolean servesNamespace(String namespace) {
        return ask(stub -> stub.describeNamespace(DescribeNamespaceRequest.newBuilder()
                        .setNamespace(namespace)
                        .build()))
                .isPresent();
    }

    /** True once a visibility query on the order search attributes runs without error. */
    public boolean listsPendingOrders(String namespace) {
        return ask(stub -> stub.listWorkflowExecutions(ListWorkflowExecutionsRequest.newBuilder()
                        .setNamespace(namespace)
                        .setQuery(PENDING_ORDERS)
                        .setPageSize(1)
                        .build()))
                .isPresent();
    }

    public WorkflowServiceStubs stubs() {
        return stubs;
    }

    private <T> Optional<T> ask(Function<WorkflowServiceBlockingStub, T> call) {
        try {
            return Optional.of(call.apply(stubs.blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS)));
        } catch (StatusRuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        stubs.shutdownNow();
    }
}
