/**
 * The collect step: the Akool jobs the submit step recorded, taken over from the ledger, polled when the poll policy
 * says, and downloaded as soon as they are done. The tracker and its schedule are made per step execution.
 */
package com.akoolnarrator.job.collect;
