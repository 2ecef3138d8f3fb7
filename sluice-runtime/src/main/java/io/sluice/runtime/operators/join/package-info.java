/**
 * Join operators: the event-time interval join of two keyed streams. Window joins and co-groups
 * need no operator of their own; the API builds them from a union, a keyed window and a window
 * function.
 */
package io.sluice.runtime.operators.join;
