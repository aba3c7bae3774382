package org.port8000.perf.deploy;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What must hold in deploy/k8s (images cannot be built here, so the manifests are checked as text):
 * an Indexed Job with parallelism = completions = -Dinjector.count, the same run id and start
 * instant for every pod, the results volume mounted, and a merge Job whose inputs are exactly the
 * injectors' result folders, and an injector that runs every simulation (the start barrier of
 * deploy/suite.sh starts each after the first together). Each rule is also shown to catch a broken
 * copy.
 */
class ManifestsTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Path INJECTORS = Path.of("deploy/k8s/injectors-job.yaml");
  private static final Path MERGE = Path.of("deploy/k8s/merge-job.yaml");
  private static final String RESULTS = "/results";
  private static final List<String> SIMULATIONS =
      List.of(
          "MessageThroughputSimulation",
          "HeartbeatSimulation",
          "UiRenderSimulation",
          "MemoryLeakSimulation",
          "OperationBenchmarkSimulation");

  @Test
  void theShippedManifestsHoldEveryRule() throws IOException {
    assertEquals(List.of(), problems(read(INJECTORS), read(MERGE)));
  }

  @Test
  void theEntrypointWritesWhereTheMergeReads() throws IOException {
    String script = Files.readString(Path.of("deploy/suite.sh"));
    assertTrue(script.contains("out=\"$results/$run_id/injector-$index\""), script);
    assertTrue(script.contains("results=\"${RESULTS:-/results}\""), script);
    assertTrue(script.contains("index=\"${JOB_COMPLETION_INDEX:-0}\""), script);
    String docker = Files.readString(Path.of("Dockerfile"));
    assertTrue(docker.contains("ENTRYPOINT [\"/suite/suite.sh\"]"), docker);
    assertTrue(docker.contains("COPY deploy/suite.sh suite.sh"), docker);
  }

  @Test
  void eachRuleCatchesABrokenManifest() throws IOException {
    assertBroken(
        "completionMode is not Indexed",
        (inj, merge) -> job(inj).with("spec").put("completionMode", "NonIndexed"));
    assertBroken(
        "parallelism 3 != completions 2",
        (inj, merge) -> job(inj).with("spec").put("parallelism", 3));
    assertBroken(
        "-Dinjector.count=2 != completions 3",
        (inj, merge) -> {
          job(inj).with("spec").put("completions", 3);
          job(inj).with("spec").put("parallelism", 3);
        });
    assertBroken(
        "injector.runId comes from a pod's own field",
        (inj, merge) ->
            ((ObjectNode) env(container(job(inj)), "RUN_ID").orElseThrow())
                .set("valueFrom", YAML.readTree("fieldRef: {fieldPath: metadata.name}")));
    assertBroken(
        "no -Dinjector.startAt",
        (inj, merge) -> removeArg(container(job(inj)), "-Dinjector.startAt="));
    assertBroken(
        "results volume not mounted at /results",
        (inj, merge) ->
            ((ObjectNode) container(job(inj)).get("volumeMounts").get(0)).put("mountPath", "/tmp"));
    assertBroken(
        "the injectors run SIMULATIONS 'UiRenderSimulation', not every simulation",
        (inj, merge) ->
            ((ArrayNode) container(job(inj)).get("env"))
                .add(YAML.readTree("{name: SIMULATIONS, value: UiRenderSimulation}")));
    assertBroken(
        "merge inputs [/results/$(RUN_ID)/injector-0] != the injectors'",
        (inj, merge) -> {
          removeArg(container(job(merge)), "-Dmerge.inputs=");
          ((ArrayNode) container(job(merge)).get("args"))
              .add("-Dmerge.inputs=/results/$(RUN_ID)/injector-0");
        });
  }

  interface Breaker {
    void apply(List<JsonNode> injectors, List<JsonNode> merge) throws IOException;
  }

  private void assertBroken(String expected, Breaker breaker) throws IOException {
    List<JsonNode> injectors = read(INJECTORS);
    List<JsonNode> merge = read(MERGE);
    breaker.apply(injectors, merge);
    List<String> problems = problems(injectors, merge);
    assertTrue(
        problems.stream().anyMatch(p -> p.contains(expected)),
        "expected '" + expected + "' in " + problems);
  }

  static List<String> problems(List<JsonNode> injectorDocs, List<JsonNode> mergeDocs) {
    List<String> problems = new ArrayList<>();
    JsonNode job = job(injectorDocs);
    JsonNode spec = job.path("spec");
    if (!"Indexed".equals(spec.path("completionMode").asText())) {
      problems.add("completionMode is not Indexed");
    }
    int completions = spec.path("completions").asInt(-1);
    int parallelism = spec.path("parallelism").asInt(-1);
    if (parallelism != completions) {
      problems.add("parallelism " + parallelism + " != completions " + completions);
    }
    JsonNode injector = container(job);
    Map<String, String> args = dArgs(injector);
    String count = args.get("injector.count");
    if (!String.valueOf(completions).equals(count)) {
      problems.add("-Dinjector.count=" + count + " != completions " + completions);
    }
    Map<String, String> config = configMap(injectorDocs);
    for (String setting : List.of("injector.runId", "injector.startAt")) {
      String value = args.get(setting);
      if (value == null) {
        problems.add("no -D" + setting);
        continue;
      }
      sharedValue(injector, value, config).ifPresent(why -> problems.add(setting + " " + why));
    }
    String startAt = resolve(injector, args.getOrDefault("injector.startAt", ""), config);
    if (!startAt.matches("\\d{13}")) {
      problems.add("injector.startAt '" + startAt + "' is not epoch milliseconds");
    }
    partOfTheSuite(injector).ifPresent(problems::add);
    String claim = resultsClaim(job);
    if (claim == null) {
      problems.add("results volume not mounted at " + RESULTS);
    }
    JsonNode merge = job(mergeDocs);
    if (claim != null && !claim.equals(resultsClaim(merge))) {
      problems.add("the merge job does not mount the injectors' results claim " + claim);
    }
    JsonNode merger = container(merge);
    String runIdArg = args.getOrDefault("injector.runId", "");
    List<String> expected =
        IntStream.range(0, Math.max(completions, 0))
            .mapToObj(i -> RESULTS + "/" + runIdArg + "/injector-" + i)
            .toList();
    List<String> inputs = List.of(dArgs(merger).getOrDefault("merge.inputs", "").split(","));
    if (!inputs.equals(expected)) {
      problems.add("merge inputs " + inputs + " != the injectors' " + expected);
    }
    if (!resolve(merger, runIdArg, config).equals(resolve(injector, runIdArg, config))) {
      problems.add("the merge job's run id differs from the injectors'");
    }
    return problems;
  }

  /** Empty when the injectors run every simulation (no SIMULATIONS, or one naming all). */
  private static Optional<String> partOfTheSuite(JsonNode injector) {
    return env(injector, "SIMULATIONS")
        .map(e -> e.path("value").asText())
        .filter(v -> !List.of(v.trim().split("\\s+")).containsAll(SIMULATIONS))
        .map(v -> "the injectors run SIMULATIONS '" + v + "', not every simulation");
  }

  /** Empty when the value is the same in every pod (a literal, or an env var from a ConfigMap). */
  private static Optional<String> sharedValue(
      JsonNode container, String value, Map<String, String> config) {
    Matcher m = Pattern.compile("\\$\\(([A-Z_]+)\\)").matcher(value);
    while (m.find()) {
      Optional<JsonNode> env = env(container, m.group(1));
      if (env.isEmpty()) {
        return Optional.of("uses $(" + m.group(1) + "), which the container does not set");
      }
      JsonNode e = env.get();
      if (e.has("value")) {
        continue;
      }
      JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
      if (ref.isMissingNode()) {
        return Optional.of("comes from a pod's own field (" + e.path("valueFrom") + ")");
      }
      if (!config.containsKey(ref.path("key").asText())) {
        return Optional.of("names ConfigMap key " + ref.path("key") + ", which is not set");
      }
    }
    return Optional.empty();
  }

  private static String resolve(JsonNode container, String value, Map<String, String> config) {
    Matcher m = Pattern.compile("\\$\\(([A-Z_]+)\\)").matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode e = env(container, m.group(1)).orElse(null);
      String v =
          e == null
              ? ""
              : e.has("value")
                  ? e.get("value").asText()
                  : config.getOrDefault(
                      e.path("valueFrom").path("configMapKeyRef").path("key").asText(), "");
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String resultsClaim(JsonNode job) {
    JsonNode pod = job.path("spec").path("template").path("spec");
    for (JsonNode mount : container(job).path("volumeMounts")) {
      if (RESULTS.equals(mount.path("mountPath").asText())) {
        for (JsonNode v : pod.path("volumes")) {
          if (v.path("name").asText().equals(mount.path("name").asText())) {
            return v.path("persistentVolumeClaim").path("claimName").asText(null);
          }
        }
      }
    }
    return null;
  }

  private static Map<String, String> dArgs(JsonNode container) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode a : container.path("args")) {
      String s = a.asText();
      int eq = s.indexOf('=');
      if (s.startsWith("-D") && eq > 2) {
        out.put(s.substring(2, eq), s.substring(eq + 1));
      }
    }
    return out;
  }

  private static void removeArg(JsonNode container, String prefix) {
    ArrayNode args = (ArrayNode) container.get("args");
    for (int i = args.size() - 1; i >= 0; i--) {
      if (args.get(i).asText().startsWith(prefix)) {
        args.remove(i);
      }
    }
  }

  private static Optional<JsonNode> env(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (name.equals(e.path("name").asText())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> configMap(List<JsonNode> docs) {
    Map<String, String> out = new TreeMap<>();
    docs.stream()
        .filter(d -> "ConfigMap".equals(d.path("kind").asText()))
        .forEach(
            d ->
                d.path("data")
                    .fields()
                    .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText())));
    return out;
  }

  private static ObjectNode job(List<JsonNode> docs) {
    return (ObjectNode)
        docs.stream()
            .filter(d -> "Job".equals(d.path("kind").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Job in " + docs));
  }

  private static JsonNode container(JsonNode job) {
    return job.path("spec").path("template").path("spec").path("containers").path(0);
  }

  private static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode d = it.next();
        if (d != null && !d.isNull() && !(d instanceof TextNode)) {
          docs.add(d);
        }
      }
    }
    return docs;
  }
}
