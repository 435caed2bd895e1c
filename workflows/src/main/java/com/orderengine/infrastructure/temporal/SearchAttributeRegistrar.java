package com.orderengine.infrastructure.temporal;

import com.orderengine.order.workflow.OrderSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the OrderId and OrderStatus search attributes exist, so a fresh cluster or the local test server
 * accepts new order workflows. Where the worker may not administer the namespace it logs what to run instead.
 */
public final class SearchAttributeRegistrar {

    private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

    private SearchAttributeRegistrar() {}

    public static void ensureRegistered(WorkflowServiceStubs workflowStubs, String namespace) {
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
                .setChannel(workflowStubs.getRawChannel())
                .validateAndBuildWithDefaults());
        try {
            Map<String, IndexedValueType> missing = missing(operator, namespace);
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
            if (alreadyExists(e)) {
                return;
            }
            log.warn(
                    "Could not register search attributes ({}). Register them once with: "
                            + "temporal operator search-attribute create --namespace {} --name OrderId --type Keyword "
                            + "--name OrderStatus --type Keyword",
                    e.getStatus(),
                    namespace);
        } finally {
            operator.shutdown();
        }
    }

    /** The attributes still to add; all of them where the server cannot list (Temporal's Java test server). */
    private static Map<String, IndexedValueType> missing(OperatorServiceStubs operator, String namespace) {
        Map<String, IndexedValueType> existing;
        try {
            existing = operator.blockingStub()
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listSearchAttributes(ListSearchAttributesRequest.newBuilder()
                            .setNamespace(namespace)
                            .build())
                    .getCustomAttributesMap();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
                throw e;
            }
            existing = Map.of();
        }
        Map<String, IndexedValueType> missing = new LinkedHashMap<>();
        for (var key : OrderSearchAttributes.ALL) {
            if (!existing.containsKey(key.getName())) {
                missing.put(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
            }
        }
        return missing;
    }

    private static boolean alreadyExists(StatusRuntimeException e) {
        String description = e.getStatus().getDescription();
        return e.getStatus().getCode() == Status.Code.ALREADY_EXISTS
                || (description != null && description.toLowerCase(Locale.ROOT).contains("already"));
    }
}
