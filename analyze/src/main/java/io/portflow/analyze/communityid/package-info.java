/**
 * Community ID v1 flow hashes (corelight community-id-spec), so portflow's flow records join with
 * Zeek, Suricata, Arkime and Elastic data on the same 5-tuple.
 */
package io.portflow.analyze.communityid;
