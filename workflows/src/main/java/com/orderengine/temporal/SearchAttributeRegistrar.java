package com.orderengine.temporal;

import com.orderengine.order.workflow.OrderSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the OrderId and OrderStatus search attributes exist, so a fresh cluster or the local test server
 * accepts new order workflows. Where the worker may not administer the namespace it logs what to run instead.
 */
public final class SearchAttributeRegistrar {

    private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

    private SearchAttributeRegistrar() {
    }

    public static void ensureRegistered(WorkflowServiceStubs workflowStubs, String namespace) {
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
                OperatorServiceStubsOptions.newBuilder()
                        .setChannel(workflowStubs.getRawChannel())
                        .validateAndBuildWithDefaults());
        try {
            Map<String, IndexedValueType> existing = operator.blockingStub()
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
                    .getCustomAttributesMap();
            Map<String, IndexedValueType> missing = OrderSearchAttributes.ALL.stream()
                    .filter(key -> !existing.containsKey(key.getName()))
                    .collect(Collectors.toMap(key -> key.getName(), key -> IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
            if (missing.isEmpty()) {
                return;
            }
            operator.blockingStub()
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .addSearchAttributes(AddSearchAttributesRequest.newBuilder()
                            .setNamespace(namespace)
                            .putAllSearchAttributes(missing)
                            .build());
            log.info("Registered search attributes {} in namespace {}", missing.keySet(), namespace);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
                return;
            }
            log.warn("Could not register search attributes ({}). Register them once with: "
                    + "temporal operator search-attribute create --namespace {} --name OrderId --type Keyword "
                    + "--name OrderStatus --type Keyword", e.getStatus(), namespace);
        } finally {
            operator.shutdown();
        }
    }
}
