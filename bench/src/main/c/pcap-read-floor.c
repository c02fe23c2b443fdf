/*
 * The floor for reading a capture: libpcap's pcap_next_ex over every record and nothing else
 * (a count of packets and wire bytes, so the loop cannot be optimised away). scripts/bench
 * builds it with gcc -O2 and times it next to portflow.
 */
#include <pcap/pcap.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  char error[PCAP_ERRBUF_SIZE];
  pcap_t *pcap = pcap_open_offline(argv[1], error);
  if (pcap == NULL) {
    fprintf(stderr, "%s: %s\n", argv[1], error);
    return 1;
  }
  struct pcap_pkthdr *header;
  const u_char *data;
  unsigned long long packets = 0, bytes = 0;
  int status;
  while ((status = pcap_next_ex(pcap, &header, &data)) == 1) {
    packets++;
    bytes += header->len;
  }
  if (status == PCAP_ERROR) {
    fprintf(stderr, "%s: %s\n", argv[1], pcap_geterr(pcap));
    return 1;
  }
  printf("%llu packets, %llu bytes\n", packets, bytes);
  pcap_close(pcap);
  return 0;
}
