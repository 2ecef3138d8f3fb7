/** Reading records back out of network buffers: {@link io.sluice.runtime.network.api.serialization.SpanningRecordDeserializer}. */
package io.sluice.runtime.network.api.serialization;
