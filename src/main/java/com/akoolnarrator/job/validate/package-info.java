/**
 * The validate step, whole: every CSV row read ({@code CsvRowReader}), checked ({@code RowValidator}, with the lexicon
 * and {@code ScriptSplitter} for long texts) and recorded in the ledger ({@code RowRecorder}: valid and pointing at its
 * narration, reused where {@code ReusePolicy} allows or taken from the folder, or INVALID with its reason), with its
 * own statements ({@code RowSql}).
 */
package com.akoolnarrator.job.validate;
