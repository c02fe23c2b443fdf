/**
 * Bytes in: plain and gzip-compressed files behind one {@link io.portflow.capture.io.ByteSource},
 * a sliding {@link io.portflow.capture.io.ReadBuffer} with absolute offsets, and field decoding.
 */
package io.portflow.capture.io;
