/**
 * Opening a capture file: the user-facing checks (missing, directory, permission, empty), gzip
 * detection, and the magic number that picks the pcap or pcapng reader.
 */
package io.portflow.capture.file;
