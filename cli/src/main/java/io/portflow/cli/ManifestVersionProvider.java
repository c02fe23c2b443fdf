package io.portflow.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: Implementation-Version from the jar manifest, and the Java runtime. */
public final class ManifestVersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "portflow " + (version == null ? "(development build)" : version),
      "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
          + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
    };
  }
}
