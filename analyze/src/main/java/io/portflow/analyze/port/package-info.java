/**
 * Port labels: IANA service names from a resource generated from the IANA registry
 * (scripts/generate-service-names), and the service-port test the role heuristic uses.
 */
package io.portflow.analyze.port;
