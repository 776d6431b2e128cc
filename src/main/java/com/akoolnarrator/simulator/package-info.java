/**
 * A tool, not part of the job: a stand-in for Akool's v3 API (the service, its bad weather, its HTTP), run on its own
 * or embedded through an auto-configuration ({@code simulator.embedded=true}) for the demo and the tests.
 */
package com.akoolnarrator.simulator;
