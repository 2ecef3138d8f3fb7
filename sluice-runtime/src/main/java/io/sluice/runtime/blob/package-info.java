/**
 * Content-addressed storage for user jars and their transfer to TaskManagers.
 *
 * <p>{@link io.sluice.runtime.blob.BlobStore} keeps each blob in one directory under its SHA-256
 * (the {@link io.sluice.runtime.blob.BlobKey}); the server picks every file name, so nothing a client
 * sends is ever used as a path. {@link io.sluice.runtime.blob.BlobServer} serves the store over HTTP
 * on loopback; {@link io.sluice.runtime.blob.BlobClient} downloads into a TaskManager's local cache,
 * verifying the checksum of every download and of every cached file it hands out.
 */
package io.sluice.runtime.blob;
