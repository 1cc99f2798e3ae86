/**
 * The checks behind the JUnit tests Lamina generates for every network. They throw {@link
 * java.lang.AssertionError} with a readable message, so they need no test framework: JUnit stays out of
 * the runtime and in the user's test scope.
 */
package dev.lamina.runtime.testing;
