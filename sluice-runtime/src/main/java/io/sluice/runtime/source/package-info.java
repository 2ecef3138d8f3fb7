/** The task side of split-based sources: {@code SourceOperator}. */
package io.sluice.runtime.source;
