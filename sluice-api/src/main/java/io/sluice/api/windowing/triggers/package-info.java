/** Triggers: when a window's contents are evaluated and when they are purged. */
package io.sluice.api.windowing.triggers;
