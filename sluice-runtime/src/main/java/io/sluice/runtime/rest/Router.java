package io.sluice.runtime.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Method + path template to {@link RestHandler}. Templates are split at {@code /}; a segment
 * {@code :name} matches any one non-empty segment and binds it. A literal segment wins over a
 * parameter at the same position ({@code /jobs/overview} over {@code /jobs/:jobid}). Immutable after
 * the routes were added; safe to read from many threads.
 */
public final class Router {

    /** What {@link #route} found. */
    public sealed interface Match {}

    /** @param rawBody the route takes a non-JSON body (a multipart upload); the body is not checked to be JSON */
    public record Found(RestHandler handler, Map<String, String> pathParameters, boolean rawBody) implements Match {}

    /** The path exists, but not with this method; {@code allowed} for the {@code Allow} header. */
    public record MethodNotAllowed(List<String> allowed) implements Match {}

    public record NotFound() implements Match {}

    private record Route(String method, String[] segments, RestHandler handler, boolean rawBody) {}

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, RestHandler handler) {
        routes.add(new Route(method, split(template), handler, false));
        return this;
    }

    /** A route whose body is passed as is (not required to be JSON), e.g. a multipart jar upload. */
    public Router addRaw(String method, String template, RestHandler handler) {
        routes.add(new Route(method, split(template), handler, true));
        return this;
    }

    public Match route(String method, String path) {
        String[] segments = split(path);
        Route best = null;
        Map<String, String> bestParams = null;
        TreeSet<String> allowed = new TreeSet<>();
        int bestLiterals = -1;
        for (Route r : routes) {
            Map<String, String> params = match(r.segments(), segments);
            if (params == null) {
                continue;
            }
            if (!r.method().equals(method)) {
                allowed.add(r.method());
                continue;
            }
            int literals = r.segments().length - params.size();
            if (literals > bestLiterals) {
                best = r;
                bestParams = params;
                bestLiterals = literals;
            }
        }
        if (best != null) {
            return new Found(best.handler(), bestParams, best.rawBody());
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(List.copyOf(allowed));
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith(":")) {
                params.put(template[i].substring(1), path[i]);
            } else if (!template[i].equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out.toArray(String[]::new);
    }
}
