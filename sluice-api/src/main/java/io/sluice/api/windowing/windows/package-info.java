/** The windows themselves: {@link io.sluice.api.windowing.windows.TimeWindow} and {@link io.sluice.api.windowing.windows.GlobalWindow}. */
package io.sluice.api.windowing.windows;
