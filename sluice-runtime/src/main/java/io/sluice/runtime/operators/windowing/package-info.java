/**
 * The window operator: assigns elements to windows, keeps each window's contents in namespaced
 * keyed state ({@link io.sluice.runtime.operators.windowing.WindowBuffer}), asks the trigger when
 * to fire and purge, merges session windows per key
 * ({@link io.sluice.runtime.operators.windowing.SessionIndex}), drops or side-outputs late
 * elements and drops windows when the watermark passes their end plus the allowed lateness.
 * Entry point: {@link io.sluice.runtime.operators.windowing.WindowOperator}.
 */
package io.sluice.runtime.operators.windowing;
