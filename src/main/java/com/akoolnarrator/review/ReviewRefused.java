package com.akoolnarrator.review;

/** A review command that cannot do what it was asked, for a reason the user can act on: said in one line, exit 2. */
public class ReviewRefused extends RuntimeException {

    ReviewRefused(String message) {
        super(message);
    }
}
