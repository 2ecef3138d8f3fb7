/**
 * Runnable example jobs: {@link io.sluice.examples.WordCount} (bounded, the jar's main class) and
 * {@link io.sluice.examples.SocketWordCount} (unbounded, reads a socket) and
 * {@link io.sluice.examples.SessionWindowing} (event-time session windows). Run them with
 * {@code bin/sluice run --local examples/sluice-examples.jar [args]} or from an IDE.
 */
package io.sluice.examples;
