package io.sluice.runtime.resourcemanager;

import java.io.Serializable;

/** How many TaskManagers and slots the cluster has, and how many slots are free. */
public record ClusterOverview(int numTaskManagers, int numSlotsTotal, int numSlotsAvailable) implements Serializable {}
