/** The DataStream API: streams, keyed streams, connected streams and their operations. */
package io.sluice.api.datastream;
