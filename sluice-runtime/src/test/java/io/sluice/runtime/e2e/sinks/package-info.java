/** End-to-end tests of the exactly-once sinks (the FileSink) on an embedded MiniCluster. */
package io.sluice.runtime.e2e.sinks;
