/** The job's own settings ({@code narrator.*}), as the README lists them. */
package com.akoolnarrator.settings;
