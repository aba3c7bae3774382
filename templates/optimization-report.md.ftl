# Port 8000 Performance Optimization Report

<#if profileNotice?has_content>
> ⚠️ **${profileNotice}**

</#if>
**Generated:** ${generatedAt}  
**Profile:** ${profile}  
**Target:** ${target}  
**Verdict:** ${verdict}  
**Operation benchmark:** [PORT-8000-PERFORMANCE-BENCHMARK.md](PORT-8000-PERFORMANCE-BENCHMARK.md) (latency per operation, capacity, resources; judged apart from the four metrics)
<#if targetTable?has_content>

## Target
| Capability | Found | What it changes |
|------------|-------|-----------------|
<#list targetTable as t>
| ${t.label} | ${t.value} | ${t.target} |
</#list>
</#if>

## Executive Summary
<#list summary as line>
- ${line}
</#list>

<#list sections as s>
## ${s.title}
**Metric:** ${s.metric}  
**Result:** ${s.result} (Target: ${s.target})  
**Status:** ${s.status}

<#if s.details?has_content>
| Figure | Measured |
|--------|----------|
<#list s.details as d>
| ${d.label} | ${d.value} |
</#list>

</#if>
<#list s.tables as t>
**${t.title}**

| <#list t.columns as c>${c}<#sep> | </#list> |
|<#list t.columns as c>---|</#list>
<#list t.rows as r>
| <#list r as cell>${cell}<#sep> | </#list> |
</#list>

<#if t.note?has_content>
${t.note}

</#if>
</#list>
<#if s.block?has_content>
```
<#list s.block as line>
${line}
</#list>
```

</#if>
<#list s.charts as c>
![${c.label}](${c.href})

</#list>
<#list s.notes as n>
> ${n}

</#list>
<#list s.links as l>
- [${l.label}](${l.href})
</#list>
<#if s.links?has_content>

</#if>
</#list>
<#if baseline??>
## Compared with baseline
${baseline.headline}

<#if baseline.rows?has_content>
| Metric | Baseline | Now | Change | Verdict | Why |
|--------|----------|-----|--------|---------|-----|
<#list baseline.rows as r>
| ${r.metric} | ${r.baseline} | ${r.now} | ${r.change} | ${r.verdict} | ${r.reason} |
</#list>

</#if>
<#list baseline.notes as n>
> ${n}

</#list>
<#list baseline.charts as c>
![${c.label}](${c.href})

</#list>
</#if>
<#list injectors as t>
## Injectors: ${t.simulation}
${t.headline}

| Injector | Host | Target | Users | Requests | Requests/s | Started | Injector CPU | Machine CPU | Saturated? |
|----------|------|--------|-------|----------|------------|---------|--------------|-------------|------------|
<#list t.rows as r>
| ${r.index} | ${r.host} | ${r.target} | ${r.users} | ${r.requests} | ${r.rate} | ${r.started} | ${r.injectorCpu} | ${r.machineCpu} | ${r.saturated} |
</#list>

</#list>
## Recommendations
<#list recommendations as r>
${r?counter}. ${r}
</#list>

## Sign-Off
${signOff}
