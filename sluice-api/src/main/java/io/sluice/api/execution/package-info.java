/** How a program reaches a cluster: the {@code Pipeline} and the executors found through {@code ServiceLoader}. */
package io.sluice.api.execution;
