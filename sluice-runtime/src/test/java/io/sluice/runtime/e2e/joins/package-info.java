/**
 * End-to-end tests of the joins: interval join, window join and co-group, each at parallelism 1
 * and 4 with the same exact results.
 */
package io.sluice.runtime.e2e.joins;
