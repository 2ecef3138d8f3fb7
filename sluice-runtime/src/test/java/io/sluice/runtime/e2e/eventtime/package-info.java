/** End-to-end tests of event time: watermarks across tasks, idle inputs, assignTimestampsAndWatermarks. */
package io.sluice.runtime.e2e.eventtime;
