package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portflow.capture.libpcap.Libpcap;
import io.portflow.cli.fixtures.Frames;
import io.portflow.cli.fixtures.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Printed timestamps follow a pcapng interface's {@code if_tsresol}: nine digits, equal to
 * tshark's {@code frame.time_epoch}, when it is finer than a microsecond; six otherwise.
 */
class PcapngTimestampResolutionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** nDPI's nano.pcapng: one interface, if_tsresol 10^-9, one TCP connection of six frames. */
  private static final String NANO_PCAPNG = "/corpus/captures/nDPI/tests/cfgs/default/pcap/nano.pcapng";
  /** tshark 4.0.17 frame.time_epoch of its first and last frame (also in its .streams.csv). */
  private static final String NANO_FIRST = "2024-07-18T09:35:18.976755289Z"; // 1721295318.976755289
  private static final String NANO_LAST = "2024-07-18T09:35:19.083277243Z";  // 1721295319.083277243
  private static final String NANO_DURATION = "0.106521954";

  private static final int TSRESOL_MILLI = 3;
  private static final int TSRESOL_100_NANO = 7;
  private static final int TSRESOL_NANO = 9;
  private static final int TSRESOL_BINARY = 0x80;
  /** First frame of the 2^-30 capture, in its ticks: 2024-07-18T09:35:18.976218250Z. */
  private static final long BINARY30_FIRST = (1_721_295_318L << 30) | 0x3e7a_5c1d;
  /** About 0.93 ms in 2^-30 s ticks, and not a round number of nanoseconds. */
  private static final long BINARY30_APART = 1_000_003;

  @TempDir Path dir;
  private int files;

  @Test
  void nanosecondTsresol_everyFormatPrintsTsharksTimes() throws Exception {
    String file = resource(NANO_PCAPNG);
    JsonNode flow = jsonlFlows(file).get(0);
    assertEquals(NANO_FIRST, flow.get("first_seen").asText());
    assertEquals(NANO_LAST, flow.get("last_seen").asText());
    assertEquals(NANO_DURATION, flow.get("duration").asText());
    Schema.assertValid(flow);

    JsonNode json = MAPPER.readTree(analyze("json", file));
    assertEquals(NANO_FIRST, json.get("flows").get(0).get("first_seen").asText());
    assertEquals(NANO_FIRST, json.get("summary").get("first_seen").asText());
    assertEquals(NANO_LAST, json.get("summary").get("last_seen").asText());

    String csv = analyze("csv", file);
    assertTrue(csv.contains("," + NANO_FIRST + "," + NANO_LAST + "," + NANO_DURATION + ","), csv);

    String table = analyze("table", file);
    assertTrue(table.contains(NANO_FIRST.replace('T', ' ').replace("Z", "")), table);
  }

  @Test
  void nanosecondTsresol_libpcapReaderPrintsTheSame() throws Exception {
    assumeTrue(Libpcap.isAvailable(), "libpcap is not installed (apt-get install libpcap0.8)");
    String file = resource(NANO_PCAPNG);
    Run run = Run.of("analyze", "--reader", "libpcap", "--format", "jsonl", file);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(NANO_FIRST, MAPPER.readTree(run.out()).get("first_seen").asText());
  }

  /** tshark 4.0.17 on this file: frame.time_epoch 1721295318.976218250 and 1721295318.982737528. */
  @Test
  void binary30_finerThanAMicrosecond_printsTsharksTimes() throws Exception {
    Path file = pcapng(idb(TSRESOL_BINARY | 30), BINARY30_FIRST, BINARY30_APART, 0);
    JsonNode flow = jsonlFlows(file.toString()).get(0);
    assertEquals("2024-07-18T09:35:18.976218250Z", flow.get("first_seen").asText());
    assertEquals("2024-07-18T09:35:18.982737528Z", flow.get("last_seen").asText());
  }

  @Test
  void tenthOfAMicrosecond_isPrintedInNanoseconds() throws Exception {
    Path file = pcapng(idb(TSRESOL_100_NANO), 17_212_953_182_440_491L, 10_000, 0);
    assertEquals("2024-07-18T09:35:18.244049100Z", jsonlFlows(file.toString()).get(0).get("first_seen").asText());
  }

  @Test
  void microsecondOrCoarser_staysMicroseconds() throws Exception {
    Path milli = pcapng(idb(TSRESOL_MILLI), 1_721_295_318_244L, 1, 0);
    assertEquals("2024-07-18T09:35:18.244000Z", jsonlFlows(milli.toString()).get(0).get("first_seen").asText());
    Path binary19 = pcapng(idb(TSRESOL_BINARY | 19), 1_721_295_318L << 19, 1_000, 0);  // 1.9 us ticks
    assertEquals("2024-07-18T09:35:18.000000Z", jsonlFlows(binary19.toString()).get(0).get("first_seen").asText());
    Path unset = pcapng(idb(-1), 1_721_295_318_244_049L, 1_000, 0);
    assertEquals("2024-07-18T09:35:18.244049Z", jsonlFlows(unset.toString()).get(0).get("first_seen").asText());
  }

  @Test
  void mixedInputs_nanosecondsWhenAnyInterfaceHasThem() throws Exception {
    Path micro = pcapng(idb(-1), 1_721_295_318_244_049L, 1_000, 0);
    Path nano = pcapng(idb(TSRESOL_NANO), 1_721_295_319_000_000_001L, 1_000_000, 7);
    List<JsonNode> flows = jsonlFlows(micro.toString(), nano.toString());
    assertEquals("2024-07-18T09:35:18.244049000Z", firstSeen(flows, 40_000));
    assertEquals("2024-07-18T09:35:19.000000001Z", firstSeen(flows, 40_007));
  }

  /**
   * Streamed jsonl must choose before its first record, when only the interfaces declared before
   * the first packet are known; json is written after the whole file, with all of them.
   */
  @Test
  void nanosecondInterfaceDeclaredAfterTheFirstPacket_onlyOutputWrittenAtTheEndSeesIt() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(shb());
    bytes.writeBytes(idb(-1));
    packets(bytes, 0, 1_721_295_318_244_049L, 0, 1_000);
    bytes.writeBytes(idb(TSRESOL_NANO));
    packets(bytes, 1, 1_721_295_319_000_000_001L, 7, 1_000_000);
    Path file = Files.write(dir.resolve("late-interface.pcapng"), bytes.toByteArray());

    List<JsonNode> streamed = jsonlFlows(file.toString());
    assertEquals("2024-07-18T09:35:18.244049Z", firstSeen(streamed, 40_000));
    assertEquals("2024-07-18T09:35:19.000000Z", firstSeen(streamed, 40_007));
    List<JsonNode> kept = new ArrayList<>();
    MAPPER.readTree(analyze("json", file.toString())).get("flows").forEach(kept::add);
    assertEquals("2024-07-18T09:35:18.244049000Z", firstSeen(kept, 40_000));
    assertEquals("2024-07-18T09:35:19.000000001Z", firstSeen(kept, 40_007));
  }

  private static String analyze(String format, String... files) {
    String[] args = new String[3 + files.length];
    args[0] = "analyze";
    args[1] = "--format";
    args[2] = format;
    System.arraycopy(files, 0, args, 3, files.length);
    Run run = Run.of(args);
    assertEquals(0, run.exitCode(), run.err());
    return run.out();
  }

  private static List<JsonNode> jsonlFlows(String... files) throws IOException {
    List<JsonNode> flows = new ArrayList<>();
    for (String line : analyze("jsonl", files).split("\n")) {
      flows.add(MAPPER.readTree(line));
    }
    return flows;
  }

  private static String firstSeen(List<JsonNode> flows, int clientPort) {
    for (JsonNode flow : flows) {
      if (flow.get("client").get("port").asInt() == clientPort) {
        return flow.get("first_seen").asText();
      }
    }
    throw new AssertionError("no flow from client port " + clientPort + " in " + flows);
  }

  private static String resource(String name) throws URISyntaxException {
    URL url = PcapngTimestampResolutionTest.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("no " + name + " on the test class path (expected: cli/src/test/resources)");
    }
    return Path.of(url.toURI()).toString();
  }

  /**
   * One section, one interface, one connection (client port 40000 + {@code flow}) of eight frames
   * from {@code firstTicks}, {@code apart} ticks apart.
   */
  private Path pcapng(byte[] idb, long firstTicks, long apart, int flow) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(shb());
    bytes.writeBytes(idb);
    packets(bytes, 0, firstTicks, flow, apart);
    Path file = Files.write(dir.resolve("capture" + (++files) + ".pcapng"), bytes.toByteArray());
    return file;
  }

  /** A whole TCP connection's enhanced packet blocks on {@code iface}, {@code apart} ticks apart. */
  private static void packets(ByteArrayOutputStream out, int iface, long firstTicks, int flow, long apart) {
    List<Frames.Frame> frames = Frames.connection(0, "10.0.0.2", 40_000 + flow, "10.0.0.1", 80, 10, 20);
    for (int i = 0; i < frames.size(); i++) {
      out.writeBytes(epb(iface, firstTicks + i * apart, frames.get(i).data()));
    }
  }

  private static ByteBuffer block(int type, int bodyLength) {
    int total = 12 + bodyLength;
    return ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(total);
  }

  private static byte[] close(ByteBuffer b) {
    return b.putInt(b.capacity()).array();
  }

  /** Section header, version 1.0, length unknown. */
  private static byte[] shb() {
    return close(block(0x0a0d0d0a, 16).putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1));
  }

  /** Ethernet interface, snaplen 0; with {@code if_tsresol} unless {@code tsresol} is negative. */
  private static byte[] idb(int tsresol) {
    ByteBuffer b = block(0x00000001, tsresol < 0 ? 8 : 8 + 8 + 4);
    b.putShort((short) 1).putShort((short) 0).putInt(0);
    if (tsresol >= 0) {
      b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
      b.putInt(0); // opt_endofopt
    }
    return close(b);
  }

  private static byte[] epb(int iface, long ticks, byte[] data) {
    int padded = (data.length + 3) & ~3;
    ByteBuffer b = block(0x00000006, 20 + padded);
    b.putInt(iface).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(data.length);
    b.put(data).put(new byte[padded - data.length]);
    return close(b);
  }
}
