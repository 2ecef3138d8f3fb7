/**
 * The ResourceManager: the registry of TaskExecutors and their slots, which matches the
 * JobMasters' slot requests with free slots and tells the owning TaskExecutor to offer the slot.
 * Standalone only for now: it never asks for more TaskManagers.
 */
package io.sluice.runtime.resourcemanager;
