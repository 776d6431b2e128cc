package com.akoolnarrator.job.validate;

import java.util.List;

/**
 * One data record of the input as read, before validation.
 *
 * @param line    the line the record starts on (1 is the header)
 * @param values  its cells
 * @param problem why the record could not be read as CSV, or null
 */
record InputRecord(long line, List<String> values, String problem) {
}
