package org.port8000.perf.report;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;

/** Renders a {@code templates/*.ftl} template with a model; fails loudly, never half-renders. */
public final class TemplateRenderer {
  private final Configuration config;

  public TemplateRenderer() {
    this(TemplateRenderer.class, "/templates");
  }

  TemplateRenderer(Class<?> base, String path) {
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setClassForTemplateLoading(base, path);
    config.setDefaultEncoding("UTF-8");
    // Records' components read as properties (s.title), so templates stay plain.
    config.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
  }

  public String render(String templateName, Object model) {
    try {
      Template t = config.getTemplate(templateName);
      StringWriter out = new StringWriter();
      t.process(model, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new ReportException(
          "Cannot render template " + templateName + ": " + e.getMessage(), e);
    }
  }
}
