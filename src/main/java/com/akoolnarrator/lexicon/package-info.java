/**
 * Pronunciation by substitution: Akool's audio API has no lexicon or SSML, so a user's list of terms and how to say
 * them ({@code --lexicon=terms.csv}) rewrites each row's text before it is sent, in one pass, longest term first.
 */
package com.akoolnarrator.lexicon;
