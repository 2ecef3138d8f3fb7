/** Small utilities of the user API: {@code Collector}, {@code OutputTag} (side outputs), {@code CloseableIterator}. */
package io.sluice.api.util;
