package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.eval.run.EvalOptions;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.stats.GateMode;
import dev.aiworkbench.eval.stats.GateSpec;
import dev.aiworkbench.eval.suite.EvalSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JUnit XML of real runs, validated against the schema in src/test/resources/junit/junit.xsd
 * (the format CI systems read) and read back to check the counts and the messages.
 */
class JunitReportTest {
    private static Schema schema;

    @TempDir
    Path temp;

    private EvalHarness h;
    private EvalSuite suite;

    @BeforeAll
    static void loadSchema() throws SAXException {
        URL xsd = JunitReportTest.class.getResource("/junit/junit.xsd");
        assertThat(xsd).isNotNull();
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    }

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        h.writeSuite(20, 4);
        suite = h.load();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** Validates against the schema (failing with the validator's words) and parses. */
    private static Document valid(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testsuite(Document doc) {
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(1);
        return (Element) suites.item(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static Element testcase(Element suite, String itemName) {
        return children(suite, "testcase").stream().filter(t -> t.getAttribute("name").startsWith(itemName + " ["))
                .findFirst().orElseThrow(() -> new AssertionError("no testcase for " + itemName));
    }

    private EvalReport report(EvalRun run, GateSpec gate) {
        return h.workbench().evalReporter().report(run, Optional.ofNullable(gate), Optional.empty());
    }

    @Test
    void theSchemaItselfRejectsWhatCiReadersWouldNot() {
        String noCounts = "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase classname=\"c\" name=\"n\" time=\"0\"/>"
                + "</testsuite></testsuites>";
        String failureWithoutMessage = "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"1\" errors=\"0\" "
                + "skipped=\"0\" time=\"0.1\" timestamp=\"2025-01-01T10:00:00\"><testcase classname=\"c\" name=\"n\" "
                + "time=\"0\"><failure type=\"x\">t</failure></testcase></testsuite></testsuites>";
        String zonedTimestamp = "<testsuites><testsuite name=\"s\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" "
                + "time=\"0\" timestamp=\"2025-01-01T10:00:00Z\"/></testsuites>";
        String fine = "<testsuites><testsuite name=\"s\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0.1\" "
                + "timestamp=\"2025-01-01T10:00:00.250\"><testcase classname=\"c\" name=\"a\" time=\"0.05\"/>"
                + "<testcase classname=\"c\" name=\"b\" time=\"0\"><failure message=\"m\" type=\"x\">t</failure>"
                + "<system-out>out</system-out></testcase><system-err/></testsuite></testsuites>";

        assertThatThrownBy(() -> valid(noCounts)).isInstanceOf(SAXException.class).hasMessageContaining("failures");
        assertThatThrownBy(() -> valid(failureWithoutMessage)).isInstanceOf(SAXException.class)
                .hasMessageContaining("message");
        assertThatThrownBy(() -> valid(zonedTimestamp)).isInstanceOf(SAXException.class);
        org.assertj.core.api.Assertions.assertThatCode(() -> valid(fine)).doesNotThrowAnyException();
    }

    @Test
    void aPassingRunIsOneTestcasePerItemWithNoFailure() throws Exception {
        EvalRun run = h.run(suite, EvalHarness.options(4, 1));
        EvalReport report = report(run, null);

        Element s = testsuite(valid(JunitReportWriter.write(report)));

        assertThat(s.getAttribute("tests")).isEqualTo("20");
        assertThat(s.getAttribute("failures")).isEqualTo("0");
        assertThat(s.getAttribute("errors")).isEqualTo("0");
        assertThat(s.getAttribute("skipped")).isEqualTo("0");
        assertThat(s.getAttribute("name")).contains("Runner fixture").contains("tiny");
        assertThat(children(s, "testcase")).hasSize(20).allSatisfy(t -> {
            assertThat(t.getAttribute("classname")).isEqualTo(s.getAttribute("name"));
            assertThat(t.getElementsByTagName("failure").getLength()).isZero();
            assertThat(t.getElementsByTagName("error").getLength()).isZero();
        });
        assertThat(testcase(s, "item 7").getAttribute("name")).matches("item 7 \\[item-7-[0-9a-f]{12}]");
    }

    @Test
    void aFailingItemCarriesItsAssertionReasonsAndOutput() throws Exception {
        h.failing(3, 11);
        EvalRun run = h.run(suite, EvalHarness.options(4, 1));
        EvalReport report = report(run, null);
        List<CaseResult> cases = h.store().cases(run.id());

        Element s = testsuite(valid(JunitReportWriter.write(report)));

        assertThat(s.getAttribute("tests")).isEqualTo("20");
        assertThat(s.getAttribute("failures")).isEqualTo("2");
        assertThat(s.getAttribute("errors")).isEqualTo("0");
        assertThat(children(s, "failure")).hasSize(2);
        for (int item : new int[] {3, 11}) {
            CaseResult failed = cases.stream().filter(c -> c.vars().get("n").equals(String.valueOf(item))).findFirst()
                    .orElseThrow();
            String reason = "icontains: " + failed.assertions().get(0).reason();
            Element failure = (Element) testcase(s, "item " + item).getElementsByTagName("failure").item(0);
            assertThat(failure.getAttribute("message")).isEqualTo(reason);
            assertThat(failure.getAttribute("type")).isEqualTo("assertion");
            assertThat(failure.getTextContent()).contains(reason).contains("fail for item " + item);
        }
    }

    @Test
    void anErroredItemIsAnErrorNotAFailure() throws Exception {
        h.fake.midStreamError(1, "CUDA error: out of memory");
        EvalRun run = h.run(suite, new EvalOptions(4, 1, 0, Duration.ofSeconds(5), Optional.empty()));
        EvalReport report = report(run, null);

        Element s = testsuite(valid(JunitReportWriter.write(report)));

        assertThat(s.getAttribute("tests")).isEqualTo("20");
        assertThat(s.getAttribute("errors")).isEqualTo("20");
        assertThat(s.getAttribute("failures")).isEqualTo("0");
        assertThat(children(s, "error")).hasSize(20).allSatisfy(e -> {
            assertThat(e.getAttribute("message")).contains("CUDA error: out of memory");
            assertThat(e.getAttribute("type")).isEqualTo("error");
        });
    }

    @Test
    void aBlockedGateIsAFailedTestcaseOfItsOwn() throws Exception {
        EvalRun baseline = h.run(suite, EvalHarness.options(4, 1));
        report(baseline, null);
        h.failing(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        EvalRun candidate = h.run(suite, EvalHarness.options(4, 1));
        EvalReport report = report(candidate, new GateSpec(baseline.id(), 0.02, 0.05, GateMode.SIGNIFICANT_DROP));
        assertThat(report.blocked()).isTrue();

        Element s = testsuite(valid(JunitReportWriter.write(report)));

        assertThat(s.getAttribute("tests")).isEqualTo("21");
        assertThat(s.getAttribute("failures")).isEqualTo("11");
        assertThat(s.getAttribute("errors")).isEqualTo("0");
        Element gate = children(s, "testcase").stream().filter(t -> t.getAttribute("name").equals("gate (significant-drop)"))
                .findFirst().orElseThrow();
        Element failure = (Element) gate.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo(report.gate().orElseThrow().reason()).contains("b=10, c=0");
        assertThat(failure.getAttribute("type")).isEqualTo("gate");
    }

    @Test
    void aPassedGateIsAPassingTestcase() throws Exception {
        EvalRun run = h.run(suite, EvalHarness.options(4, 1));
        EvalReport report = report(run, GateSpec.defaults());

        Element s = testsuite(valid(JunitReportWriter.write(report)));

        assertThat(s.getAttribute("tests")).isEqualTo("21");
        assertThat(s.getAttribute("failures")).isEqualTo("0");
        assertThat(children(s, "testcase").stream().filter(t -> t.getAttribute("name").startsWith("gate ("))
                .findFirst().orElseThrow().getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void controlCharactersInAModelsAnswerStillMakeWellFormedXml() throws Exception {
        h.answer((item, call) -> item == 2 ? "\u001b[31mfail\u001b[0m\u0007" : "pass");
        EvalRun run = h.run(suite, EvalHarness.options(4, 1));
        EvalReport report = report(run, null);

        Element s = testsuite(valid(JunitReportWriter.write(report)));

        assertThat(s.getAttribute("failures")).isEqualTo("1");
        assertThat(testcase(s, "item 2").getElementsByTagName("failure").item(0).getTextContent())
                .contains("[31mfail");
    }

    @Test
    void onlyWhatXmlCannotHoldIsReplaced() {
        assertThat(JunitReportWriter.text("a\tb\nc\r d é 😀 \u2192")).isEqualTo("a\tb\nc\r d é 😀 \u2192");
        assertThat(JunitReportWriter.text("\u0000\u0008\u001b[0m\uFFFE\uD800x")).isEqualTo("\uFFFD\uFFFD\uFFFD[0m\uFFFD\uFFFDx");
    }

    @Test
    void markupInDescriptionsAndAnswersIsEscaped() throws Exception {
        h.write(EvalHarness.ITEMS, "__description,n\n\"<b>& \"\"quoted\"\" item</b> 1\",1\n");
        suite = h.load();
        h.answer((item, call) -> "</failure><x a=\"1\"> & ]]> fail");
        EvalRun run = h.run(suite, EvalHarness.options(1, 1));
        EvalReport report = report(run, null);

        Element s = testsuite(valid(JunitReportWriter.write(report)));

        Element only = children(s, "testcase").get(0);
        assertThat(only.getAttribute("name")).startsWith("<b>& \"quoted\" item</b> 1 [");
        assertThat(only.getElementsByTagName("failure").item(0).getTextContent())
                .contains("</failure><x a=\"1\"> & ]]> fail");
    }
}
