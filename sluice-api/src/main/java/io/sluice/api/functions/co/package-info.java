/**
 * Functions over two connected streams, and over a stream connected with a broadcast stream
 * ({@link io.sluice.api.functions.co.BroadcastProcessFunction}, {@link
 * io.sluice.api.functions.co.KeyedBroadcastProcessFunction}).
 */
package io.sluice.api.functions.co;
