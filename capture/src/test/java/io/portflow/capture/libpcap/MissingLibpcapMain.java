package io.portflow.capture.libpcap;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureFiles;
import io.portflow.capture.ReaderKind;
import java.nio.file.Path;
import java.util.List;

/** Run in a JVM pointed at a library that does not exist: prints what each entry point throws. */
public final class MissingLibpcapMain {
  private MissingLibpcapMain() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    try {
      Libpcap.require();
      System.out.println("loaded");
    } catch (CaptureException e) {
      System.out.println(e.kind() + ": " + e.getMessage());
    }
    try {
      CaptureFiles.open(List.of(file), ReaderKind.LIBPCAP, null).close();
      System.out.println("opened");
    } catch (Exception e) {
      System.out.println(e instanceof CaptureException ce ? ce.kind() + ": " + e.getMessage() : e.toString());
    }
    try {
      CaptureFiles.open(List.of(file), ReaderKind.PORTFLOW, "tcp").close();
      System.out.println("filtered");
    } catch (Exception e) {
      System.out.println(e instanceof CaptureException ce ? ce.kind() + ": " + e.getMessage() : e.toString());
    }
    try {
      CaptureFiles.open(List.of(file), ReaderKind.PORTFLOW, null).close();
      System.out.println("read without libpcap");
    } catch (Exception e) {
      System.out.println(e.toString());
    }
  }
}
