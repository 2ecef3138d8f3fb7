/** A subtask on a TaskManager: {@code Task} (thread, life cycle, reporting) and its seams to the TaskExecutor. */
package io.sluice.runtime.taskmanager;
