package io.portflow.capture.synthetic;

/**
 * The two ends of one TCP connection or DNS exchange and the link they are seen on. Addresses
 * are 16 bytes; an IPv4 address uses the first four.
 *
 * @param vlanOuter outer VLAN id, or -1 when untagged
 * @param vlanInner inner VLAN id (QinQ), or -1
 */
record Conversation(
    int ipVersion,
    byte[] clientAddress,
    byte[] serverAddress,
    int clientPort,
    int serverPort,
    int vlanOuter,
    int vlanInner,
    long clientMac,
    long routerMac) {}
