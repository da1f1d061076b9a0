package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tenantdesk.domain.SkipReason;
import no.tenantdesk.mail.in.InboundMail.MailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {

    @TempDir
    Path spool;

    private final Classifier classifier = new Classifier(Set.of("post@eiendom.example"));

    private Optional<SkipReason> classify(String fixture) {
        try (InboundMail mail = new MessageParser(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, spool)
                .parse(Fixtures.raw(fixture))) {
            return classifier.classify(mail);
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "out-of-office-auto-submitted.eml, AUTO_REPLY",
        "x-autoreply.eml, AUTO_REPLY",
        "x-auto-response-suppress.eml, AUTO_REPLY",
        "empty-return-path.eml, AUTO_REPLY",
        "precedence-bulk.eml, BULK",
        "precedence-list.eml, BULK",
        "bounce-multipart-report.eml, BOUNCE",
        "own-mail-x-loop.eml, OWN_MAIL",
        "from-our-own-address.eml, OWN_MAIL",
    })
    void automaticMailIsSkippedWithItsReason(String fixture, SkipReason reason) {
        assertThat(classify(fixture)).contains(reason);
    }

    @Test
    void autoSubmittedNoIsAPersonWriting() {
        assertThat(classify("normal-mail-auto-submitted-no.eml")).isEmpty();
    }

    @Test
    void ordinaryTenantMailIsNotSkipped() {
        assertThat(classify("plain-utf8.eml")).isEmpty();
        assertThat(classify("photo-attachment-jpeg.eml")).isEmpty();
        assertThat(classify("outlook-html-only-windows-1252.eml")).isEmpty();
    }

    private static InboundMail mail(String from, Map<String, List<String>> headers) {
        return new InboundMail(null, List.of(), List.of(), new MailAddress("", from), List.of(), List.of(), List.of(),
                "", null, "", List.of(), List.of(), headers, Path.of("x.eml"), 0, "", null);
    }

    private Optional<SkipReason> classify(Map<String, List<String>> headers) {
        return classifier.classify(mail("kari@example.no", headers));
    }

    @Test
    void headerValuesAreReadWithoutCaseCommentsOrBlanks() {
        assertThat(classify(Map.of("auto-submitted", List.of(" Auto-Generated (by the MTA) ")))).contains(SkipReason.AUTO_REPLY);
        assertThat(classify(Map.of("auto-submitted", List.of("No (a person wrote this)")))).isEmpty();
        assertThat(classify(Map.of("precedence", List.of("JUNK")))).contains(SkipReason.BULK);
        assertThat(classify(Map.of("precedence", List.of("auto_reply")))).contains(SkipReason.AUTO_REPLY);
        assertThat(classify(Map.of("precedence", List.of("normal")))).isEmpty();
        assertThat(classify(Map.of("x-autorespond", List.of("")))).contains(SkipReason.AUTO_REPLY);
        assertThat(classify(Map.of("return-path", List.of("< >")))).contains(SkipReason.AUTO_REPLY);
        assertThat(classify(Map.of("return-path", List.of("<kari@example.no>")))).isEmpty();
        assertThat(classify(Map.of("x-loop", List.of("helpdesk")))).isEmpty();
    }

    @Test
    void ownMailComesFirstThenBouncesThenAutoRepliesThenBulk() {
        assertThat(classify(Map.of("x-loop", List.of("tenantdesk"), "content-type", List.of("multipart/report"))))
                .contains(SkipReason.OWN_MAIL);
        assertThat(classify(Map.of("return-path", List.of("<>"),
                "content-type", List.of("Multipart/Report; report-type=delivery-status; boundary=x"))))
                .contains(SkipReason.BOUNCE);
        assertThat(classify(Map.of("auto-submitted", List.of("auto-replied"), "precedence", List.of("bulk"))))
                .contains(SkipReason.AUTO_REPLY);
    }

    @Test
    void ownAddressesAreComparedWithoutCase() {
        Classifier mixedCase = new Classifier(Set.of("Post@Eiendom.Example"));

        assertThat(mixedCase.classify(mail("POST@eiendom.example", Map.of()))).contains(SkipReason.OWN_MAIL);
        assertThat(mixedCase.classify(mail("kari@example.no", Map.of()))).isEmpty();
    }
}
