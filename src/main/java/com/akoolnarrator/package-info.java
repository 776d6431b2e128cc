/**
 * The application: {@code Launcher} sends the command line to the job ({@code NarratorApplication}, whose packages are
 * below) or to one of the tools beside it ({@code simulator}, {@code benchmark}), which nothing in the job imports.
 */
package com.akoolnarrator;
