package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portflow.capture.synthetic.TrafficGenerator;
import io.portflow.capture.synthetic.TrafficMix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories and globs of rotated captures are read as one capture. */
class InputFilesTest {
  @TempDir static Path dir;
  private static Path whole;
  private static Path rotated;

  /** One capture, and the same cut into three files the way {@code tcpdump -C} names them. */
  @BeforeAll
  static void captures() throws IOException {
    whole = dir.resolve("whole.pcap");
    TrafficGenerator.write(TrafficMix.of(5, 1_500_000).withConcurrency(100), whole);
    rotated = Files.createDirectory(dir.resolve("rotated"));
    byte[] bytes = Files.readAllBytes(whole);
    int[] cuts = recordBoundariesNear(bytes, bytes.length / 3, 2 * bytes.length / 3);
    byte[] header = Arrays.copyOf(bytes, 24);
    write(rotated.resolve("capture.pcap"), header, Arrays.copyOfRange(bytes, 24, cuts[0]));
    write(rotated.resolve("capture.pcap1"), header, Arrays.copyOfRange(bytes, cuts[0], cuts[1]));
    write(rotated.resolve("capture.pcap2"), header, Arrays.copyOfRange(bytes, cuts[1], bytes.length));
    Files.writeString(rotated.resolve("README.txt"), "rotated by tcpdump -C 1\n");
    Files.writeString(rotated.resolve(".capture.pcap.swp"), "not a capture\n");
  }

  @Test
  void directory_isOneCapture_connectionsAcrossFilesAreOneFlow() {
    Run one = Run.of("analyze", "--format", "jsonl", whole.toString());
    Run three = Run.of("analyze", "--format", "jsonl", rotated.toString());
    assertEquals(0, three.exitCode(), three.err());
    assertEquals(one.out(), three.out());
    assertTrue(one.out().lines().count() > 100);
  }

  @Test
  void directory_listsItsCaptureFilesInNameOrder() throws IOException {
    Run run = Run.of("analyze", "--format", "json", rotated.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode files = new ObjectMapper().readTree(run.out()).get("summary").get("files");
    assertEquals(3, files.size());
    assertEquals(rotated.resolve("capture.pcap").toString(), files.get(0).get("path").asText());
    assertEquals(rotated.resolve("capture.pcap2").toString(), files.get(2).get("path").asText());
  }

  @Test
  void quotedGlob_isExpandedByPortflow() {
    Run one = Run.of("analyze", "--format", "jsonl", whole.toString());
    Run glob = Run.of("analyze", "--format", "jsonl", rotated.resolve("capture.pcap*").toString());
    assertEquals(0, glob.exitCode(), glob.err());
    assertEquals(one.out(), glob.out());
  }

  @Test
  void directoryWithoutCaptures_cannotBeRead() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(empty.resolve("notes.txt"), "nothing here\n");
    Run run = Run.of("analyze", empty.toString());
    assertEquals(3, run.exitCode());
    assertEquals("portflow: cannot read " + empty + ": no pcap or pcapng files in the directory\n", run.err());
  }

  @Test
  void globMatchingNothing_cannotBeRead() {
    Path glob = rotated.resolve("*.pcapng");
    Run run = Run.of("analyze", glob.toString());
    assertEquals(3, run.exitCode());
    assertEquals("portflow: cannot read " + glob + ": no file matches\n", run.err());
  }

  private static void write(Path file, byte[] header, byte[] records) throws IOException {
    byte[] content = Arrays.copyOf(header, header.length + records.length);
    System.arraycopy(records, 0, content, header.length, records.length);
    Files.write(file, content);
  }

  /** The offsets of the first records that start at or after each of {@code targets}. */
  private static int[] recordBoundariesNear(byte[] pcap, int... targets) {
    ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
    int[] cuts = new int[targets.length];
    int found = 0;
    for (int at = 24; at < pcap.length && found < targets.length; at += 16 + b.getInt(at + 8)) {
      if (at >= targets[found]) {
        cuts[found++] = at;
      }
    }
    return cuts;
  }
}
