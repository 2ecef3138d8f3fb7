/** Evictors: which elements of a window to drop before or after its function runs. */
package io.sluice.api.windowing.evictors;
