/** Versioned serialization of source splits and enumerator checkpoints. */
package io.sluice.api.io;
