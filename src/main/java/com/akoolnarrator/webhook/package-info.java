/**
 * Akool's callbacks: the documented seal ({@code WebhookSeal}: signature and encryption), what a POSTed body must be to
 * be believed ({@code CallbackVerifier}), and the receiver that writes a verified one into the ledger
 * ({@code WebhookReceiver}), inside a run or in a {@code webhook-receiver} process of its own. The collect step learns of
 * a callback through the ledger only.
 */
package com.akoolnarrator.webhook;
