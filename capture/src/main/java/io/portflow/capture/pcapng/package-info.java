/**
 * pcapng files: sections (each with its own byte order and interfaces), interface descriptions
 * with their timestamp resolution and offset, and the three packet block types; other blocks skipped.
 */
package io.portflow.capture.pcapng;
