package org.port8000.perf.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.port8000.perf.analysis.Chart;
import org.w3c.dom.Document;

class SvgChartTest {

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static String allText(Document d) {
    return d.getDocumentElement().getTextContent();
  }

  private static Chart chart(List<Chart.Marker> markers) {
    return new Chart(
        "memory-trend.svg",
        "Memory during the soak",
        "seconds since start",
        "resident memory (MB)",
        List.of(
            new Chart.Point(0, 60),
            new Chart.Point(1, 61.5),
            new Chart.Point(2, 59),
            new Chart.Point(3, 62)),
        markers);
  }

  @Test
  void rendersValidSvgWithTitleAxesAndEveryCheckpointNumberedInTheLegend() throws Exception {
    Document d =
        parse(
            SvgChart.render(
                chart(
                    List.of(
                        new Chart.Marker(0, "initial"),
                        new Chart.Marker(2.5, "after 500 messages")))));

    assertEquals("svg", d.getDocumentElement().getLocalName());
    String text = allText(d);
    assertTrue(text.contains("Memory during the soak"), text);
    assertTrue(text.contains("seconds since start") && text.contains("resident memory (MB)"), text);
    assertTrue(text.contains("1  initial") && text.contains("2  after 500 messages"), text);
  }

  @Test
  void checkpointsCloserThanALabelGoOnDifferentRowsAndFarOnesShareTheFirst() {
    Chart crowded =
        chart(
            List.of(
                new Chart.Marker(1.0, "footprint: before"),
                new Chart.Marker(1.01, "footprint: open"),
                new Chart.Marker(1.02, "footprint: closed"),
                new Chart.Marker(3.0, "end")));

    List<Integer> rows = SvgChart.labelRows(crowded);

    assertEquals(List.of(0, 1, 2, 0), rows);
  }

  @Test
  void escapesTextSoLabelsCannotBreakTheDocument() throws Exception {
    Chart chart =
        new Chart(
            "c.svg",
            "A & B <script>",
            "x \"quoted\"",
            "y 'single'",
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
    assertTrue(allText(d).contains(SvgChart.NO_DATA), allText(d));
  }
}
