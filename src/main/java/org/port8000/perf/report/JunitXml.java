package org.port8000.perf.report;

import java.io.StringWriter;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.port8000.perf.analysis.AreaResult;
import org.port8000.perf.analysis.BenchmarkResult;
import org.port8000.perf.analysis.Check;
import org.port8000.perf.analysis.Status;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code target/perf/junit.xml}: one test case per check, for CI dashboards. */
final class JunitXml {
  static final String BENCHMARK = "Operation Benchmark";
  static final String BASELINE_SUITE = "Compared with baseline";

  private JunitXml() {}

  /** The areas' suites, the operation benchmark's own suite, then the baseline's (if any). */
  static String render(
      List<AreaResult> areas, BenchmarkResult benchmark, List<Check> baselineChecks) {
    try {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element suites = doc.createElement("testsuites");
      suites.setAttribute("name", "port8000-perf");
      doc.appendChild(suites);
      for (AreaResult a : areas) {
        Element suite = suite(doc, a.area().title(), a.checks());
        if (!a.ran()) {
          Element tc = doc.createElement("testcase");
          tc.setAttribute("classname", a.area().title());
          tc.setAttribute("name", a.area().name().toLowerCase(java.util.Locale.ROOT) + ".run");
          Element skip = doc.createElement("skipped");
          skip.setAttribute("message", "not run in this invocation: " + a.area().command());
          tc.appendChild(skip);
          suite.appendChild(tc);
          suite.setAttribute("tests", "1");
          suite.setAttribute("skipped", "1");
        }
        suites.appendChild(suite);
      }
      suites.appendChild(benchmarkSuite(doc, benchmark));
      if (!baselineChecks.isEmpty()) {
        suites.appendChild(suite(doc, BASELINE_SUITE, baselineChecks));
      }
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out + "\n";
    } catch (ParserConfigurationException | TransformerException e) {
      throw new ReportException("Cannot render junit.xml: " + e.getMessage(), e);
    }
  }

  /** The benchmark's suite; a benchmark that did not run is one skipped case saying why. */
  private static Element benchmarkSuite(Document doc, BenchmarkResult b) {
    Element suite = suite(doc, BENCHMARK, b.checks());
    if (!b.ran()) {
      Element tc = doc.createElement("testcase");
      tc.setAttribute("classname", BENCHMARK);
      tc.setAttribute("name", "benchmark.run");
      Element skip = doc.createElement("skipped");
      skip.setAttribute(
          "message", b.notes().isEmpty() ? "not run in this invocation" : b.notes().get(0));
      tc.appendChild(skip);
      suite.appendChild(tc);
      suite.setAttribute("tests", String.valueOf(b.checks().size() + 1));
      suite.setAttribute(
          "skipped",
          String.valueOf(
              b.checks().stream().filter(c -> c.status() == Status.NOT_MEASURED).count() + 1));
    }
    return suite;
  }

  /** One suite named {@code name}: a test case per check, classed under the same name. */
  private static Element suite(Document doc, String name, List<Check> checks) {
    Element suite = doc.createElement("testsuite");
    suite.setAttribute("name", name);
    suite.setAttribute("tests", String.valueOf(checks.size()));
    suite.setAttribute(
        "failures", String.valueOf(checks.stream().filter(c -> c.status() == Status.FAIL).count()));
    suite.setAttribute(
        "skipped",
        String.valueOf(checks.stream().filter(c -> c.status() == Status.NOT_MEASURED).count()));
    suite.setAttribute("errors", "0");
    checks.forEach(c -> suite.appendChild(testCase(doc, name, c)));
    return suite;
  }

  private static Element testCase(Document doc, String classname, Check c) {
    Element tc = doc.createElement("testcase");
    tc.setAttribute("classname", classname);
    tc.setAttribute("name", c.metric());
    String text =
        c.metric()
            + " = "
            + c.display()
            + " (target "
            + c.target()
            + ")"
            + (c.note().isEmpty() ? "" : ": " + c.note());
    if (c.status() == Status.FAIL) {
      Element f = doc.createElement("failure");
      f.setAttribute("message", text);
      tc.appendChild(f);
    } else if (c.status() == Status.NOT_MEASURED) {
      Element s = doc.createElement("skipped");
      s.setAttribute("message", text);
      tc.appendChild(s);
    } else {
      Element out = doc.createElement("system-out");
      out.setTextContent(text);
      tc.appendChild(out);
    }
    return tc;
  }
}
