# BOT-003 Performance Optimization — Window 2 Complete

<#if profileNotice?has_content>
> ⚠️ **${profileNotice}**

</#if>
**Generated:** ${generatedAt}  
**Profile:** ${profile}  
**Target:** ${target}  
**Report:** `.deia/reports/PORT-8000-PERFORMANCE-OPTIMIZATION.md`  
**Operation benchmark:** [`.deia/reports/PORT-8000-PERFORMANCE-BENCHMARK.md`](../../../reports/PORT-8000-PERFORMANCE-BENCHMARK.md)

## All 4 metrics complete?
**${allComplete}**

<#list completeness as line>
- ${line}
</#list>

## Key findings (vs targets)
| Check | Measured | Target | Status |
|-------|----------|--------|--------|
<#list keyFindings as f>
| ${f.label} | ${f.value} | ${f.target} | ${f.status} |
</#list>

## Optimization recommendations
<#list recommendations as r>
${r?counter}. ${r}
</#list>

## Ready for Window 3?
**${readyForWindow3}** — ${readyReason}
