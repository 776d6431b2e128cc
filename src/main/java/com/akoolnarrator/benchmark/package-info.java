/** A tool, not part of the job: runs the packaged job against the simulator and measures it. */
package com.akoolnarrator.benchmark;
