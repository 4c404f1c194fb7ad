package dev.ecsdashboard.web;

import dev.ecsdashboard.text.VisibleText;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * How pages show text that comes from ECS (task fields, tags, reasons, names), which is untrusted:
 * escaped, and with every invisible character ({@link VisibleText#isInvisible}) shown as a marked
 * {@code \}{@code u202E} rather than acting on the text around it (a U+202E would reverse what a
 * person reads; a zero-width space would hide a difference).
 *
 * <ul>
 *   <li>{@code ecs:text="${...}"}: as {@code th:text}, with invisible characters marked;
 *   <li>{@code ecs:lines="${...}"}: the same, keeping line breaks (preformatted text);
 *   <li>{@code ${#visible.written(...)}}: for attributes ({@code th:title}, {@code aria-label}),
 *       which cannot hold markup: the text with invisible characters written out, which {@code
 *       th:*} then escapes; {@code ${#visible.className(...)}} for a class made of a value.
 * </ul>
 */
@Component
class VisibleTextDialect extends AbstractProcessorDialect implements IExpressionObjectDialect {

  static final String PREFIX = "ecs";

  VisibleTextDialect() {
    super("ECS text", PREFIX, StandardTextTagProcessor.PRECEDENCE);
  }

  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    return Set.of(
        new VisibleTextProcessor(dialectPrefix, "text", false),
        new VisibleTextProcessor(dialectPrefix, "lines", true),
        // Removes the templates' xmlns:ecs declaration from the pages, as th's own is removed.
        new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix));
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("visible");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return new Written();
      }

      @Override
      public boolean isCacheable(String name) {
        return true;
      }
    };
  }

  /** The {@code #visible} expression object, for attributes. */
  public static final class Written {

    /** The text with invisible characters written out; null stays null (no attribute). */
    public String written(Object text) {
      return text == null ? null : VisibleText.written(text.toString());
    }

    /** The value as a CSS class name ({@link VisibleText#className}). */
    public String className(String value) {
      return VisibleText.className(value);
    }
  }

  /** Sets the element's body to the expression's value, escaped, invisible characters marked. */
  private static final class VisibleTextProcessor
      extends AbstractStandardExpressionAttributeTagProcessor {

    private final boolean keepLineBreaks;

    VisibleTextProcessor(String prefix, String attribute, boolean keepLineBreaks) {
      super(TemplateMode.HTML, prefix, attribute, StandardTextTagProcessor.PRECEDENCE, true, false);
      this.keepLineBreaks = keepLineBreaks;
    }

    @Override
    protected void doProcess(
        ITemplateContext context,
        IProcessableElementTag tag,
        AttributeName attributeName,
        String attributeValue,
        Object value,
        IElementTagStructureHandler structureHandler) {
      String text = value == null ? "" : value.toString();
      // Not processable: the markup is final, and VisibleText.html escaped all of the text.
      structureHandler.setBody(VisibleText.html(text, keepLineBreaks), false);
    }
  }
}
