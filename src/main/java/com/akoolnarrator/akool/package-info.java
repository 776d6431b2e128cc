/**
 * Akool's v3 API as the job uses it: the endpoints ({@code AkoolClient}), what each answer means
 * ({@code AkoolAnswers}: Akool's codes and HTTP statuses as {@code AkoolException}s), how a request is sent
 * ({@code AkoolTransport}: the credentials, the bearer token, the shared request budget of {@code AkoolRequestThrottle},
 * which learns the account's rate), the price of narration, the voices listing.
 */
package com.akoolnarrator.akool;
