package io.sluice.runtime.rest;

import java.util.Map;

/**
 * One HTTP request after routing.
 *
 * @param pathParameters the values of the template's {@code :name} segments, undecoded ids as sent
 * @param queryParameters the query string, decoded; the last value wins for repeated keys
 * @param body the raw body; empty when there is none (a non-empty body was checked to be JSON)
 */
public record RestRequest(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        byte[] body) {

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("Route of " + path + " has no path parameter '" + name + "'");
        }
        return value;
    }
}
