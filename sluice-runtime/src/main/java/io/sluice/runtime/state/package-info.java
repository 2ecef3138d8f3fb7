/** Key groups: how keys map to key groups and key groups to subtasks. */
package io.sluice.runtime.state;
