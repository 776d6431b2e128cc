/** The secrets a run knows, and the one redaction everything recorded or logged from Akool passes through. */
package com.akoolnarrator.secrets;
