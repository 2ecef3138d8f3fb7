package io.sluice.runtime.rest.messages;

import java.util.List;

/** Every error response: {@code {"errors": ["..."]}}. */
public record ErrorResponseBody(List<String> errors) {}
