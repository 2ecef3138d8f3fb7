/**
 * The TaskExecutor: a TaskManager's control-plane component. It registers its slots with the
 * ResourceManager, offers them to JobMasters, creates and runs tasks (through a
 * {@link io.sluice.runtime.taskmanager.TaskFactory}) and forwards their state changes and operator
 * events to their JobMasters.
 */
package io.sluice.runtime.taskexecutor;
