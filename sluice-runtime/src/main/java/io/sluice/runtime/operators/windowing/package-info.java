/**
 * The window operator: assigns elements to windows, keeps each window's contents in namespaced
 * keyed state, asks the trigger when to fire and purge, merges session windows
 * ({@link io.sluice.runtime.operators.windowing.MergingWindowSet}), drops or side-outputs late
 * elements and cleans windows up when the watermark passes their end plus the allowed lateness.
 * Entry point: {@link io.sluice.runtime.operators.windowing.WindowOperator}.
 */
package io.sluice.runtime.operators.windowing;
