/**
 * JSON written straight as UTF-8 bytes into a buffer: pre-encoded field names, digits, and strings
 * escaped exactly as Jackson's UTF-8 generator escapes them, so that output stays byte for byte.
 */
package io.portflow.cli.output.json;
