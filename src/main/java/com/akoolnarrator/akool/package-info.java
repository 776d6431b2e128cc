/**
 * Akool's v3 API as the job uses it: the client and its errors, the shared request budget and how it learns the
 * account's rate, the price of narration, the voices listing.
 */
package com.akoolnarrator.akool;
