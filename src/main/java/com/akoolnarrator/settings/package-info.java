/** The job's own settings ({@code narrator.*}), as docs/settings.md lists them. */
package com.akoolnarrator.settings;
