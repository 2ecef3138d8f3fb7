package io.sluice.runtime.rest;

import java.util.concurrent.CompletableFuture;

/**
 * Answers one route. Runs on a REST thread and must not block: it asks the cluster's gateways and
 * returns their future. Failing with {@link RestHandlerException} picks the status code; any other
 * exception becomes a 500 whose body names it without a stack trace.
 */
@FunctionalInterface
public interface RestHandler {
    CompletableFuture<RestResponse> handle(RestRequest request) throws Exception;
}
