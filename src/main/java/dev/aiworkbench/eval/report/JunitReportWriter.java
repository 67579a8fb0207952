package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.assertions.AssertionResult;
import dev.aiworkbench.eval.run.CaseResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The report as JUnit XML, which CI systems display: one testcase per item, a failure carrying the
 * failing assertions' reasons, an error for a case that could not be graded, and the gate as its own
 * testcase so a blocked gate shows up as a failed test.
 */
public final class JunitReportWriter {
    private static final Pattern NOT_XML = Pattern.compile(
            "[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private JunitReportWriter() {
    }

    public static String write(EvalReport report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            String suiteName = name(report);
            long failures = report.failed() + (report.blocked() ? 1 : 0);
            double seconds = report.run().finishedAt() == null ? 0
                    : Duration.between(report.run().startedAt(), report.run().finishedAt()).toMillis() / 1000.0;
            xml.writeStartElement("testsuites");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", text(suiteName));
            xml.writeAttribute("tests", String.valueOf(report.items().size() + (report.gate().isPresent() ? 1 : 0)));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", String.valueOf(report.errors()));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(seconds));
            xml.writeAttribute("timestamp", report.run().startedAt().toString().replaceFirst("\\.\\d+Z$", "").replace("Z", ""));
            xml.writeCharacters("\n");
            for (ItemResult item : report.items()) {
                testcase(xml, suiteName, item);
            }
            report.gate().ifPresent(gate -> {
                try {
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", text(suiteName));
                    xml.writeAttribute("name", "gate (" + gate.mode().configName() + ")");
                    xml.writeAttribute("time", "0");
                    if (!gate.passed()) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", text(gate.reason()));
                        xml.writeAttribute("type", "gate");
                        xml.writeCharacters(text(gate.explain()));
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                    xml.writeCharacters("\n");
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString() + "\n";
    }

    private static void testcase(XMLStreamWriter xml, String suiteName, ItemResult item) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", text(suiteName));
        xml.writeAttribute("name", text(item.description() == null || item.description().isBlank() ? item.key()
                : item.description() + " [" + item.key() + "]"));
        CaseResult shown = item.shown();
        Long latency = shown.latencyMs();
        xml.writeAttribute("time", seconds(latency == null ? 0 : latency / 1000.0));
        if (item.error() != null) {
            xml.writeStartElement("error");
            xml.writeAttribute("message", text(item.error()));
            xml.writeAttribute("type", "error");
            xml.writeCharacters(text(item.error()));
            xml.writeEndElement();
        } else if (!item.pass()) {
            String reasons = shown.assertions().stream().filter(a -> !a.pass())
                    .map(JunitReportWriter::reason).collect(Collectors.joining("\n"));
            xml.writeStartElement("failure");
            xml.writeAttribute("message", text(reasons.isEmpty() ? "failed" : reasons.lines().findFirst().orElse("failed")));
            xml.writeAttribute("type", item.flaky() ? "flaky" : "assertion");
            xml.writeCharacters(text((item.flaky() ? "Flaky: passed " + Math.round(item.passFraction() * item.runs().size())
                    + " of " + item.runs().size() + " runs.\n" : "") + reasons + "\n\nOutput:\n" + shown.output()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String reason(AssertionResult result) {
        return result.type() + ": " + result.reason();
    }

    private static String name(EvalReport report) {
        String description = report.run().description();
        return (description == null || description.isBlank() ? report.run().suiteFile() : description)
                + " · " + report.run().promptLabel() + " · " + report.run().model();
    }

    /**
     * Text as XML 1.0 can hold it: a model's answer may carry control characters (an ANSI colour code, a bell) that
     * no escaping can put in XML, and that would make CI reject the whole file; each becomes U+FFFD.
     */
    static String text(String value) {
        return NOT_XML.matcher(value).replaceAll("\uFFFD");
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
