/**
 * The integration events between the services, as the wire sees them. Nothing here is a domain object: accounts
 * translates its domain event into {@link dev.tasksandbox.contracts.UserAccountCreated} at its outbox, and
 * projects translates it into a command of its own. A change here is a change of the contract: the JSON Schema,
 * the Pact message contract and the codec's tests must agree with it.
 */
@NullMarked
package dev.tasksandbox.contracts;

import org.jspecify.annotations.NullMarked;
