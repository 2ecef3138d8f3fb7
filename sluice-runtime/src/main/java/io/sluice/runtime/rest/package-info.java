/**
 * The REST API of the Dispatcher: paths and JSON shaped like Flink's REST API.
 *
 * <ul>
 *   <li>{@link io.sluice.runtime.rest.HttpTransport} — the HTTP server behind a small interface
 *       ({@link io.sluice.runtime.rest.JdkHttpTransport}, the JDK's {@code com.sun.net.httpserver}).
 *   <li>{@link io.sluice.runtime.rest.Router} — method + path template to handler; 404 / 405.
 *   <li>{@link io.sluice.runtime.rest.RestServerEndpoint} — requests to handlers, results and errors
 *       to JSON ({@code {"errors": ["..."]}} with the status code).
 *   <li>{@link io.sluice.runtime.rest.DispatcherRestEndpoint} — the routes of the cluster; handlers in
 *       {@code handler}, response bodies in {@code messages}.
 * </ul>
 */
package io.sluice.runtime.rest;
