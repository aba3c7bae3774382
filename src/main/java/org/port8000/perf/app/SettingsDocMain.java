package org.port8000.perf.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.port8000.perf.config.SettingsDoc;
import org.port8000.perf.results.AtomicFiles;

/** {@code mvn exec:java@settings-doc}: writes the settings table of docs/settings.md anew. */
public final class SettingsDocMain {
  private SettingsDocMain() {}

  public static void main(String[] args) throws IOException {
    Path doc = Path.of("docs", "settings.md");
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    String updated = SettingsDoc.replaceTable(text);
    if (updated.equals(text)) {
      System.out.println(doc + " is up to date");
      return;
    }
    AtomicFiles.write(doc, updated);
    System.out.println(doc + ": settings table written from the registry");
  }
}
