/** Window assigners: which windows an element belongs to. */
package io.sluice.api.windowing.assigners;
