/**
 * Command-line options shared between commands (picocli mixins) and the converters that turn
 * their text into values, with error text that names the option, the value and what was expected.
 */
package io.portflow.cli.options;
