/**
 * Functions evaluated when a window fires: {@link io.sluice.api.functions.windowing.WindowFunction}
 * and {@link io.sluice.api.functions.windowing.ProcessWindowFunction} on keyed windows, their
 * {@code All} variants on {@code windowAll}.
 */
package io.sluice.api.functions.windowing;
