/**
 * Integration tests over real captures that need both the capture and the analyze module: the
 * fixtures under {@code src/test/resources/corpus} compared with tshark's numbers for them.
 */
package io.portflow.cli.corpus;
