/** The validate step: every CSV row checked and recorded in the ledger, valid or INVALID with its reason. */
package com.akoolnarrator.job.validate;
