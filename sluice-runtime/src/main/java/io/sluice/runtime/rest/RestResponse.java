package io.sluice.runtime.rest;

/** A handler's answer: the status code and the body, which Jackson writes as JSON. */
public record RestResponse(int status, Object body) {
    public static RestResponse ok(Object body) {
        return new RestResponse(200, body);
    }
}
