/**
 * The handlers of the REST routes: each asks the Dispatcher's or the ResourceManager's gateway and
 * turns the answer into a body from {@code messages}. Handlers never block.
 */
package io.sluice.runtime.rest.handler;
