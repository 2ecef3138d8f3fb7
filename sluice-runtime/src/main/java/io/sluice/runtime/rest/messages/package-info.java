/**
 * Response bodies of the REST API: records whose JSON field names follow Flink's REST API
 * ({@code "slots-total"}, {@code "start-time"}, ...). Jackson writes them in declaration order.
 */
package io.sluice.runtime.rest.messages;
