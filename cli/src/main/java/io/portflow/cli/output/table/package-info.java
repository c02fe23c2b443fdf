/**
 * The table format for people: a summary paragraph and aligned flow rows, with the small text
 * helpers it needs (human units, address eliding, column layout, ANSI styles).
 */
package io.portflow.cli.output.table;
