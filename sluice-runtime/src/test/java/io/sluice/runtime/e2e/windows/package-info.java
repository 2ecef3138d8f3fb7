/**
 * End-to-end tests of the window library on an embedded cluster: session, sliding and tumbling
 * windows with offsets, count windows, the built-in and custom triggers and evictors, each at
 * parallelism 1 and 4 with the same exact result.
 */
package io.sluice.runtime.e2e.windows;
