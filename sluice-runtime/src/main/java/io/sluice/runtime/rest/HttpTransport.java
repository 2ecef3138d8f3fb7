package io.sluice.runtime.rest;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP server under the REST endpoint, kept behind this interface so it can be swapped (the
 * JDK's server now, Netty later) without touching routing or handlers.
 *
 * <p>Threading: {@link Processor#process} is called on the transport's threads, concurrently; the
 * transport writes the response when the returned future completes, on whichever thread completes it.
 */
public interface HttpTransport extends AutoCloseable {

    /** Turns one request into one response; never throws, failures are responses too. */
    @FunctionalInterface
    interface Processor {
        CompletableFuture<Response> process(String method, String rawPath, String rawQuery, byte[] body);
    }

    /** A response ready to write: status, extra headers and a UTF-8 JSON body. */
    record Response(int status, Map<String, String> headers, byte[] jsonBody) {}

    /** Binds and starts serving; returns the bound address (the real port when 0 was asked for). */
    InetSocketAddress start(String host, int port, Processor processor) throws Exception;

    /** Stops accepting and closes the server; idempotent. */
    @Override
    void close();
}
