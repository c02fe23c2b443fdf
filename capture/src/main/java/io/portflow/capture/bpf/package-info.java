/**
 * BPF filters on file input: expressions compiled by libpcap once per link type (pcapng files can
 * have several) and run on each frame's raw bytes.
 */
package io.portflow.capture.bpf;
