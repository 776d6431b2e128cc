/** The input CSV: its header and columns, its rows read and validated, long texts split at sentence ends. */
package com.akoolnarrator.input;
