/**
 * A person's verdict on what a run narrated: the {@code review} command (a page on the embedded Tomcat, or the
 * decisions as CSV), each decision on a take saved in the ledger at once, and the redo step that keeps a take sent back
 * beside its file and moves its row on to the next take, which the submit step sends as a new Akool job.
 */
package com.akoolnarrator.review;
