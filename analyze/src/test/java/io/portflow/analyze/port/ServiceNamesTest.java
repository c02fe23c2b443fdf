package io.portflow.analyze.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServiceNamesTest {
  private final ServiceNames iana = ServiceNames.iana();

  @Test
  void wellKnownNames() {
    assertEquals("http", iana.tcp(80));
    assertEquals("https", iana.tcp(443));
    assertEquals("ssh", iana.tcp(22));
    assertEquals("domain", iana.udp(53));
    assertEquals("domain", iana.tcp(53));
    assertEquals("mysql", iana.tcp(3306));
    assertEquals("bgp", iana.tcp(179));
  }

  @Test
  void unassignedAndReservedPortsHaveNoName() {
    assertNull(iana.tcp(4), "Unassigned");
    assertNull(iana.tcp(0), "Reserved");
    assertNull(iana.tcp(1028), "Deprecated, no name");
    assertNull(iana.tcp(65535));
  }

  @Test
  void firstAssignmentWinsOverLaterAliases() {
    assertEquals("http", iana.tcp(80), "not www or www-http");
    assertEquals("ident", iana.tcp(113), "not auth");
  }

  @Test
  void rangesAndRowsWithoutATransport() {
    assertEquals("x11", iana.tcp(6010), "x11 6000-6063");
    assertEquals("flex-lm", iana.tcp(27005), "flex-lm 27000-27009, no transport in the registry");
    assertEquals("flex-lm", iana.udp(27005));
  }

  @Test
  void transportsDiffer() {
    assertEquals("wg-endpt-comms", iana.tcp(33000));
    assertNull(iana.udp(33000));
  }

  @Test
  void oneSharedInstance() {
    assertSame(ServiceNames.iana(), ServiceNames.iana());
  }

  @Test
  void invalidPortIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> iana.tcp(65536));
    assertEquals("invalid port: 65536 (expected: 0 ~ 65535)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> iana.udp(-1));
  }

  @Test
  void resourceHeaderNamesTheRegistryAndItsDate() throws IOException {
    try (InputStream in = ServiceNames.class.getResourceAsStream(ServiceNames.RESOURCE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.startsWith("# IANA Service Name and Transport Protocol Port Number Registry"));
      assertTrue(text.contains("newest registration/modification date 2024-04-30"));
    }
  }

  @Test
  void parse_sameAsTcpAndNone() throws IOException {
    ServiceNames names = parse("# comment\n7\techo\t=\n9\t-\tdiscard\n11\tsystat\t-\n");
    assertEquals("echo", names.udp(7));
    assertNull(names.tcp(9));
    assertEquals("discard", names.udp(9));
    assertNull(names.udp(11));
  }

  @Test
  void parse_errorsNameTheLine() {
    IOException fields = assertThrows(IOException.class, () -> parse("# x\n80\thttp\n"));
    assertEquals("service-names.tsv line 2: 2 fields (expected: 3, port<TAB>tcp-name<TAB>udp-name)",
        fields.getMessage());
    IOException port = assertThrows(IOException.class, () -> parse("70000\tx\t=\n"));
    assertEquals("service-names.tsv line 1: invalid port: 70000 (expected: 0 ~ 65535)", port.getMessage());
  }

  @Test
  void parse_crLfAndCrEndLinesAsLfDoes() throws IOException {
    ServiceNames names = parse("# comment\r\n7\techo\t=\r\n\r\n9\t-\tdiscard\r11\tsystat\t-");
    assertEquals("echo", names.tcp(7));
    assertEquals("echo", names.udp(7));
    assertEquals("discard", names.udp(9));
    assertEquals("systat", names.tcp(11));
    IOException e = assertThrows(IOException.class, () -> parse("7\techo\t=\r\n\r\n80\thttp\r\n"));
    assertEquals("service-names.tsv line 3: 2 fields (expected: 3, port<TAB>tcp-name<TAB>udp-name)", e.getMessage());
  }

  @Test
  void parse_portsAsIntegerParseIntReadsThem() throws IOException {
    ServiceNames names = parse("0080\thttp\t=\n+443\thttps\t=\n65535\tlast\t-\n");
    assertEquals("http", names.tcp(80));
    assertEquals("https", names.tcp(443));
    assertEquals("last", names.tcp(65535));
    for (String port : new String[] {"", "-1", "8x", "99999999999"}) {
      IOException e = assertThrows(IOException.class, () -> parse(port + "\tx\t=\n"));
      assertEquals("service-names.tsv line 1: invalid port: " + port + " (expected: 0 ~ 65535)", e.getMessage());
    }
    IOException fields = assertThrows(IOException.class, () -> parse("1\ta\tb\tc\n"));
    assertEquals("service-names.tsv line 1: 4 fields (expected: 3, port<TAB>tcp-name<TAB>udp-name)",
        fields.getMessage());
  }

  @Test
  void parse_sameNameIsOneString() throws IOException {
    ServiceNames names = parse("7\techo\techo\n8\techo\t=\n");
    assertSame(names.tcp(7), names.udp(7));
    assertSame(names.tcp(7), names.tcp(8));
  }

  private static ServiceNames parse(String text) throws IOException {
    return ServiceNames.parse(text.getBytes(StandardCharsets.UTF_8));
  }
}
