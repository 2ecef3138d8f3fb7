/** The split-based source interface: an enumerator on the JobMaster assigns splits, a reader per subtask reads them. */
package io.sluice.api.connector.source;
