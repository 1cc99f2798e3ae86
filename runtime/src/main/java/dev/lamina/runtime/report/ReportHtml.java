package dev.lamina.runtime.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.List;

/**
 * The report page: one self-contained HTML document with inline CSS, no scripts and no requests beyond
 * the chart images beside it. The page is {@code src/main/jte/report.jte}, compiled to Java at build
 * time; jte's HTML mode escapes every value from the run, so a name such as {@code <script>} shows as text.
 */
final class ReportHtml {

    /** Where jte-maven-plugin puts the compiled templates (runtime/pom.xml). */
    private static final String TEMPLATE_PACKAGE = "dev.lamina.runtime.report";

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            ReportHtml.class.getClassLoader(), TEMPLATE_PACKAGE);

    private ReportHtml() {}

    /**
     * The page for a run.
     *
     * @param runFiles names of other run files to link in the footer (history.csv, ...), in order
     */
    static String render(ReportData data, List<String> runFiles) {
        StringOutput html = new StringOutput(32_768);
        TEMPLATES.render("report.jte", new ReportView(data, runFiles), html);
        return html.toString();
    }

    /** The page of a run repeated over seeds. */
    static String renderSeeds(SeedReportView view) {
        StringOutput html = new StringOutput(16_384);
        TEMPLATES.render("seeds.jte", view, html);
        return html.toString();
    }
}
