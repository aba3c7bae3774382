# Port 8000 — Performance Benchmark Report

<#if profileNotice?has_content>
> ⚠️ **${profileNotice}**

</#if>
**Generated:** ${generatedAt}  
**Profile:** ${profile}  
**Target:** ${target}  
**Status:** ${status} — ${result.headline}  
**Optimization report:** [PORT-8000-PERFORMANCE-OPTIMIZATION.md](PORT-8000-PERFORMANCE-OPTIMIZATION.md)

<#list result.notes as n>
> ${n}

</#list>
<#if result.ran>
---

## Latency Benchmarks

| Operation | Requests | Errors | p50 | p95 | p99 | Max | Target (p95) | Margin | Status |
|-----------|----------|--------|-----|-----|-----|-----|--------------|--------|--------|
<#list result.latency as r>
| ${r.operation} | ${r.count} | ${r.errors} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.target} | ${r.margin} | ${r.status} |
</#list>

Latency phase: ${result.latencyPhase} (open arrivals; the warm-up is closed-loop and not counted).
Targets are the seed's, judged by p95. Errors include HTTP 200 answers with `"success": false`.

---

## Throughput Benchmarks

| Metric | Actual | Target | Status | Notes |
|--------|--------|--------|--------|-------|
<#list result.throughput as r>
| ${r.label} | ${r.measured} | ${r.target} | ${r.status} | ${r.note} |
</#list>

---

## Resource Benchmarks

| Resource | Usage | Target | Status | Notes |
|----------|-------|--------|--------|-------|
<#list result.resources as r>
| ${r.label} | ${r.measured} | ${r.target} | ${r.status} | ${r.note} |
</#list>

---

## Comparison to Targets

<#list result.comparison as c>
- ${c}
</#list>

---

## Capacity Analysis

Every capacity figure is a knee found by ramping on this run's target, or the configured bound
when the ramp never broke. The load generator's own CPU is shown beside each step (% of all
cores of the machine running it): a step that breaks while it is high may have found the
machine's limit, not the target's.

<#list result.ramps as ramp>
### ${ramp.title}

${ramp.rule}

| Step | Achieved | Requests | p95 | Load generator CPU | Server | Result |
|------|----------|----------|-----|--------------------|--------|--------|
<#list ramp.steps as s>
| ${s.step} | ${s.achieved} | ${s.requests} | ${s.p95} | ${s.generatorCpu} | ${s.server} | ${s.result} |
</#list>

${ramp.result}

</#list>
**Headroom at the assignment's load:**
<#list result.headroom as h>
- ${h}
</#list>

---

## Production Readiness

| Category | Status | Notes |
|----------|--------|-------|
<#list result.readiness as r>
| ${r.label} | ${r.status} | ${r.note} |
</#list>

---

## Recommendations

<#list result.recommendations as r>
${r?counter}. ${r}
</#list>

---

## Conclusion

<#list result.conclusion as c>
- ${c}
</#list>

<#list links as l>
- [${l.label}](${l.href})
</#list>
<#else>
No figure and no verdict in this invocation (see above).
</#if>
