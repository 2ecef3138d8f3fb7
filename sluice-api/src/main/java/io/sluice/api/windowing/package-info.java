/**
 * Windows on streams: {@link io.sluice.api.windowing.windows windows}, the
 * {@link io.sluice.api.windowing.assigners assigners} that put elements into them, the
 * {@link io.sluice.api.windowing.triggers triggers} that decide when a window is evaluated and the
 * {@link io.sluice.api.windowing.evictors evictors} that drop elements before or after that.
 */
package io.sluice.api.windowing;
