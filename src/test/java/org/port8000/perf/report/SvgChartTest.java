package org.port8000.perf.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.port8000.perf.analysis.Chart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static String allText(Document d) {
    return d.getDocumentElement().getTextContent();
  }

  @Test
  void rendersValidSvgWithOnePolylinePointPerMeasurementAndTheCheckpoints() throws Exception {
    Chart chart = new Chart("memory-trend.svg", "Memory during the soak", "seconds since start",
        "resident memory (MB)",
        List.of(new Chart.Point(0, 60), new Chart.Point(1, 61.5), new Chart.Point(2, 59),
            new Chart.Point(3, 62)),
        List.of(new Chart.Marker(0, "initial"), new Chart.Marker(2.5, "after 500 messages")));

    Document d = parse(SvgChart.render(chart));

    assertEquals("svg", d.getDocumentElement().getLocalName());
    NodeList lines = d.getElementsByTagName("polyline");
    assertEquals(1, lines.getLength());
    String points = ((Element) lines.item(0)).getAttribute("points");
    assertEquals(4, points.trim().split("\\s+").length, points);
    String text = allText(d);
    assertTrue(text.contains("initial") && text.contains("after 500 messages"), text);
    assertTrue(text.contains("Memory during the soak") && text.contains("resident memory (MB)"));
    int markers = 0;
    NodeList l = d.getElementsByTagName("line");
    for (int i = 0; i < l.getLength(); i++) {
      if ("marker".equals(((Element) l.item(i)).getAttribute("class"))) {
        markers++;
      }
    }
    assertEquals(2, markers);
  }

  @Test
  void higherMemoryIsDrawnHigherUp() throws Exception {
    Chart chart = new Chart("c.svg", "t", "x", "y",
        List.of(new Chart.Point(0, 10), new Chart.Point(1, 50)), List.of());
    String points = ((Element) parse(SvgChart.render(chart)).getElementsByTagName("polyline")
        .item(0)).getAttribute("points");
    String[] p = points.split(" ");
    double y0 = Double.parseDouble(p[0].split(",")[1]);
    double y1 = Double.parseDouble(p[1].split(",")[1]);
    assertTrue(y1 < y0, points);
  }

  @Test
  void escapesTextSoLabelsCannotBreakTheDocument() throws Exception {
    Chart chart = new Chart("c.svg", "A & B <script>", "x \"quoted\"", "y 'single'",
        List.of(new Chart.Point(0, 1), new Chart.Point(1, 2)),
        List.of(new Chart.Marker(0.5, "</text><evil/>")));
    String svg = SvgChart.render(chart);
    assertFalse(svg.contains("<script>") || svg.contains("<evil/>"), svg);
    Document d = parse(svg);
    String text = allText(d);
    assertTrue(text.contains("A & B <script>"), text);
    assertTrue(text.contains("</text><evil/>"), text);
    assertEquals(0, d.getElementsByTagName("evil").getLength());
  }

  @Test
  void saysSoWhenThereIsNothingToDraw() throws Exception {
    Chart chart = new Chart("c.svg", "t", "x", "y", List.of(), List.of());
    Document d = parse(SvgChart.render(chart));
    assertEquals(0, d.getElementsByTagName("polyline").getLength());
    assertTrue(allText(d).contains("no data measured"));
  }
}
