/**
 * The input CSV as a file: its snapshot and checksum, its separator and header, its columns (and their near misses),
 * the tag columns' values, the lexicon file beside it. Reading and checking its rows is the validate step's.
 */
package com.akoolnarrator.input;
