/**
 * Community ID v1 flow hashes (corelight community-id-spec), so portflow's flow records join with
 * Zeek, Suricata, Arkime and Elastic data on the same 5-tuple; the SHA-1 of its one input block
 * is computed here rather than by MessageDigest.
 */
package io.portflow.analyze.communityid;
